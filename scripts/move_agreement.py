#!/usr/bin/env python3
"""Move quality at a fixed budget, judged against a deep search: a low-variance way to compare
searches (two Tengen builds, or Tengen and KataGo at equal visits) without playing games.

For N positions sampled from SGF games, asks each candidate engine for its move (`--samples`
times, since random symmetries and threads make searches vary), then:
  * with --ref, prints how often each candidate plays the reference engine's move;
  * with --judge, plays every distinct move a candidate chose, lets the judge search the
    position after it, and prints each candidate's mean regret: the judged win probability of
    the best move found at that position minus that of the candidate's move (0 = always the
    best of the moves tried), with the paired difference between candidates and its standard
    error. Moves both engines agree on cost both the same, so the pairing removes most noise.
With --warm each engine first searches its previous turn and is then told both moves played
since, so its search starts from the kept subtree as in a game (tree reuse included).
Every reply and judgement is appended to OUT (JSON lines), so an interrupted run resumes.

    python3 scripts/move_agreement.py --sgf runs/kata-9x9-16v-book/*.sgf --positions 120 \\
        --min-move 12 --max-move 45 --samples 2 \\
        --cand tengen="tengen gtp --model NET --visits 16 --search-threads 2" \\
        --cand kata="katago gtp -config CFG -model NET -override-config maxVisits=16" \\
        --judge "tengen gtp --model NET --visits 300 --search-threads 8 --nn-threads 2" \\
        --out runs/agree/regret.jsonl
"""
import argparse
import json
import math
import os
import random
import re
import shlex

from tengen_train.gtp_client import GTPClient, sgf_moves, sgf_size, sgf_vertex


def pick_positions(games, count, lo, hi_move, seed):
    """`count` (sgf, move index) pairs, sampled with a fixed seed."""
    rng = random.Random(seed)
    picks = []
    while len(picks) < count:
        g = rng.choice(games)
        n = len(sgf_moves(g))
        hi = min(hi_move, n - 1)
        if hi < lo:
            continue
        picks.append((g, rng.randint(lo, hi)))
    return picks


def root_winrate(lines):
    """The root win rate (side to move) from a `kata-search_analyze rootInfo true` reply."""
    text = " ".join(lines)
    m = re.search(r"rootInfo .*?winrate (\S+)", text)
    if not m:
        raise RuntimeError("no rootInfo in the judge's reply")
    return float(m.group(1))


def regret_table(picks, names, samples, replies, values):
    """{name: [mean regret per position]} over positions where every reply was judged."""
    out = {n: [] for n in names}
    for g, k in picks:
        judged = values.get((g, k), {})
        per = {}
        for n in names:
            rs = [replies.get((g, k, n, s)) for s in range(samples)]
            if any(r is None or r not in judged for r in rs):
                break
            per[n] = rs
        else:
            best = max(judged.values())
            for n in names:
                out[n].append(sum(best - judged[r] for r in per[n]) / samples)
    return out


def mean_se(xs):
    n = len(xs)
    if n < 2:
        return (xs[0] if xs else float("nan")), float("nan")
    m = sum(xs) / n
    var = sum((x - m) ** 2 for x in xs) / (n - 1)
    return m, math.sqrt(var / n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sgf", nargs="+", required=True)
    ap.add_argument("--positions", type=int, default=60)
    ap.add_argument("--min-move", type=int, default=3)
    ap.add_argument("--max-move", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--samples", type=int, default=1, help="moves asked of each candidate per position")
    ap.add_argument("--ref", help="reference engine: report agreement with its move")
    ap.add_argument("--judge", help="judge engine: report regret (it must support kata-search_analyze)")
    ap.add_argument("--cand", action="append", required=True, help="NAME=command")
    ap.add_argument("--warm", action="store_true",
                    help="search the engine's previous turn first, so the tree is reused as in a game")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if not a.ref and not a.judge:
        ap.error("give --ref, --judge or both")
    picks = pick_positions(sorted(a.sgf), a.positions, a.min_move, a.max_move, a.seed)
    replies = {}
    values = {}
    if os.path.exists(a.out):
        for line in open(a.out):
            r = json.loads(line)
            if "judged" in r:
                values.setdefault((r["sgf"], r["move"]), {})[r["judged"]] = r["value"]
            else:
                replies[(r["sgf"], r["move"], r["engine"], r.get("sample", 0))] = r["reply"]
    engines = ([("ref", a.ref, 1)] if a.ref else []) + [
        tuple(c.split("=", 1)) + (a.samples,) for c in a.cand]
    names = [c.split("=", 1)[0] for c in a.cand]
    with open(a.out, "a") as out:
        for name, cmd, samples in engines:
            todo = [(g, k, s) for g, k in picks for s in range(samples) if (g, k, name, s) not in replies]
            if not todo:
                continue
            e = GTPClient(shlex.split(cmd))
            for g, k, s in todo:
                e.reply("clear_board")
                if a.warm and k >= 2:
                    # As in a game: the engine searched its previous turn, then both moves
                    # were played, so the new search starts from the kept subtree.
                    e.reply(f"loadsgf {g} {k - 1}")
                    e.send("kata-search_analyze")
                    for c, m in sgf_moves(g)[k - 2:k]:
                        e.reply(f"play {c} {sgf_vertex(m, sgf_size(g))}")
                else:
                    e.reply(f"loadsgf {g} {k + 1}")
                color = sgf_moves(g)[k][0]
                reply = e.reply(f"genmove {color}").upper()
                replies[(g, k, name, s)] = reply
                out.write(json.dumps({"sgf": g, "move": k, "engine": name, "sample": s, "reply": reply}) + "\n")
                out.flush()
            e.close()
        if a.judge:
            judge = None
            for g, k in picks:
                color = sgf_moves(g)[k][0]
                chosen = {replies[(g, k, n, s)] for n in names for s in range(a.samples)}
                for m in sorted(chosen - set(values.get((g, k), {}))):
                    if judge is None:
                        judge = GTPClient(shlex.split(a.judge))
                    if m == "RESIGN":
                        v = 0.0
                    else:
                        judge.reply("clear_board")
                        judge.reply(f"loadsgf {g} {k + 1}")
                        judge.reply(f"play {color} {m}")
                        v = 1.0 - root_winrate(judge.send("kata-search_analyze rootInfo true"))
                    values.setdefault((g, k), {})[m] = v
                    out.write(json.dumps({"sgf": g, "move": k, "judged": m, "value": v}) + "\n")
                    out.flush()
            if judge is not None:
                judge.close()
    if a.ref:
        ref = [replies[(g, k, "ref", 0)] for g, k in picks]
        for name in names:
            hits = sum(replies[(g, k, name, s)] == r for (g, k), r in zip(picks, ref) for s in range(a.samples))
            total = len(picks) * a.samples
            print(f"{name}: agrees with the reference on {hits}/{total} moves ({hits / total:.1%})")
    if a.judge:
        table = regret_table(picks, names, a.samples, replies, values)
        for name in names:
            m, se = mean_se(table[name])
            print(f"{name}: mean regret {m:.4f} ± {se:.4f} (win probability, {len(table[name])} positions)")
        for other in names[1:]:
            d = [x - y for x, y in zip(table[names[0]], table[other])]
            m, se = mean_se(d)
            print(f"{names[0]} - {other}: {m:+.4f} ± {se:.4f}")


if __name__ == "__main__":
    main()
