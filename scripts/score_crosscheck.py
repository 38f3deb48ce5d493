#!/usr/bin/env python3
"""Cross-checks final scores between the two engines of `tengen match` runs.

For every game that ended with both players passing, the match runner asked both engines for
their dead stones (`final_status_list dead`) and their count (`final_score`). This script
reports, over one or more results.jsonl files: how many games were played to the end, on how
many both engines agreed on the dead stones, whether their counts then agree (they must), and
lists every game where they disagree on dead stones or on the score.

With --rescore CMD it also loads every such game that Tengen played against another engine
into the GTP engine CMD (e.g. a newer Tengen) and counts how often CMD's `final_score` equals
the other engine's recorded one, next to the recorded Tengen's.

Usage: python3 scripts/score_crosscheck.py [--rescore "tengen gtp --model NET"] runs/*/results.jsonl
"""
import argparse
import json
import os
import shlex
import sys

from tengen_train.gtp_client import GTPClient


def is_tengen(name):
    return name.startswith("Tengen") or "tengen" in os.path.basename(name.split()[0])


def rescore(command, games):
    """games: (path, sgf path, other engine's score, recorded Tengen score)."""
    engine = GTPClient(shlex.split(command))
    new = old = 0
    try:
        for where, sgf, other, recorded in games:
            engine.send(f"loadsgf {os.path.abspath(sgf)}")
            score = engine.reply("final_score")
            new += score == other
            old += recorded == other
            if score != other:
                print(f"rescored differs: {where}: other engine {other}, rescored {score}, "
                      f"recorded Tengen {recorded}")
    finally:
        engine.close()
    print(f"games against another engine: {len(games)}; the other engine's score equals the "
          f"recorded Tengen's in {old}, the rescoring engine's in {new}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rescore", metavar="CMD")
    ap.add_argument("results", nargs="+")
    args = ap.parse_args(argv)
    finished = agree_dead = agree_score = 0
    bad = []
    versus = []
    for path in args.results:
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                if r.get("reason") != "both passed":
                    continue
                finished += 1
                b, w = r.get("blackScore"), r.get("whiteScore")
                where = f"{path} game {r['game'] + 1} ({r.get('sgf')})"
                if r.get("deadStonesAgree"):
                    agree_dead += 1
                    if b == w:
                        agree_score += 1
                    else:
                        bad.append(f"SCORE MISMATCH with equal dead stones: {where}: {b} vs {w}")
                else:
                    bad.append(f"dead stones differ: {where}: scores {b} vs {w}")
                tb, tw = is_tengen(r["black"]), is_tengen(r["white"])
                if tb != tw and r.get("sgf"):
                    sgf = os.path.join(os.path.dirname(path), r["sgf"])
                    versus.append((where, sgf, w if tb else b, b if tb else w))
    print(f"games played to the end: {finished}")
    print(f"both engines agree on dead stones: {agree_dead}")
    print(f"  ... and on the score: {agree_score} of {agree_dead}")
    for b in bad:
        print(b)
    if args.rescore:
        rescore(args.rescore, versus)
    return 0 if agree_score == agree_dead else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
