#!/usr/bin/env python3
"""Scores a KataGo-format network (one the trainer can import: an exported preset) on row
files: policy top-1 (the network's best move equals the target's), policy cross-entropy, value
cross-entropy and the other per-head losses, over every row, no augmentation.

    python3 training/scripts/eval_network.py --model networks/tengen-9x9.bin.gz \\
        --preset b6c96 --rows RUN/sv/heldout.npz RUN/sv/heldout-teacher.npz

On rows labelled by a teacher (`tengen rows --teacher`) the targets are the teacher's outputs,
so top-1 is the agreement with the teacher's best move and the losses measure the distance to
its policy and value. Prints one JSON object per rows file.
"""
import argparse
import json
import tempfile

from tengen_train.data import read_rows
from tengen_train.train import Trainer, TrainConfig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="KataGo .bin.gz the trainer can import")
    ap.add_argument("--preset", default="b6c96", help="the preset the network was trained with")
    ap.add_argument("--rows", nargs="+", required=True)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    for path in a.rows:
        n = len(read_rows(path)[0]["move_number"])
        with tempfile.TemporaryDirectory() as tmp:
            cfg = TrainConfig(data=[path], val_data=[path], run_dir=tmp, preset=a.preset, steps=0,
                              val_rows=n, init_model=a.model, threads=a.threads, progress=False,
                              plot=False, augment=False)
            m = Trainer(cfg).evaluate()
        keep = ("policy_top1", "loss_policy", "loss_value", "loss_lead", "loss_ownership")
        print(json.dumps({"rows": path, "n": n, **{k: round(m[k], 4) for k in keep if k in m}}))


if __name__ == "__main__":
    main()
