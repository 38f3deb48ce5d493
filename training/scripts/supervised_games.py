#!/usr/bin/env python3
"""Supervised run on rows the engine writes from real games: split the SGF records by game
(colour-swapped pairs of `tengen match` stay together, duplicate games are dropped), turn each
side into rows with `tengen rows`, train, and report policy top-1 accuracy and value loss on
the held-out games' positions, with a PNG plot and baselines.

    python3 training/scripts/supervised_games.py --games games/m1 games/m2 ... \\
        --out runs/sv [--tengen .build/release/tengen] [--preset b4c64] [--steps 2400] \\
        [--batch 128] [--holdout 0.05] [--opening-moves 6] [--size 9] [--rules chinese] \\
        [--teacher kata.bin.gz --teacher-threads 2] [--export net.bin.gz] [--prepare-only] \\
        [--init-model net.bin.gz]

Each --games folder is split and turned into rows on its own (out/parts/NAME), so a folder can
be labelled with --prepare-only while others are still being played, and folders can be added
to a finished run; training uses all parts (out/train.npz, out/heldout.npz).

A --games folder may also be a `tengen selfplay` folder of distillation games (`rawPolicy`: the
teacher played them and its evaluations are the rows' targets). Its games are split by game the
same way; its rows are used as they are (no second labelling), and its held-out games are
turned into played-move rows with `tengen rows` like any other record.

With --teacher (distillation), the training rows carry the teacher network's policy, value,
lead and ownership (`tengen rows --teacher`); the held-out rows keep the records' moves and
results, so top-1 and value loss measure the student against what was played, and the
teacher's own agreement with the played moves and value loss on the same positions are
reported beside it (dashed "teacher" lines).

Every stage is skipped when its output exists, and training resumes from its newest
checkpoint, so rerunning the same command continues an interrupted run.
"""

import argparse
import glob
import json
import os
import subprocess

import numpy as np

from tengen_train.data import concat_rows, read_rows, select_rows, write_rows
from tengen_train.supervised import pair_key, run_and_report, sgf_summary, split_games
from tengen_train.train import TrainConfig


def prepare_selfplay_part(a, games_dir, part, stats_path):
    """A `tengen selfplay` folder: split its games -> train.npz and heldout-teacher.npz from its
    own rows (the teacher's labels), heldout.npz from `tengen rows` on the held-out records."""
    name = os.path.basename(os.path.normpath(games_dir))
    records = []
    for p in sorted(glob.glob(os.path.join(games_dir, "sgf", "game_*.sgf"))):
        moves, result = sgf_summary(open(p, encoding="utf-8", errors="replace").read())
        records.append((os.path.abspath(p), f"{name}#{_index(p)}", moves, result))
    train, held, stats = split_games(records, a.holdout, seed=a.split_seed)
    files = sorted(glob.glob(os.path.join(games_dir, "rows", "rows_*.npz")))
    rows = concat_rows([read_rows(f)[0] for f in files])
    index = rows["game_id"] & 0xFFFFFFFF
    late = rows["move_number"] >= a.opening_moves
    meta = {"source": "tengen selfplay (rawPolicy)", "games": games_dir,
            "dropped_rows_before_move": a.opening_moves}
    for out, paths in (("train", train), ("heldout-teacher", held)):
        keep = np.nonzero(np.isin(index, [_index(p) for p in paths]) & late)[0]
        keep = keep[np.lexsort((rows["move_number"][keep], index[keep]))]   # by game, then move
        stats[out + "_rows_written"] = stats[out + "_rows"] = int(len(keep))
        stats[out + "_game_ids"] = int(len(np.unique(index[keep])))
        if len(keep):
            write_rows(os.path.join(part, out + ".npz"), select_rows(rows, keep), a.size,
                       meta=dict(meta, split=out))
    stats["heldout_rows_written"] = stats["heldout_rows"] = stats["heldout_game_ids"] = 0
    if held:
        sgf_dir = os.path.join(part, "sgf", "heldout")
        rows_dir = os.path.join(part, "rows", "heldout")
        os.makedirs(sgf_dir, exist_ok=True)
        for p in held:
            link = os.path.join(sgf_dir, os.path.basename(p))
            if not os.path.lexists(link):
                os.symlink(p, link)
        if not glob.glob(os.path.join(rows_dir, "*.npz")):
            subprocess.run(["nice", "-n", "10", a.tengen, "rows", "--out", rows_dir, "--pos-len", str(a.size),
                            "--rules", a.rules, sgf_dir], check=True)
        played = concat_rows([read_rows(f)[0] for f in sorted(glob.glob(os.path.join(rows_dir, "*.npz")))])
        # `tengen rows` numbers the records in sorted order: k -> the k-th held-out game. Keep
        # the positions the teacher's rows have (no rows for the sampled opening), so the
        # student and the teacher are scored on the same positions.
        order = sorted(_index(p) for p in held)
        k = played["game_id"] & 0xFFFFFFFF
        if len(np.unique(k)) != len(order) or k.max() >= len(order):
            raise SystemExit(f"{rows_dir}: expected rows of {len(order)} games")
        teacher_keys = set(zip(index[np.isin(index, order) & late].tolist(),
                               rows["move_number"][np.isin(index, order) & late].tolist()))
        game = np.array(order)[k]
        keep = np.array([i for i, (g, m) in enumerate(zip(game.tolist(), played["move_number"].tolist()))
                         if (g, m) in teacher_keys], dtype=np.int64)
        keep = keep[np.lexsort((played["move_number"][keep], game[keep]))]    # the teacher rows' order
        played["game_id"] = (rows["game_id"][0] & ~0xFFFFFFFF) | game         # and their game ids
        stats["heldout_rows_written"] = int(len(played["move_number"]))
        stats["heldout_rows"] = int(len(keep))
        stats["heldout_game_ids"] = int(len(np.unique(played["game_id"])))
        write_rows(os.path.join(part, "heldout.npz"), select_rows(played, keep), a.size,
                   meta=dict(meta, source="tengen rows", split="heldout"))
    with open(stats_path, "w") as f:
        json.dump(stats, f, indent=1)
    return stats


