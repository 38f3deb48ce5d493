"""Supervised runs with a held-out set: the game-level train/held-out split of SGF records,
and the shared run + report (training, held-out curve, PNG plot, summary JSON) used by
scripts/supervised_synthetic.py and scripts/supervised_games.py."""

import dataclasses
import hashlib
import json
import os
import re
import time

# ----------------------------------------------------------------------- game-level split

_MOVE = re.compile(r";\s*([BW])\[([a-z]{0,2})\]")
_RESULT = re.compile(r"RE\[([^\]]*)\]")
_GAME_NUMBER = re.compile(r"(\d+)\.sgf$")


def sgf_summary(text):
    """(main-line moves as a tuple of (colour, point), RE value or None) of a one-game SGF
    without variations (what `tengen match` writes)."""
    m = _RESULT.search(text)
    return tuple(_MOVE.findall(text)), (m.group(1) if m else None)


def pair_key(path):
    """`tengen match` plays each random opening twice, colours swapped (games 2k and 2k+1):
    both games of a pair share the key, so they land on the same side of the split."""
    m = _GAME_NUMBER.search(os.path.basename(path))
    folder = os.path.dirname(os.path.abspath(path))
    return f"{folder}#{int(m.group(1)) // 2}" if m else os.path.abspath(path)


def split_games(records, holdout_frac, seed=0):
    """Split games into (train, held-out) by group, never by position.

    records: iterable of (path, group_key, moves, result). Games without a decisive or
    drawn result (RE missing, '?', 'Void') are dropped: the value target needs it. A game
    whose move sequence equals an earlier one (sorted by path) is dropped as a duplicate, so
    no position sequence is in both sets. A group goes to the held-out set when a hash of
    (seed, group_key) falls below holdout_frac, i.e. the split is stable when games are
    added. Returns (train_paths, heldout_paths, stats dict)."""
    seen = set()
    train, held = [], []
    stats = {"games": 0, "no_result": 0, "duplicates": 0}
    for path, key, moves, result in sorted(records, key=lambda r: r[0]):
        stats["games"] += 1
        if not result or result[0] not in "BWD0J" or result.startswith("Void"):
            stats["no_result"] += 1
            continue
        if moves in seen:
            stats["duplicates"] += 1
            continue
        seen.add(moves)
        h = hashlib.sha256(f"{seed}:{key}".encode()).digest()
        (held if int.from_bytes(h[:8], "big") / 2.0 ** 64 < holdout_frac else train).append(path)
    stats["train"], stats["heldout"] = len(train), len(held)
    return train, held, stats


# --------------------------------------------------------------------------- run + report

_PANELS = [("policy_top1", "held-out policy top-1 accuracy"),
           ("loss_value", "held-out value loss (cross-entropy)"),
           ("loss_policy", "held-out policy loss (cross-entropy)")]


def run_and_report(cfg, out_dir, title, baselines=(), extra=None):
    """Train with `cfg` (a TrainConfig with val_data and val_every set; resumes like the
    trainer), evaluate the untrained net (same seed => same initial weights) as step 0, then
    write out_dir/supervised.png (held-out top-1, value loss and policy loss vs step, with the
    baselines as dashed lines) and out_dir/summary.json, and print the table.

    baselines: (metric, label, value) with metric one of policy_top1, loss_value,
    loss_policy. Returns the summary dict."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .train import Trainer

    os.makedirs(out_dir, exist_ok=True)
    t0 = time.time()
    Trainer(cfg).run()
    wall = time.time() - t0
    init_cfg = dataclasses.replace(cfg, run_dir=os.path.join(out_dir, "init"), steps=0,
                                   progress=False, plot=False)
    v0 = dict(Trainer(init_cfg).evaluate(), step=-1)
    recs = [json.loads(line) for line in open(os.path.join(cfg.run_dir, "metrics.jsonl"))]
    val = [v0] + [r for r in recs if r["split"] == "val"]
    steps = [r["step"] + 1 for r in val]
    fig, ax = plt.subplots(1, 3, figsize=(14, 4.2))
    for x, (key, name) in zip(ax, _PANELS):
        x.plot(steps, [r[key] for r in val], "o-", label=cfg.preset, markersize=4)
        for i, (metric, label, value) in enumerate(b for b in baselines if b[0] == key):
            x.axhline(value, linestyle="--", color=f"C{i + 1}", label=f"{label} ({value:.3f})")
        x.set_title(name)
        x.set_xlabel("step")
        x.grid(alpha=0.3)
        x.legend(fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    png = os.path.join(out_dir, "supervised.png")
    fig.savefig(png, dpi=80)
    plt.close(fig)
    print(f"{'step':>6s} {'val policy top-1':>17s} {'val value loss':>15s} {'val policy loss':>16s}")
    for r in val:
        print(f"{r['step'] + 1:6d} {r['policy_top1']:17.3f} {r['loss_value']:15.4f} {r['loss_policy']:16.4f}")
    for metric, label, value in baselines:
        print(f"baseline {metric} ({label}): {value:.4f}")
    summary = {
        "preset": cfg.preset, "steps": cfg.steps, "batch_size": cfg.batch_size, "lr": cfg.lr,
        "optimizer": cfg.optimizer, "schedule": cfg.schedule, "threads": cfg.threads,
        "train_seconds_this_invocation": round(wall, 1),
        "heldout": [{"step": r["step"] + 1, "policy_top1": r["policy_top1"],
                     "loss_value": r["loss_value"], "loss_policy": r["loss_policy"]} for r in val],
        "baselines": [{"metric": m, "label": lab, "value": v} for m, lab, v in baselines],
        "plot": png,
    }
    summary.update(extra or {})
    with open(os.path.join(out_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(f"plot: {png}\nsummary: {os.path.join(out_dir, 'summary.json')}")
    return summary
