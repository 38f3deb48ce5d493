#!/usr/bin/env python3
"""Root visits each engine reaches per move under its own limits (e.g. equal time per move).

For each SGF, loads the position after move --move (GTP `loadsgf FILE N`), asks each engine for
`kata-genmove_analyze` with a short report interval and sums the visits of the last report's
moves. Prints the mean, median and range per engine; one JSON line per position with --out.

    python3 scripts/visits_per_move.py --sgf runs/kata-9x9-time2-book/game00*.sgf --positions 10 \
        --engine tengen=".build/release/tengen gtp --model NET --time 2 --search-threads 8" \
        --engine katago="katago gtp -config CFG -model NET -override-config maxTime=2"
"""
import argparse
import json
import os
import re
import shlex
import statistics

from tengen_train.gtp_client import GTPClient

VISITS = re.compile(r"\bvisits (\d+)")


def root_visits(lines):
    """The visits summed over the moves of the last `info` report in a genmove_analyze reply."""
    reports = [line for line in lines if line.lstrip("=0123456789 ").startswith("info")]
    if not reports:
        raise RuntimeError("no info report in: " + " | ".join(lines[:3]))
    last = reports[-1]
    # Only the `info move X visits N ...` fields; ownership or pv numbers never follow "visits".
    return sum(int(m.group(1)) for m in VISITS.finditer(last))


def to_move(sgf_text, move_number):
    """The colour to move after `move_number` moves of the SGF's main line: the colour of the
    next move when there is one, else the other colour than the last move's; with no moves, PL[]
    or, after handicap stones, White."""
    moves = re.findall(r";\s*([BW])\[", sgf_text)
    if move_number < len(moves):
        return moves[move_number]
    if moves:
        return "B" if moves[-1] == "W" else "W"
    pl = re.search(r"PL\[([BW])\]", sgf_text)
    if pl:
        return pl.group(1)
    return "W" if re.search(r"(HA\[[2-9]|AB\[)", sgf_text) else "B"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sgf", nargs="+", required=True)
    ap.add_argument("--positions", type=int, default=10)
    ap.add_argument("--move", type=int, default=12, help="position after this many moves")
    ap.add_argument("--interval", type=int, default=5, help="report interval, centiseconds")
    ap.add_argument("--engine", action="append", required=True, help="NAME=COMMAND")
    ap.add_argument("--out")
    args = ap.parse_args()
    engines = []
    for spec in args.engine:
        name, _, command = spec.partition("=")
        if not command:
            ap.error("--engine wants NAME=COMMAND: " + spec)
        engines.append((name, GTPClient(shlex.split(command))))
    results = {name: [] for name, _ in engines}
    out = open(args.out, "a") if args.out else None
    try:
        for path in sorted(args.sgf)[:args.positions]:
            with open(path) as f:
                colour = to_move(f.read(), args.move)
            row = {"sgf": path, "move": args.move}
            for name, gtp in engines:
                gtp.send(f"loadsgf {os.path.abspath(path)} {args.move + 1}")
                visits = root_visits(gtp.send(f"kata-genmove_analyze {colour} {args.interval}"))
                results[name].append(visits)
                row[name] = visits
            print(json.dumps(row), flush=True)
            if out:
                out.write(json.dumps(row) + "\n")
                out.flush()
    finally:
        for _, gtp in engines:
            gtp.close()
    for name, values in results.items():
        if values:
            print(f"{name}: mean {statistics.mean(values):.1f}, median {statistics.median(values)}, "
                  f"range {min(values)}-{max(values)} root visits over {len(values)} positions")


if __name__ == "__main__":
    main()
