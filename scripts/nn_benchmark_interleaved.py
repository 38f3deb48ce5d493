#!/usr/bin/env python3
"""Compares `tengen benchmark-nn` speeds of several binaries (or kernel instruction sets) on a
busy machine: the runs are interleaved (A B C A B C ...) over several rounds, so a change of
load hits every candidate alike, and the report gives medians and their ratios to the first
candidate.

Usage:
  python3 scripts/nn_benchmark_interleaved.py --rounds 7 --seconds 4 \\
      --config MODEL:SIZE:BATCH:THREADS [--config ...] \\
      LABEL=BINARY[@ISA] LABEL=BINARY[@ISA] ...

ISA sets TENGEN_CPU_ISA (generic, avx2 or avx512) for that candidate; without it the binary
chooses. Each run is one benchmark-nn process for one configuration.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys


def run(binary, isa, model, size, batch, threads, seconds):
    env = dict(os.environ)
    if isa:
        env["TENGEN_CPU_ISA"] = isa
    out = subprocess.run(
        [binary, "benchmark-nn", "--model", model, "--size", str(size), "--batch", str(batch),
         "--threads", str(threads), "--seconds", str(seconds)],
        env=env, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 5 and f[0] == str(threads) and f[1] == str(batch):
            return float(f[2])
    raise RuntimeError("no result line in:\n" + out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--seconds", type=float, default=4)
    p.add_argument("--config", action="append", required=True, help="MODEL:SIZE:BATCH:THREADS")
    p.add_argument("candidates", nargs="+", help="LABEL=BINARY[@ISA]")
    a = p.parse_args()
    cands = []
    for c in a.candidates:
        label, rest = c.split("=", 1)
        binary, _, isa = rest.partition("@")
        cands.append((label, binary, isa))
    for cfg in a.config:
        model, size, batch, threads = cfg.rsplit(":", 3)
        results = {label: [] for label, _, _ in cands}
        for r in range(a.rounds):
            order = cands if r % 2 == 0 else list(reversed(cands))
            for label, binary, isa in order:
                results[label].append(run(binary, isa, model, size, batch, threads, a.seconds))
            print(f"  round {r + 1}: " + "  ".join(f"{l} {results[l][-1]:.2f}" for l, _, _ in cands),
                  file=sys.stderr, flush=True)
        base = statistics.median(results[cands[0][0]])
        name = re.sub(r"\.bin\.gz$", "", os.path.basename(model))
        print(f"{name} {size}x{size} batch {batch} threads {threads}, {a.rounds} rounds: evals/s median "
              f"(min-max), ratio of medians to {cands[0][0]}, median of the rounds' ratios")
        for label, _, _ in cands:
            xs = results[label]
            m = statistics.median(xs)
            paired = statistics.median(x / b for x, b in zip(xs, results[cands[0][0]]))
            print(f"  {label:16s} {m:8.2f} ({min(xs):.2f}-{max(xs):.2f})  x{m / base:.3f}  x{paired:.3f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
