#!/usr/bin/env python3
"""Training throughput (samples/s, forward + backward + optimizer step) of our nets beside a
bare PyTorch conv stack of the same shape, measured in the same run.

Baseline = conv3x3(22->C) + 2*blocks x [conv3x3(C->C), ReLU] + conv1x1(C->2), no norms/heads,
plain SGD-momentum on a mean-square loss: the floor set by the 3x3 convolutions alone.

    python3 training/scripts/bench_throughput.py [--presets b6c96,b10c128] [--sizes 9,19]
        [--batch 64] [--seconds 3] [--rounds 3] [--device cpu|cuda] [--json out.json]
"""

import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn

from tengen_train.losses import compute_losses
from tengen_train.model import Model, count_residual_blocks
from tengen_train.data import unpack_planes
from tengen_train.synthetic import make_rows


def baseline(cfg):
    c = cfg["trunk_c"]
    layers = [nn.Conv2d(22, c, 3, padding=1, bias=False)]
    for _ in range(2 * count_residual_blocks(cfg["blocks"])):
        layers += [nn.Conv2d(c, c, 3, padding=1, bias=False), nn.ReLU()]
    layers.append(nn.Conv2d(c, 2, 1, bias=False))
    return nn.Sequential(*layers)


def batch_for(size, n, device):
    rows = make_rows(n, pos_len=size, seed=0)
    sp = unpack_planes(rows["binary_input_planes"], size).astype(np.float32)
    pol = rows["policy_target"] / rows["policy_target"].sum(1, keepdims=True)
    b = {"spatial": sp, "global": rows["global_inputs"], "policy": pol.astype(np.float32),
         "value": rows["value_target"], "score": rows["score_targets"],
         "ownership": rows["ownership_target"].astype(np.float32) / 127.0,
         "weights": rows["target_weights"], "sample_weight": rows["sample_weight"]}
    return {k: torch.from_numpy(np.ascontiguousarray(v)).to(device) for k, v in b.items()}


def timeit(step, seconds, device, min_iters=3):
    step()  # warm-up (allocator, oneDNN/cuDNN algorithm choice)
    if device.type == "cuda":
        torch.cuda.synchronize()
    t0, n = time.perf_counter(), 0
    while n < min_iters or time.perf_counter() - t0 < seconds:
        step()
        n += 1
    if device.type == "cuda":
        torch.cuda.synchronize()
    return (time.perf_counter() - t0) / n


def bench(preset, size, batch, seconds, device, amp, rounds=3):
    torch.manual_seed(0)
    b = batch_for(size, batch, device)
    model = Model(preset).to(device).train()
    opt = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
    ctx = (lambda: torch.autocast("cuda", dtype=torch.bfloat16)) if amp else (
        lambda: torch.autocast(device.type, enabled=False))

    def ours():
        with ctx():
            out = model(b["spatial"], b["global"])
        loss = compute_losses(out, b)[0]
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    base = baseline(model.config).to(device)
    bopt = torch.optim.SGD(base.parameters(), lr=1e-3, momentum=0.9)

    def bare():
        with ctx():
            y = base(b["spatial"])
        loss = (y.float() ** 2).mean()
        bopt.zero_grad(set_to_none=True)
        loss.backward()
        bopt.step()

    # alternate the two a few times and keep each one's best round: on a shared machine
    # the best round is the one least disturbed by other jobs
    t_ours, t_base = float("inf"), float("inf")
    for _ in range(rounds):
        t_ours = min(t_ours, timeit(ours, seconds, device))
        t_base = min(t_base, timeit(bare, seconds, device))
    return {"preset": preset, "board": size, "batch": batch, "device": str(device), "amp": amp,
            "ours_samples_per_s": batch / t_ours, "baseline_samples_per_s": batch / t_base,
            "ratio": t_base / t_ours, "torch_threads": torch.get_num_threads()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--presets", default="b6c96,b10c128")
    ap.add_argument("--sizes", default="9,19")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--amp", action="store_true", help="bf16 autocast (CUDA only)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    device = torch.device(a.device)
    res = []
    print(f"torch {torch.__version__}, device {device}, threads {torch.get_num_threads()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'net':10s} {'board':>5s} {'batch':>5s} {'ours samp/s':>12s} {'bare conv samp/s':>17s} {'ours/bare':>9s}")
    for p in a.presets.split(","):
        for s in map(int, a.sizes.split(",")):
            r = bench(p, s, a.batch, a.seconds, device, a.amp, a.rounds)
            res.append(r)
            print(f"{p:10s} {s:5d} {a.batch:5d} {r['ours_samples_per_s']:12.1f} "
                  f"{r['baseline_samples_per_s']:17.1f} {r['ratio']:9.2f}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
