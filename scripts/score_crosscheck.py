#!/usr/bin/env python3
"""Cross-checks final scores between the two engines of `tengen match` runs.

For every game that ended with both players passing, the match runner asked both engines for
their dead stones (`final_status_list dead`) and their count (`final_score`). This script
reports, over one or more results.jsonl files: how many games were played to the end, on how
many both engines agreed on the dead stones, whether their counts then agree (they must), and
lists every game where they disagree on dead stones or on the score.

Usage: python3 scripts/score_crosscheck.py runs/*/results.jsonl
"""
import json
import sys


def main(paths):
    finished = agree_dead = agree_score = 0
    bad = []
    for path in paths:
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
    print(f"games played to the end: {finished}")
    print(f"both engines agree on dead stones: {agree_dead}")
    print(f"  ... and on the score: {agree_score} of {agree_dead}")
    for b in bad:
        print(b)
    return 0 if agree_score == agree_dead else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
