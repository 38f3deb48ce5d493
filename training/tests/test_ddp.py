"""DDP through torchrun: 2 CPU processes on gloo train the same as 1 process on the same
global batch (gradients are averaged over equal halves of it). On the CPU on any machine
(--device cpu): with a GPU, one process would train on it in bf16."""

import json
import os
import subprocess
import sys

import torch

from tengen_train import checkpoint as C
from tengen_train.synthetic import write_synthetic


def _args(data, run_dir):
    return ["-m", "tengen_train.train", "--data", data, "--run-dir", run_dir, "--preset", "tiny",
            "--steps", "4", "--batch-size", "16", "--checkpoint-every", "4", "--threads", "1",
            "--progress", "false", "--plot", "false", "--lr", "0.05", "--warmup-steps", "0",
            "--device", "cpu"]


def _losses(run_dir):
    return [json.loads(l)["loss"] for l in open(os.path.join(run_dir, "metrics.jsonl"))]


def test_ddp_two_cpu_processes_match_single_process(tmp_path):
    data = str(write_synthetic(tmp_path / "rows.npz", 64, pos_len=7, seed=4))
    env = dict(os.environ, OMP_NUM_THREADS="1")
    one = str(tmp_path / "one")
    subprocess.run([sys.executable] + _args(data, one), env=env, check=True, timeout=300)
    two = str(tmp_path / "two")
    r = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone",
                        "--nproc_per_node=2"] + _args(data, two), env=env, timeout=300,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    l1, l2 = _losses(one), _losses(two)
    assert len(l1) == len(l2) == 4
    for a, b in zip(l1, l2):
        assert abs(a - b) <= 1e-4 * max(1.0, abs(a)), (l1, l2)
    s1 = C.load_checkpoint(C.checkpoint_path(one, 4))["model"]
    s2 = C.load_checkpoint(C.checkpoint_path(two, 4))["model"]
    for k in s1:
        assert torch.allclose(s1[k], s2[k], atol=1e-5, rtol=1e-4), k
    # and training actually moved the weights away from the seeded initialisation
    from tengen_train.model import Model
    torch.manual_seed(0)
    init = Model("tiny").state_dict()
    assert (s1["conv_spatial.weight"] - init["conv_spatial.weight"]).abs().max() > 1e-4
