#!/usr/bin/env python3
"""Self-play throughput on Ray against local processes, on the same machine.

Plays the same self-play commands (same seeds, so the same games) twice per round: as local
processes, as the loop runs them without --ray, and as Ray tasks on a local Ray head
(127.0.0.1), as `--ray` runs them (`tengen_train.loop_ray.run_commands`). Prints games/hour of
each and their ratio, and writes OUT/summary.json.

    python3 training/scripts/ray_vs_local.py --model networks/tengen-9x9.bin.gz \\
        --games 400 --workers 2 [--rounds 2] [--out runs/ray-vs-local]
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def commands(a, out):
    per = a.games // a.workers
    return [[a.tengen, "selfplay", "--model", a.model, "--out", os.path.join(out, f"worker{k}"),
             "--games", str(per), "--parallel-games", str(a.parallel), "--nn-threads", "1",
             "--seed", str(1000 + k), "--progress-interval", "600"] + (["--set", a.set] if a.set else [])
            for k in range(a.workers)]


def run_local(cmds, logs):
    procs = []
    for c, log in zip(cmds, logs):
        out = open(log, "ab")
        procs.append((subprocess.Popen(c, stdout=out, stderr=out), out))
    rcs = [p.wait() for p, _ in procs]
    for _, out in procs:
        out.close()
    if any(rcs):
        raise SystemExit(f"local self-play failed: exits {rcs}; see {logs}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--games", type=int, default=400, help="games per run, split over the workers")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--parallel", type=int, default=8, help="games at once per worker")
    ap.add_argument("--rounds", type=int, default=2, help="local and Ray runs, alternating")
    ap.add_argument("--set", default="", help="self-play settings (tengen selfplay --set)")
    ap.add_argument("--tengen", default=os.path.join(REPO, ".build", "release", "tengen"))
    ap.add_argument("--out", default=os.path.join(REPO, "runs", "ray-vs-local"))
    a = ap.parse_args()
    from tengen_train.loop_ray import run_commands

    ray_bin = shutil.which("ray") or os.path.join(os.path.dirname(sys.executable), "ray")
    port = free_port()
    subprocess.run([ray_bin, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}",
                    f"--num-cpus={a.workers}", "--include-dashboard=false", "--disable-usage-stats"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    results = {"local": [], "ray": []}
    try:
        for r in range(a.rounds):
            for mode in ("local", "ray") if r % 2 == 0 else ("ray", "local"):
                out = os.path.join(a.out, f"{mode}{r}")
                shutil.rmtree(out, ignore_errors=True)
                os.makedirs(out)
                cmds = commands(a, out)
                logs = [os.path.join(out, f"worker{k}.log") for k in range(a.workers)]
                t0 = time.time()
                if mode == "local":
                    run_local(cmds, logs)
                else:
                    run_commands(f"127.0.0.1:{port}", cmds, logs, cpus_per_task=1)
                secs = time.time() - t0
                rate = a.games / secs * 3600
                results[mode].append(round(rate, 1))
                print(f"round {r} {mode}: {a.games} games in {secs:.1f} s, {rate:.0f} games/h", flush=True)
    finally:
        subprocess.run([ray_bin, "stop", "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    local = sum(results["local"]) / len(results["local"])
    ray_rate = sum(results["ray"]) / len(results["ray"])
    summary = {"games": a.games, "workers": a.workers, "parallel": a.parallel, "model": a.model,
               "games_per_hour": results, "local_mean": round(local, 1), "ray_mean": round(ray_rate, 1),
               "ray_over_local": round(ray_rate / local, 3)}
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
