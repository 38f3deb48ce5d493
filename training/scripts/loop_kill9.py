#!/usr/bin/env python3
"""kill -9 the self-play training loop at random moments, resume it each time, and check that
  * after every kill each file on disk loads: status.json, every row file (read_rows), every
    exported network (import_model), every trainer checkpoint (load_checkpoint);
  * the finally completed run has the same games (moves, results), rows, training plans,
    gating results, promotions and ratings as an uninterrupted run, and the same networks.

Self-play plays one game at a time here (`selfplay_parallel = 1`): with several games the
network's batches mix positions in thread order, which moves the last bits of evaluations
(each game is still a function of its seed, but its targets agree only to float rounding).

    python3 training/scripts/loop_kill9.py --trials 10 [--seed 1] [--tengen .build/release/tengen]

The loop is a tiny one (tiny preset, 5x5, a few games per generation, 2 generations) so that
a trial takes seconds. Each kill aims at the next of the stages self-play, training (with its
export), gating and rating: it waits until status.json names that stage, then kills at a
random moment up to 1.5 s later (the stage reported is the one the loop was in).
"""

import argparse
import glob
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from tengen_train import checkpoint as C
from tengen_train.data import read_rows
from tengen_train.katago_format import import_model
from tengen_train.model import AUX_PREFIXES

CONFIG = """
preset = tiny
board_size = 5
komi = 0.5
games_per_generation = 6
selfplay_parallel = 1
nn_threads = 1
samples_per_row = 2
batch_size = 16
min_steps_per_generation = 6
checkpoint_every = 2
train_threads = 1
gate_games = 4
gate_visits = 8
rating_games = 2
rating_visits = 8
rating_opponents = rollout:50
selfplay.fullVisits = 16
selfplay.cheapVisits = 4
selfplay.reducedVisitsMin = 4
selfplay.gamesPerFile = 2
"""


def loop_cmd(run_dir, cfg_path, generations):
    return [sys.executable, "-m", "tengen_train.loop", "--run", run_dir, "--config", cfg_path,
            "--generations", str(generations)]


def check_files(run_dir):
    """Every file the loop wrote loads; returns how many were checked."""
    n = 0
    if os.path.exists(os.path.join(run_dir, "status.json")):
        json.load(open(os.path.join(run_dir, "status.json")))
        n += 1
    for f in glob.glob(os.path.join(run_dir, "selfplay", "**", "rows", "rows_*.npz"), recursive=True):
        read_rows(f)
        n += 1
    for f in glob.glob(os.path.join(run_dir, "selfplay", "**", "rows", "rows_*.json"), recursive=True):
        json.load(open(f))
        n += 1
    for f in glob.glob(os.path.join(run_dir, "models", "*.bin.gz")):
        import_model(f)
        n += 1
    for _, path in C.list_checkpoints(os.path.join(run_dir, "train")):
        C.load_checkpoint(path)
        n += 1
    return n


def outcome(run_dir):
    """What must not depend on the kills: per generation the games, rows, training plan,
    gating and promotion; the networks' bytes."""
    s = json.load(open(os.path.join(run_dir, "status.json")))
    gens = {}
    for k, r in s["generations"].items():
        sp = dict(r.get("selfplay") or {})
        sp.pop("game_seconds_mean", None)   # wall-clock time
        gens[k] = {"selfplay": sp, "steps": (r.get("train") or {}).get("to_step"),
                   "window": (r.get("train") or {}).get("window_rows"), "gate": r.get("gate"),
                   "promoted": r.get("promoted"), "rating": r.get("rating")}
    nets = {}
    for f in glob.glob(os.path.join(run_dir, "models", "*.bin.gz")):
        m, _ = import_model(f)
        nets[os.path.basename(f)] = {k: v for k, v in m.state_dict().items() if not k.startswith(AUX_PREFIXES)}
    return {"best": s["best"], "generations": gens}, nets


def net_difference(a, b):
    """Largest weight difference between two runs' networks of the same names (inf if the
    names differ)."""
    if a.keys() != b.keys():
        return float("inf")
    return max((float((a[n][k] - b[n][k]).abs().max()) for n in a for k in a[n]), default=0.0)


def _stage(run_dir):
    try:
        with open(os.path.join(run_dir, "status.json")) as f:
            return json.load(f).get("stage", "")
    except (OSError, ValueError):
        return ""


def run(trials, seed, generations=2, tengen=None, log=print):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as d:
        cfg = os.path.join(d, "loop.cfg")
        with open(cfg, "w") as f:
            f.write(CONFIG + (f"tengen = {os.path.abspath(tengen)}\n" if tengen else ""))
        ref_dir, kill_dir = os.path.join(d, "ref"), os.path.join(d, "killed")
        t0 = time.time()
        subprocess.run(loop_cmd(ref_dir, cfg, generations), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        span = time.time() - t0
        ref, ref_nets = outcome(ref_dir)
        results = []
        same = True
        rounds = 0

        def finish_round():
            # Complete the killed run and compare it with the uninterrupted one.
            nonlocal same, rounds
            subprocess.run(loop_cmd(kill_dir, cfg, generations), check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            got, got_nets = outcome(kill_dir)
            diff = net_difference(ref_nets, got_nets)
            ok = got == ref and diff == 0
            if not ok:
                log(json.dumps({"reference": ref, "resumed": got}, indent=1))
            log(f"round {rounds}: resumed run equals the uninterrupted one: {ok} "
                f"(largest weight difference {diff:.2g})")
            same = same and ok
            rounds += 1
            shutil.rmtree(kill_dir, ignore_errors=True)

        stages = ("selfplay", "train", "gate", "rate")
        while len(results) < trials:
            # Each kill aims at a stage in turn (self-play, training with its export, gating,
            # rating): wait until status.json names it, then kill after a random moment.
            target = stages[len(results) % len(stages)]
            p = subprocess.Popen(loop_cmd(kill_dir, cfg, generations),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t0 = time.time()
            while p.poll() is None and time.time() - t0 < 2 * span + 10:
                if _stage(kill_dir).startswith(target):
                    break
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 1.5))
            delay = time.time() - t0
            if p.poll() is not None:   # it finished first: this round is complete
                finish_round()
                continue
            st = {}
            if os.path.exists(os.path.join(kill_dir, "status.json")):
                st = json.load(open(os.path.join(kill_dir, "status.json")))
            p.send_signal(signal.SIGKILL)
            p.wait()
            time.sleep(0.2)   # the children die with the loop (PR_SET_PDEATHSIG)
            stage = f"generation {st.get('generation', 0)} {st.get('stage', 'start')}"
            checked = check_files(kill_dir)
            results.append({"kill": len(results), "delay": round(delay, 2), "stage": stage,
                            "files_checked": checked, "all_load": True, "killed": True})
            log(f"kill {len(results)}: after {delay:.1f} s in {stage}; {checked} files load")
        finish_round()
        log(f"{trials} kills in {rounds} rounds; every resumed run equals the uninterrupted one: {same} "
            f"({sum(g['selfplay'].get('games', 0) for g in ref['generations'].values())} games, "
            f"{sum(g['selfplay'].get('rows', 0) for g in ref['generations'].values())} rows, "
            f"{len(ref_nets)} networks per run)")
        return results, same


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--generations", type=int, default=2)
    ap.add_argument("--tengen", help="engine binary (default: the repository's release build)")
    a = ap.parse_args()
    _, same = run(a.trials, a.seed, a.generations, a.tengen)
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
