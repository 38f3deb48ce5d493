#!/usr/bin/env python3
"""Move agreement with a deep reference search: a low-variance way to compare search settings.

For N positions sampled from SGF games, asks a reference engine (e.g. Tengen at 800 visits) for
its move, then asks each candidate engine (e.g. two Tengen builds or KataGo at 16 visits) for its
move, and prints how often each candidate agrees with the reference. Results are appended to
OUT (JSON lines) so an interrupted run resumes.

    python3 scripts/move_agreement.py --sgf runs/kata-9x9-16v/*.sgf --positions 60 \
        --ref "tengen gtp --model NET --visits 800" \
        --cand new="tengen gtp --model NET --visits 16 --search-threads 2" \
        --cand kata="katago gtp -config CFG -model NET -override-config maxVisits=16" \
        --out runs/agree/agree.jsonl
"""
import argparse
import json
import os
import random
import re
import shlex

from gtp_client import GTPClient


def moves_in(path):
    text = open(path).read()
    return re.findall(r";([BW])\[([a-z]{0,2})\]", text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sgf", nargs="+", required=True)
    ap.add_argument("--positions", type=int, default=60)
    ap.add_argument("--min-move", type=int, default=3)
    ap.add_argument("--max-move", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--cand", action="append", required=True, help="NAME=command")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    games = sorted(a.sgf)
    picks = []
    while len(picks) < a.positions:
        g = rng.choice(games)
        n = len(moves_in(g))
        hi = min(a.max_move, n - 1)
        if hi < a.min_move:
            continue
        picks.append((g, rng.randint(a.min_move, hi)))
    done = {}
    if os.path.exists(a.out):
        for l in open(a.out):
            r = json.loads(l)
            done[(r["sgf"], r["move"], r["engine"])] = r["reply"]
    engines = [("ref", a.ref)] + [tuple(c.split("=", 1)) for c in a.cand]
    with open(a.out, "a") as out:
        for name, cmd in engines:
            todo = [(g, k) for g, k in picks if (g, k, name) not in done]
            if not todo:
                continue
            e = GTPClient(shlex.split(cmd))
            for g, k in todo:
                e.reply("clear_board")
                e.reply(f"loadsgf {g} {k + 1}")
                color = moves_in(g)[k][0]
                reply = e.reply(f"genmove {color}").upper()
                done[(g, k, name)] = reply
                out.write(json.dumps({"sgf": g, "move": k, "engine": name, "reply": reply}) + "\n")
                out.flush()
            e.close()
    ref = [done[(g, k, "ref")] for g, k in picks]
    for name, _ in engines[1:]:
        agree = sum(done[(g, k, name)] == r for (g, k), r in zip(picks, ref))
        print(f"{name}: agrees with the reference on {agree}/{len(picks)} positions ({agree / len(picks):.1%})")


if __name__ == "__main__":
    main()
