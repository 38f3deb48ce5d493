#!/usr/bin/env python3
"""Export every preset (random weights, non-trivial norms), run real KataGo's kata-raw-nn on
>= 20 simple positions each, and report the worst |PyTorch - KataGo| difference per preset.

    python3 training/scripts/katago_crosscheck.py [--presets tiny,b6c96,...] [--out report.json]
"""

import argparse
import json
import sys
import tempfile
import time

from tengen_train import katago_crosscheck as H


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--presets", default=",".join(H.PRESET_PLAN))
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    reason = H.katago_missing_reason()
    if reason:
        print("SKIP:", reason)
        return 0
    reports = []
    for p in args.presets.split(","):
        t = time.time()
        with tempfile.TemporaryDirectory() as d:
            r = H.crosscheck_preset(p, d)
        r["seconds"] = round(time.time() - t, 1)
        reports.append(r)
        print(f"{p:12s} positions={r['positions']} sizes={r['sizes']} worst_abs={r['worst']:.3g} "
              f"worst_scaled={r['worst_scaled']:.3g} real_export_high={r['real_export_worst_high_precision']:.3g} "
              f"real_export_3dec={r['real_export_worst_3decimal_vs_rounded']:.3g} ({r['seconds']} s)",
              flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(reports, f, indent=1, default=float)
    bad = [r["name"] for r in reports if r["worst_scaled"] > 1e-4]
    print("FAIL:" if bad else "all presets within 1e-4", bad if bad else "")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