def _index(path):
    return int(os.path.basename(path)[len("game_"):-len(".sgf")])


def prepare_part(a, games_dir):
    """One folder of SGF records: split -> out/parts/NAME/sgf/{train,heldout} (symlinks) ->
    tengen rows -> out/parts/NAME/{train,heldout[,heldout-teacher]}.npz without the rows of the
    random opening. Skipped when its split.json exists. Returns the split statistics."""
    part = os.path.join(a.out, "parts", os.path.basename(os.path.normpath(games_dir)))
    stats_path = os.path.join(part, "split.json")
    if os.path.exists(stats_path):
        return json.load(open(stats_path))
    if os.path.exists(os.path.join(games_dir, "selfplay.json")):
        os.makedirs(part, exist_ok=True)
        return prepare_selfplay_part(a, games_dir, part, stats_path)
    records = []
    for p in sorted(glob.glob(os.path.join(games_dir, "**", "*.sgf"), recursive=True)):
        moves, result = sgf_summary(open(p, encoding="utf-8", errors="replace").read())
        records.append((os.path.abspath(p), pair_key(p), moves, result))
    train, held, stats = split_games(records, a.holdout, seed=a.split_seed)
    outputs = [("train", train, a.teacher), ("heldout", held, None)]
    if a.teacher:
        outputs.append(("heldout-teacher", held, a.teacher))
    for name, paths, teacher in outputs:
        stats[name + "_rows_written"] = stats[name + "_rows"] = stats[name + "_game_ids"] = 0
        if not paths:   # a small folder may have no held-out game: the other parts have some
            continue
        sgf_dir = os.path.join(part, "sgf", name.split("-")[0])
        rows_dir = os.path.join(part, "rows", name + ("-teacher" if teacher and name == "train" else ""))
        os.makedirs(sgf_dir, exist_ok=True)
        for p in paths:
            link = os.path.join(sgf_dir, os.path.basename(os.path.dirname(p)) + "_" + os.path.basename(p))
            if not os.path.lexists(link):
                os.symlink(p, link)
        if not glob.glob(os.path.join(rows_dir, "*.npz")):
            cmd = ["nice", "-n", "10", a.tengen, "rows", "--out", rows_dir, "--pos-len", str(a.size),
                   "--rules", a.rules]
            if teacher:
                cmd += ["--teacher", teacher, "--threads", str(a.teacher_threads)]
            subprocess.run(cmd + [sgf_dir], check=True)
        parts = [read_rows(f)[0] for f in sorted(glob.glob(os.path.join(rows_dir, "*.npz")))]
        rows = concat_rows(parts)
        keep = np.nonzero(rows["move_number"] >= a.opening_moves)[0]
        stats[name + "_rows_written"] = int(len(rows["move_number"]))
        stats[name + "_rows"] = int(len(keep))
        stats[name + "_game_ids"] = int(len(np.unique(rows["game_id"])))
        write_rows(os.path.join(part, name + ".npz"), select_rows(rows, keep), a.size,
                   meta={"source": "tengen rows", "games": games_dir, "split": name, "teacher": teacher,
                         "dropped_rows_before_move": a.opening_moves})
    with open(stats_path, "w") as f:
        json.dump(stats, f, indent=1)
    return stats


