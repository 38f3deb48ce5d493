#!/usr/bin/env python3
"""Forward-only evaluations per second of the trainer's model in eager PyTorch: the ceiling
Tengen's CUDA backend is compared with (scripts/device_check.sh, step e).

    python3 training/scripts/bench_forward.py [--preset b18c384] [--size 19]
        [--batch 1,16,64,256,1024] [--device cuda] [--dtypes bf16,fp32] [--seconds 2]
        [--json out.json]

Random weights (speed does not depend on them) in inference mode; inputs are random binary
planes with the on-board mask all ones. bf16 = the weights and inputs cast to bfloat16
(eager, no compile, no CUDA graphs); fp32 = float32 with TF32 off. Each point is timed after
a warm-up pass, with the device synchronised, for at least --seconds and 3 passes.
"""
import argparse
import json
import time

import torch

from tengen_train.model import Model
from tengen_train.modelconfigs import NUM_GLOBAL, NUM_SPATIAL, get_config

DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}


def inputs(batch, size, device, dtype, seed=0):
    g = torch.Generator().manual_seed(seed)
    spatial = (torch.rand(batch, NUM_SPATIAL, size, size, generator=g) < 0.2).float()
    spatial[:, 0] = 1.0
    glob = torch.rand(batch, NUM_GLOBAL, generator=g) * 2 - 1
    return spatial.to(device=device, dtype=dtype), glob.to(device=device, dtype=dtype)


def time_forward(model, x, g, seconds, device, min_iters=3):
    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    with torch.inference_mode():
        model(x, g)  # warm-up (cuDNN/cuBLAS algorithm choice, allocator)
        sync()
        t0, n = time.perf_counter(), 0
        while n < min_iters or time.perf_counter() - t0 < seconds:
            model(x, g)
            n += 1
        sync()
    return (time.perf_counter() - t0) / n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--preset", default="b18c384")
    ap.add_argument("--size", type=int, default=19)
    ap.add_argument("--batch", default="1,16,64,256,1024")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--dtypes", default="bf16")
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    device = torch.device(a.device)
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.manual_seed(0)
    base = Model(get_config(a.preset)).eval()
    params = sum(p.numel() for p in base.parameters())
    rows = []
    print("preset %s (%.1f M parameters), %dx%d, device %s%s, torch %s" % (
        a.preset, params / 1e6, a.size, a.size, device,
        " (%s)" % torch.cuda.get_device_name(device) if device.type == "cuda" else "", torch.__version__))
    print("dtype batch   evals/s   ms/batch")
    for name in a.dtypes.split(","):
        dtype = DTYPES[name]
        model = Model(get_config(a.preset)).eval()
        model.load_state_dict(base.state_dict())
        model = model.to(device=device, dtype=dtype)
        for b in [int(t) for t in a.batch.split(",")]:
            x, g = inputs(b, a.size, device, dtype)
            sec = time_forward(model, x, g, a.seconds, device)
            rows.append({"preset": a.preset, "size": a.size, "dtype": name, "batch": b,
                         "evals_per_s": b / sec, "ms_per_batch": sec * 1e3})
            print("%-5s %5d %9.1f %10.2f" % (name, b, b / sec, sec * 1e3), flush=True)
        del model
        if device.type == "cuda":
            torch.cuda.empty_cache()
    if a.json:
        meta = {"torch": torch.__version__, "device": str(device), "parameters": params,
                "gpu": torch.cuda.get_device_name(device) if device.type == "cuda" else None}
        json.dump({"meta": meta, "rows": rows}, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
