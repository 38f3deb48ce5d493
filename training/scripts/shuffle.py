#!/usr/bin/env python3
"""Shuffle the newest rows (sliding window) of a directory of row files into shards.

    python3 training/scripts/shuffle.py --in selfplay/ --out shuffled/ [--rows-per-shard 50000]
        [--seed 0] [--min-rows 250000] [--window N]
"""

import argparse
import glob
import os


from tengen_train.data import shuffle_window


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--in", dest="inp", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--rows-per-shard", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-rows", type=int, default=250_000)
    ap.add_argument("--window", type=int, default=None, help="fixed window (rows); default: power law")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.inp, "*.npz")))
    out = shuffle_window(files, a.out, a.rows_per_shard, a.seed, window=a.window, min_rows=a.min_rows)
    print(f"{len(files)} input files -> {len(out)} shards in {a.out}")


if __name__ == "__main__":
    main()