def prepare(a):
    """Every --games folder as its own part (so folders can be labelled while others are still
    being played, and added later), then out/{train,heldout[,heldout-teacher]}.npz joining the
    parts. Returns the summed split statistics and the statistics per part."""
    per_part = {os.path.basename(os.path.normpath(d)): prepare_part(a, d) for d in a.games}
    total = {}
    for st in per_part.values():
        for k, v in st.items():
            total[k] = total.get(k, 0) + v
    if not a.prepare_only:
        names = ["train", "heldout"] + (["heldout-teacher"] if a.teacher else [])
        for name in names:
            files = [os.path.join(a.out, "parts", p, name + ".npz") for p in per_part]
            parts = [read_rows(f)[0] for f in files if os.path.exists(f)]
            if not parts:
                raise SystemExit(f"no {name} games in {a.games}: play more games or raise --holdout")
            # game ids are per folder: keep them apart so the parts' games stay distinct
            for i, rows in enumerate(parts):
                rows["game_id"] = rows["game_id"] + (i << 40)
            write_rows(os.path.join(a.out, name + ".npz"), concat_rows(parts), a.size,
                       meta={"source": "tengen rows", "games": a.games, "split": name,
                             "teacher": a.teacher if name != "heldout" else None,
                             "dropped_rows_before_move": a.opening_moves})
    return total, per_part


def baselines(train_path, held_path):
    """Trivial predictors fitted on the training rows, scored on the held-out rows."""
    tr, _, _ = read_rows(train_path)
    va, _, _ = read_rows(held_path)
    eps = 1e-12
    out = []
    # value: constant = the training-set mean outcome for the player to move; and the mean
    # outcome by colour to move (komi makes one colour the favourite)
    vt = va["value_target"]
    p = tr["value_target"].mean(0)
    out.append(("loss_value", "train mean outcome", float(-(vt * np.log(p + eps)).sum(1).mean())))
    pred = np.empty_like(vt)
    for c in (1, 2):
        pred[va["pla"] == c] = tr["value_target"][tr["pla"] == c].mean(0)
    out.append(("loss_value", "mean outcome by colour", float(-(vt * np.log(pred + eps)).sum(1).mean())))
    # policy: the most frequent move point of the training rows; the most frequent one at
    # the same move number; the training rows' move frequencies as a constant distribution
    tp = tr["policy_target"] / np.maximum(tr["policy_target"].sum(1, keepdims=True), 1e-30)
    vp = va["policy_target"] / np.maximum(va["policy_target"].sum(1, keepdims=True), 1e-30)
    freq = tp.sum(0)
    target = vp.argmax(1)
    out.append(("policy_top1", "most frequent point", float((target == freq.argmax()).mean())))
    by_move = {}
    for m in np.unique(tr["move_number"]):
        by_move[int(m)] = tp[tr["move_number"] == m].sum(0).argmax()
    guess = np.array([by_move.get(int(m), freq.argmax()) for m in va["move_number"]])
    out.append(("policy_top1", "most frequent point at that move number", float((target == guess).mean())))
    q = (freq + 1.0) / (freq + 1.0).sum()   # add-one smoothing: every point has some mass
    out.append(("loss_policy", "train move frequencies", float(-(vp * np.log(q)).sum(1).mean())))
    return out


