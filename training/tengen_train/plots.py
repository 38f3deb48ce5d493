"""PNG plots of metrics.jsonl (matplotlib, Agg backend: no display needed)."""

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HEADS = ["loss", "loss_policy", "loss_value", "loss_score", "loss_ownership", "policy_top1"]


def read(path):
    recs = []
    with open(path) as f:
        for line in f:
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError:
                break
    return recs


def plot_metrics(metrics_path, png_path, keys=HEADS, smooth=20):
    recs = read(metrics_path)
    fig, axes = plt.subplots(2, 3, figsize=(13, 7))
    for ax, key in zip(axes.ravel(), keys):
        for split, style in (("train", "-"), ("val", "o-")):
            pts = [(r["step"], r[key]) for r in recs if r.get("split") == split and key in r]
            if not pts:
                continue
            xs, ys = zip(*pts)
            if split == "train" and smooth > 1 and len(ys) > smooth:
                k = smooth
                ys = [sum(ys[max(0, i - k + 1):i + 1]) / len(ys[max(0, i - k + 1):i + 1])
                      for i in range(len(ys))]
            ax.plot(xs, ys, style, label=split, markersize=3)
        ax.set_title(key)
        ax.set_xlabel("step")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(png_path, dpi=90)
    plt.close(fig)
    return png_path


def plot_ratings(status, png_path):
    """The loop's rating curve: each generation's network against each fixed opponent, as Elo
    with its 95% interval (a win or loss of every game is drawn at the interval's end)."""
    gens = sorted(status.get("generations", {}).values(), key=lambda r: r["generation"])
    names = sorted({n for r in gens for n in r.get("rating", {})})
    fig, ax = plt.subplots(figsize=(8, 5))
    for name in names:
        xs, ys, lo, hi = [], [], [], []
        for r in gens:
            s = r.get("rating", {}).get(name)
            if not s:
                continue
            low, high = s.get("elo_low"), s.get("elo_high")
            elo = s.get("elo")
            if elo is None:   # all won or all lost: show the finite end of the interval
                elo = low if low is not None else high
            if elo is None:
                continue
            xs.append(r["generation"])
            ys.append(elo)
            lo.append(elo - (low if low is not None else elo))
            hi.append((high if high is not None else elo) - elo)
        if xs:
            ax.errorbar(xs, ys, yerr=[lo, hi], marker="o", capsize=3, label=f"vs {name}")
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xlabel("generation")
    ax.set_ylabel("Elo difference (95% interval)")
    ax.set_title("Rating against fixed opponents")
    ax.grid(alpha=0.3)
    if names:
        ax.legend()
    fig.tight_layout()
    fig.savefig(png_path, dpi=100)
    plt.close(fig)
