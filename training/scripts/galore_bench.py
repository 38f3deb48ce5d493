#!/usr/bin/env python3
"""Optimizer-state bytes and step time, AdamW vs GaLore-AdamW (galore-torch), on a b18c384.

    python3 training/scripts/galore_bench.py [--preset b18c384] [--rank 128] [--steps 4]
        [--batch 4] [--board 9]

Step time is forward + backward + optimizer step; GaLore's first step (and every
update_proj_gap-th) also runs an SVD per projected matrix, reported separately.
"""

import argparse
import os
import time

import torch

from tengen_train.galore import make_galore_adamw, optimizer_state_bytes
from tengen_train.losses import compute_losses
from tengen_train.model import Model

from bench_throughput import batch_for  # beside this script


def run(kind, preset, rank, steps, batch, board):
    torch.manual_seed(0)
    model = Model(preset).train()
    if kind == "adamw":
        opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-4)
    else:
        opt = make_galore_adamw(model, lr=1e-4, weight_decay=1e-4, rank=rank, update_proj_gap=200)
    b = batch_for(board, batch, torch.device("cpu"))
    times = []
    for _ in range(steps):
        t = time.perf_counter()
        loss = compute_losses(model(b["spatial"], b["global"]), b)[0]
        opt.zero_grad(set_to_none=True)
        model.zero_grad(set_to_none=True)
        loss.backward()
        t_opt = time.perf_counter()
        opt.step()
        times.append((time.perf_counter() - t, time.perf_counter() - t_opt))
    params = sum(p.numel() for p in model.parameters())
    return {"kind": kind, "params": params, "state_bytes": optimizer_state_bytes(opt),
            "first_step_s": times[0][0], "first_opt_s": times[0][1],
            "step_s": sum(t for t, _ in times[1:]) / (steps - 1),
            "opt_s": sum(t for _, t in times[1:]) / (steps - 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="b18c384")
    ap.add_argument("--rank", type=int, default=128)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--board", type=int, default=9)
    a = ap.parse_args()
    print(f"{a.preset}, batch {a.batch} on {a.board}x{a.board}, GaLore rank {a.rank}, "
          f"torch threads {torch.get_num_threads()}, load average {os.getloadavg()[0]:.2f}")
    for kind in ("adamw", "galore_adamw"):
        r = run(kind, a.preset, a.rank, a.steps, a.batch, a.board)
        print(f"{kind:13s} params={r['params']:,} optimizer_state={r['state_bytes'] / 2**20:8.1f} MiB  "
              f"first step {r['first_step_s']:.2f} s (optimizer {r['first_opt_s']:.2f} s)  "
              f"later steps {r['step_s']:.2f} s (optimizer {r['opt_s']:.3f} s)", flush=True)


if __name__ == "__main__":
    main()
