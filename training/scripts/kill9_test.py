#!/usr/bin/env python3
"""kill -9 the trainer at random moments, resume each time, and check that
  * every checkpoint file present after each kill loads and verifies, and
  * the finally completed run has exactly the loss sequence of an uninterrupted run.

    python3 training/scripts/kill9_test.py --trials 12 [--seed 1]
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

from tengen_train import checkpoint as C
from tengen_train.synthetic import write_synthetic


def train_cmd(data, run_dir, steps):
    return [sys.executable, "-m", "tengen_train.train", "--data", data, "--run-dir", run_dir,
            "--preset", "tiny_nbt", "--steps", str(steps), "--batch-size", "16",
            "--checkpoint-every", "2", "--keep-checkpoints", "3", "--threads", "1",
            "--progress", "false", "--plot", "false", "--lr", "0.02", "--warmup-steps", "3"]


def losses(run_dir):
    out = []
    with open(os.path.join(run_dir, "metrics.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            if r["split"] == "train":
                out.append((r["step"], r["loss"]))
    return out


def run(trials, seed, steps=150, log=print):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as d:
        data = str(write_synthetic(os.path.join(d, "rows.npz"), 256, pos_len=7, seed=seed))
        ref_dir, kill_dir = os.path.join(d, "ref"), os.path.join(d, "killed")
        subprocess.run(train_cmd(data, ref_dir, steps), check=True,
                       stderr=subprocess.DEVNULL)
        ref = losses(ref_dir)
        results = []
        kills = 0
        while kills < trials:
            before = C.list_checkpoints(kill_dir)
            cur = before[-1][0] if before else 0
            if cur >= steps - 2:
                raise RuntimeError("ran out of steps before all trials: raise --steps")
            # kill point: shortly after a random step between here and a few steps ahead, so
            # kills land anywhere: in a step, while a checkpoint is being written, in between
            target = min(steps - 1, cur + rng.randint(1, 4))
            extra = rng.uniform(0.0, 0.15)
            p = subprocess.Popen(train_cmd(data, kill_dir, steps),
                                 stderr=subprocess.DEVNULL)
            while p.poll() is None:
                ck = C.list_checkpoints(kill_dir)
                if ck and ck[-1][0] >= target:
                    break
                time.sleep(0.01)
            time.sleep(extra)
            if p.poll() is not None:
                raise RuntimeError("trainer exited before the kill point")
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            kills += 1
            ckpts = C.list_checkpoints(kill_dir)
            bad = []
            for s, path in ckpts:
                try:
                    st = C.load_checkpoint(path)
                    assert st["step"] == s
                except Exception as e:  # noqa: BLE001
                    bad.append(f"{path}: {e}")
            stray = [f for f in os.listdir(kill_dir) if ".tmp." in f]
            r = {"trial": kills, "resumed_from": cur, "kill_target_step": target,
                 "extra_delay_s": round(extra, 3), "checkpoints_after_kill": [s for s, _ in ckpts],
                 "all_load": not bad, "stray_tmp_files": len(stray)}
            results.append(r)
            log(json.dumps(r))
            if bad:
                raise AssertionError(f"unloadable checkpoints after kill {kills}: {bad}")
        subprocess.run(train_cmd(data, kill_dir, steps), check=True,
                       stderr=subprocess.DEVNULL)
        got = losses(kill_dir)
        same = got == ref
        log(f"reference steps={len(ref)}; resumed run steps={len(got)}; identical loss sequence: {same}")
        if not same:
            diff = [(a, b) for a, b in zip(ref, got) if a != b][:5]
            raise AssertionError(f"loss sequences differ: {diff}")
        return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=150)
    a = ap.parse_args()
    res = run(a.trials, a.seed, a.steps)
    print(f"OK: {len(res)} kill -9 trials; every surviving checkpoint loaded; "
          f"resumed loss sequence identical to the uninterrupted run")


if __name__ == "__main__":
    main()
