"""Self-play of the training loop on a real local Ray cluster (head on 127.0.0.1)."""

import json
import os
import socket
import subprocess
import sys
import tempfile

import pytest

from repo_scripts import load_script

ray = pytest.importorskip("ray")
from test_loop import TENGEN, needs_tengen  # noqa: E402

loop_kill9 = load_script("training/scripts/loop_kill9.py")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@needs_tengen
def test_two_ray_workers_play_a_generation():
    port = free_port()
    ray_bin = os.path.join(os.path.dirname(sys.executable), "ray")
    start = [ray_bin, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}", "--num-cpus=2",
             "--include-dashboard=false", "--disable-usage-stats"]
    subprocess.run(start, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    try:
        with tempfile.TemporaryDirectory() as d:
            cfg = os.path.join(d, "loop.cfg")
            with open(cfg, "w") as f:
                f.write(loop_kill9.CONFIG + f"tengen = {TENGEN}\nselfplay_workers = 2\nnn_threads = 1\n"
                        "gating = false\nrating_every = 0\n")
            run = os.path.join(d, "run")
            proc = subprocess.run([sys.executable, "-m", "tengen_train.loop", "--run", run, "--config", cfg,
                            "--generations", "1", "--ray", f"127.0.0.1:{port}"],
                           timeout=600, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            assert proc.returncode == 0, proc.stderr[-3000:]
            status = json.load(open(os.path.join(run, "status.json")))
            assert status["generations"]["1"]["selfplay"]["games"] == 6
            for k in (0, 1):
                idx = [g["index"] for f in sorted(os.listdir(os.path.join(run, "selfplay", "gen0001", f"worker{k}", "rows")))
                       if f.endswith(".json")
                       for g in json.load(open(os.path.join(run, "selfplay", "gen0001", f"worker{k}", "rows", f)))["games"]]
                assert sorted(idx) == [0, 1, 2]
            assert os.path.exists(os.path.join(run, "models", "gen0001.bin.gz"))
            log = open(os.path.join(run, "logs", "selfplay-w1.log")).read()
            assert "selfplay:" in log   # the worker's own progress lines reached the shared folder
    finally:
        subprocess.run([ray_bin, "stop", "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
