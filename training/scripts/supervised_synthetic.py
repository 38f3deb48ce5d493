#!/usr/bin/env python3
"""Supervised run on synthetic rows (the engine cannot write rows yet): train, then report
policy top-1 accuracy and value loss on held-out rows, with a PNG plot.

    python3 training/scripts/supervised_synthetic.py --out runs/supervised [--preset b4c64]
        [--train-rows 24000] [--val-rows 2000] [--steps 600] [--batch 64]
"""

import argparse
import os

import numpy as np

from tengen_train.supervised import run_and_report
from tengen_train.synthetic import write_synthetic
from tengen_train.train import TrainConfig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--preset", default="b4c64")
    ap.add_argument("--train-rows", type=int, default=24000)
    ap.add_argument("--val-rows", type=int, default=2000)
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--val-every", type=int, default=50)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    tr_path = os.path.join(a.out, "train_rows.npz")
    va_path = os.path.join(a.out, "val_rows.npz")
    if not os.path.exists(tr_path):
        write_synthetic(tr_path, a.train_rows, pos_len=9, seed=101, game_id_base=0)
        write_synthetic(va_path, a.val_rows, pos_len=9, seed=202, game_id_base=10 ** 6)
    cfg = TrainConfig(data=[tr_path], val_data=[va_path], run_dir=os.path.join(a.out, "run"),
                      preset=a.preset, steps=a.steps, batch_size=a.batch, lr=a.lr,
                      optimizer="sgd", schedule="cosine", warmup_steps=20,
                      val_every=a.val_every, val_rows=a.val_rows, checkpoint_every=100)
    # reference points: value loss of always predicting the training-set mean outcome, and
    # the policy loss floor (entropy of the held-out policy targets)
    tr = np.load(tr_path)
    va = np.load(va_path)
    p = tr["value_target"][:, :2].mean(0)
    base_v = float(-(va["value_target"][: a.val_rows, :2] * np.log(p)).sum(1).mean())
    pt = va["policy_target"][: a.val_rows]
    pt = pt / pt.sum(1, keepdims=True)
    ent = float(-(pt * np.log(np.where(pt > 0, pt, 1.0))).sum(1).mean())
    run_and_report(cfg, a.out,
                   f"{a.preset} on synthetic rows ({a.train_rows} train / {a.val_rows} held out)",
                   baselines=[("loss_value", "constant prediction", base_v),
                              ("loss_policy", "floor: target entropy", ent)])


if __name__ == "__main__":
    main()
