#!/usr/bin/env python3
"""Export a trainer checkpoint as a KataGo model file.

    python3 training/scripts/export_checkpoint.py runs/r1/ckpt_000020000.pt net.bin.gz [--name NAME]
"""

import argparse

from tengen_train.checkpoint import load_checkpoint
from tengen_train.katago_format import export_model
from tengen_train.model import Model, load_model_state


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("out")
    ap.add_argument("--name", default=None)
    a = ap.parse_args()
    st = load_checkpoint(a.checkpoint)
    m = Model(st["model_config"])
    load_model_state(m, st["model"])   # also checkpoints from before the training-only heads
    name = a.name or f"tengen-s{st['step']}"
    export_model(m.eval(), a.out, name=name)
    print(f"exported step {st['step']} as {a.out} (name {name})")


if __name__ == "__main__":
    main()