def teacher_scores(held_path, teacher_path, label):
    """The teacher's own held-out numbers on the same positions: agreement of its policy's
    best move with the move played, and its value loss against the result."""
    va, _, _ = read_rows(held_path)
    te, _, _ = read_rows(teacher_path)
    same_games = np.array_equal(va["game_id"] & 0xFFFFFFFF, te["game_id"] & 0xFFFFFFFF)   # index within the run
    if len(va["move_number"]) != len(te["move_number"]) or not same_games \
            or not np.array_equal(va["move_number"], te["move_number"]):
        raise SystemExit(f"{teacher_path}: rows do not line up with {held_path}")
    played = va["policy_target"].argmax(1)
    agree = float((te["policy_target"].argmax(1) == played).mean())
    p = np.clip(te["value_target"], 1e-6, 1)
    has = va["target_weights"][:, 1] > 0
    vloss = float(-(va["value_target"][has] * np.log(p[has])).sum(1).mean())
    return [("policy_top1", f"teacher {label}", agree), ("loss_value", f"teacher {label}", vloss)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", nargs="+", required=True, help="folders of SGF records (searched recursively)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--tengen", default=os.environ.get("TENGEN", ".build/release/tengen"))
    ap.add_argument("--holdout", type=float, default=0.05, help="fraction of game pairs held out")
    ap.add_argument("--split-seed", type=int, default=0)
    ap.add_argument("--opening-moves", type=int, default=6,
                    help="drop rows with fewer moves played (the match's random opening moves)")
    ap.add_argument("--preset", default="b4c64")
    ap.add_argument("--steps", type=int, default=2400)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--val-every", type=int, default=200)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--size", type=int, default=9, help="board size = row grid (larger boards are skipped)")
    ap.add_argument("--rules", default="chinese", help="rules of records without RU")
    ap.add_argument("--teacher", help="label the training rows with this network (distillation)")
    ap.add_argument("--teacher-threads", type=int, default=2)
    ap.add_argument("--export", help="write the trained network here (KataGo .bin.gz)")
    ap.add_argument("--prepare-only", action="store_true",
                    help="write the rows of each --games folder (out/parts/NAME) and stop")
    ap.add_argument("--init-model", help="start from this checkpoint's or network's weights")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    stats, per_part = prepare(a)
    print(json.dumps({"total": stats, "parts": per_part}))
    if a.prepare_only:
        return
    train_path = os.path.join(a.out, "train.npz")
    held_path = os.path.join(a.out, "heldout.npz")
    base = baselines(train_path, held_path)
    if a.teacher:
        base += teacher_scores(held_path, os.path.join(a.out, "heldout-teacher.npz"),
                               os.path.basename(a.teacher).split(".")[0])
    cfg = TrainConfig(data=[train_path], val_data=[held_path], run_dir=os.path.join(a.out, "run"),
                      preset=a.preset, steps=a.steps, batch_size=a.batch, lr=a.lr,
                      optimizer="sgd", schedule="cosine", warmup_steps=50, threads=a.threads,
                      val_every=a.val_every, val_rows=stats["heldout_rows"],
                      checkpoint_every=a.val_every, init_model=a.init_model or "")
    title = (f"{a.preset} on rows of {stats['train']} games ({stats['train_rows']} rows), "
             f"held out: {stats['heldout']} games ({stats['heldout_rows']} rows)")
    if a.teacher:
        title += f", labels from {os.path.basename(a.teacher)}"
    run_and_report(cfg, a.out, title, baselines=base,
                   extra={"split": stats, "split_by_folder": per_part, "teacher": a.teacher})
    if a.export:
        from tengen_train.katago_format import export_model
        from tengen_train.train import Trainer
        tr = Trainer(cfg)   # resumes the finished run: its final weights
        export_model(tr.model.eval(), a.export, name=os.path.basename(a.export).split(".")[0])
        print(f"exported {a.export} (step {tr.step})")


if __name__ == "__main__":
    main()
