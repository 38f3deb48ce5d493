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
