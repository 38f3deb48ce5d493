#!/usr/bin/env python3
"""Builds the NN exactness positions: GNU Go self-play snapshots plus hand-made tactical cases.

Writes a JSON list; each entry has id, size, rules (KataGo preset name), komi, setup stones,
moves (both as [colour, GTP vertex]) and the symmetry to evaluate.

Usage: python3 scripts/nn_positions.py OUT.json [--tiny]
"""
import json
import random
import sys

from tengen_train.gtp_client import GTPClient

GNUGO = ["/usr/games/gnugo", "--mode", "gtp", "--level", "1", "--chinese-rules"]


def selfplay(size, max_moves, seed, handicap=0):
    """Plays one GNU Go game; returns (setup, moves)."""
    proc = GTPClient(GNUGO + ["--seed", str(seed)])
    proc.reply("boardsize %d" % size)
    proc.reply("clear_board")
    setup = []
    colour = "B"
    if handicap:
        stones = proc.reply("fixed_handicap %d" % handicap).split()
        setup = [["B", s] for s in stones]
        colour = "W"
    moves = []
    passes = 0
    while len(moves) < max_moves and passes < 2:
        v = proc.reply("genmove %s" % ("black" if colour == "B" else "white"))
        if v.lower() == "resign":
            break
        moves.append([colour, v.upper()])
        passes = passes + 1 if v.lower() == "pass" else 0
        colour = "W" if colour == "B" else "B"
    proc.close()
    return setup, moves


RULES = ["tromp-taylor", "chinese", "japanese", "aga", "new-zealand", "chinese-ogs"]

# Hand-made positions (19x19 unless stated): ladders, ko, seki, captures.
HANDMADE = [
    # working ladder against W D4 (2 liberties; the docs/KATAGO.md §2.4.5 example), Black to move
    dict(id="ladder-2lib-works", size=19, setup=[["B", "C4"], ["B", "D3"], ["B", "E3"],
         ["B", "Q16"], ["B", "R4"], ["W", "D4"], ["W", "Q4"]], moves=[], player="B"),
    # the same with a White ladder breaker on the diagonal: the ladder fails
    dict(id="ladder-2lib-broken", size=19, setup=[["B", "C4"], ["B", "D3"], ["B", "E3"],
         ["B", "Q16"], ["B", "R4"], ["W", "D4"], ["W", "Q4"], ["W", "O10"]], moves=[],
         player="B"),
    # 1-liberty ladder (W in atari, White to move): escapes fail without a breaker
    dict(id="ladder-1lib", size=19, setup=[["B", "C4"], ["B", "D3"], ["B", "E3"], ["B", "D5"],
         ["B", "Q16"], ["W", "D4"], ["W", "Q4"], ["W", "C16"]], moves=[], player="W"),
    # 1-liberty ladder with a breaker
    dict(id="ladder-1lib-breaker", size=19, setup=[["B", "C4"], ["B", "D3"], ["B", "E3"],
         ["B", "D5"], ["B", "Q16"], ["W", "D4"], ["W", "Q4"], ["W", "H8"], ["W", "C16"]],
         moves=[], player="W"),
    # ko: Black captures, White may not retake immediately (ko point plane 6)
    dict(id="ko-capture", size=9, setup=[["B", "D5"], ["B", "C4"], ["B", "D3"], ["W", "E5"],
         ["W", "F4"], ["W", "E3"], ["W", "D4"], ["B", "G7"]], moves=[["B", "E4"]], player=None),
    # ko fight continued with threats under positional superko
    dict(id="ko-fight", size=9, setup=[["B", "D5"], ["B", "C4"], ["B", "D3"], ["W", "E5"],
         ["W", "F4"], ["W", "E3"], ["W", "D4"], ["B", "G7"], ["W", "B7"], ["B", "H2"]],
         moves=[["B", "E4"], ["W", "C7"], ["B", "B6"], ["W", "D4"], ["B", "C6"]], player=None),
    # seki in the corner, 9x9
    dict(id="seki-9", size=9, setup=[["B", "A3"], ["B", "B3"], ["B", "C3"], ["B", "C2"],
         ["B", "D2"], ["B", "D1"], ["W", "A4"], ["W", "B4"], ["W", "C4"], ["W", "D4"],
         ["W", "D3"], ["W", "E3"], ["W", "E2"], ["W", "E1"], ["W", "A2"], ["B", "B1"],
         ["W", "G6"], ["B", "F7"]], moves=[], player="B"),
    # pass-alive black group with two eyes on 9x9 and a white group with one eye
    dict(id="pass-alive-9", size=9, setup=[["B", "A2"], ["B", "B2"], ["B", "C2"], ["B", "C1"],
         ["B", "B3"], ["B", "A4"], ["B", "B4"], ["B", "C3"], ["W", "D1"], ["W", "D2"], ["W", "D3"],
         ["W", "C4"], ["W", "D4"], ["W", "B5"], ["W", "A5"], ["W", "C5"], ["W", "G5"],
         ["W", "G6"], ["B", "H5"]], moves=[["B", "F2"]], player=None),
    # capture just happened (history plane + fewer stones)
    dict(id="capture-13", size=13, setup=[["B", "D4"], ["B", "E5"], ["B", "F4"],
         ["W", "E4"], ["W", "K10"], ["B", "C10"]], moves=[["B", "E3"], ["W", "J3"]], player=None),
    # stone scoring with walls around a dame column: both areas are seki, so the independent-life
    # area planes keep only the stones (area scoring without tax would count A and E-J too)
    dict(id="walls-9-stone", size=9,
         setup=[["B", "B%d" % r] for r in range(1, 10)] + [["W", "D%d" % r] for r in range(1, 10)],
         moves=[], player="B", rules="stone-scoring", komi=7.5, symmetry=2),
]


def main():
    out = sys.argv[1]
    tiny = "--tiny" in sys.argv
    rng = random.Random(7)
    positions = []
    games = [(9, 70, 1, 0), (9, 90, 2, 0), (13, 120, 3, 0), (19, 60, 4, 0), (19, 120, 5, 0),
             (19, 40, 6, 4), (13, 60, 7, 2), (9, 50, 8, 0)]
    if tiny:
        games = [(9, 60, 11, 0), (7, 30, 12, 0), (13, 40, 13, 2)]
    for size, length, seed, handicap in games:
        setup, moves = selfplay(size, length, seed, handicap)
        n_snap = 3 if tiny else 7
        cuts = sorted(set([0, len(moves)] + [rng.randrange(len(moves) + 1) for _ in range(n_snap)]))
        for cut in cuts:
            positions.append(dict(id="gnugo-%d-s%d-m%d" % (size, seed, cut), size=size,
                                  setup=setup, moves=moves[:cut], player=None,
                                  handicap=handicap))
    positions.extend(HANDMADE)
    for i, p in enumerate(positions):
        p.setdefault("rules", RULES[i % len(RULES)])
        komi = rng.choice([-10, -3.5, 0, 0.5, 5, 6.5, 7, 7.5, 13, 24.5, 30])
        symmetry = rng.randrange(8)
        p.setdefault("komi", komi)
        p.setdefault("symmetry", symmetry)
    json.dump(positions, open(out, "w"), indent=1)
    print(len(positions), "positions")


if __name__ == "__main__":
    main()
