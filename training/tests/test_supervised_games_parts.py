"""scripts/supervised_games.py turns each games folder into its own part (labelled on its own,
skipped when done) and trains on all parts, held out by game (through the real binary)."""
import glob
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from repo_scripts import ROOT, tengen_binary
from tengen_train.data import read_rows
from tengen_train.supervised import pair_key, split_games

SCRIPT = os.path.join(ROOT, "training/scripts/supervised_games.py")
TEACHER = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v8-resnet.txt.gz")


def games(binary, out, seed):
    subprocess.run([binary, "match", "--a", "tengen:playouts=30,seed=1", "--b", "tengen:playouts=30,seed=2",
                    "--games", "8", "--size", "9", "--opening", "2", "--seed", str(seed), "--out", str(out)],
                   check=True, capture_output=True, timeout=300)


def seed_holding_out_from_each(folders):
    """A --split-seed that puts at least one pair of every folder on each side (the split
    hashes the folder's absolute path, which differs from run to run)."""
    for seed in range(200):
        ok = True
        for f in folders:
            paths = sorted(glob.glob(os.path.join(str(f), "*.sgf")))
            train, held, _ = split_games([(p, pair_key(p), p, "B+1") for p in paths], 0.4, seed=seed)
            ok = ok and bool(train) and bool(held)
        if ok:
            return seed
    raise AssertionError("no seed splits every folder")


def script(binary, out, folders, *extra):
    r = subprocess.run([sys.executable, SCRIPT, "--tengen", binary, "--games", *map(str, folders),
                        "--out", str(out), "--teacher", TEACHER, "--teacher-threads", "1",
                        "--holdout", "0.4", "--opening-moves", "2", *extra],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return r


def test_parts_are_labelled_once_and_joined_for_training(tmp_path):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("no tengen binary built")
    a, b = tmp_path / "a", tmp_path / "b"
    games(binary, a, 1)
    games(binary, b, 2)
    out = tmp_path / "sv"
    seed = str(seed_holding_out_from_each([a, b]))
    script(binary, out, [a], "--prepare-only", "--split-seed", seed)
    part_a = out / "parts" / "a"
    assert (part_a / "split.json").exists() and not (out / "train.npz").exists()
    stamp = os.path.getmtime(part_a / "train.npz")

    script(binary, out, [a, b], "--split-seed", seed, "--preset", "b4c64", "--steps", "2", "--batch", "8", "--val-every", "1",
           "--export", str(tmp_path / "net.bin.gz"))
    assert os.path.getmtime(part_a / "train.npz") == stamp          # part a was not labelled again
    summary = json.load(open(out / "summary.json"))
    by_folder = summary["split_by_folder"]
    assert set(by_folder) == {"a", "b"}
    for name in ("train", "heldout"):
        joined, _, _ = read_rows(str(out / f"{name}.npz"))
        parts = [read_rows(str(out / "parts" / p / f"{name}.npz"))[0] for p in ("a", "b")]
        assert len(joined["move_number"]) == sum(len(p["move_number"]) for p in parts)
        assert summary["split"][f"{name}_rows"] == len(joined["move_number"])
    # no game is on both sides of the split, and games of the two folders stay distinct
    tr, _, _ = read_rows(str(out / "train.npz"))
    he, _, _ = read_rows(str(out / "heldout.npz"))
    assert not set(np.unique(tr["game_id"])) & set(np.unique(he["game_id"]))
    assert len(np.unique(tr["game_id"])) == summary["split"]["train_game_ids"]
    # the training rows carry the teacher's soft policy; the held-out rows the moves played
    assert (tr["policy_target"] > 0).sum(1).mean() > 1.5
    assert np.all((he["policy_target"] > 0).sum(1) == 1)
    assert os.path.getsize(tmp_path / "net.bin.gz") > 0
    assert glob.glob(str(out / "supervised.png"))


def test_a_selfplay_folder_of_distillation_games_is_a_part(tmp_path):
    """rawPolicy self-play rows are used as they are (the teacher's labels), split by game; the
    held-out games become played-move rows, and the teacher's rows of the same games the
    teacher's reference."""
    binary = tengen_binary()
    if binary is None:
        pytest.skip("no tengen binary built")
    sp = tmp_path / "sp"
    subprocess.run([binary, "selfplay", "--model", TEACHER, "--out", str(sp), "--games", "10",
                    "--set", "rawPolicy=true,boardSizes=9,gamesPerFile=4", "--parallel-games", "2",
                    "--nn-threads", "1"], check=True, capture_output=True, timeout=300)
    out = tmp_path / "sv"
    seed = next(s for s in range(200)
                if 0 < sum(split_games([(f"x{i}", f"sp#{i}", f"m{i}", "B+1") for i in range(10)], 0.4, s)[2][k]
                           for k in ("heldout",)) < 10)
    script(binary, out, [sp], "--prepare-only", "--split-seed", str(seed))
    stats = json.load(open(out / "parts" / "sp" / "split.json"))
    rows = [read_rows(f)[0] for f in sorted(glob.glob(str(sp / "rows" / "*.npz")))]
    late = sum(int((r["move_number"] >= 2).sum()) for r in rows)
    assert stats["train_rows"] + stats["heldout-teacher_rows"] == late > 0
    assert stats["train"] + stats["heldout"] == 10 and stats["heldout"] > 0
    tr, _, _ = read_rows(str(out / "parts" / "sp" / "train.npz"))
    ht, _, _ = read_rows(str(out / "parts" / "sp" / "heldout-teacher.npz"))
    he, _, _ = read_rows(str(out / "parts" / "sp" / "heldout.npz"))
    assert not set(np.unique(tr["game_id"] & 0xFFFFFFFF)) & set(np.unique(ht["game_id"] & 0xFFFFFFFF))
    assert np.all((he["policy_target"] > 0).sum(1) == 1)          # the moves played
    assert (ht["policy_target"] > 0).sum(1).mean() > 1.5          # the teacher's policy
    assert (ht["value_target"].max(1) < 0.999).mean() > 0.5        # and its value, not the result
    assert stats["heldout_game_ids"] == stats["heldout"] == stats["heldout-teacher_game_ids"]
    # the same positions on both held-out sides
    assert sorted(he["move_number"].tolist()) == sorted(ht["move_number"].tolist())
