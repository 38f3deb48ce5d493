"""The game-level train/held-out split of scripts/supervised_games.py (tengen_train.supervised)."""

import random

from tengen_train.supervised import pair_key, sgf_summary, split_games

SGF = ("(;GM[1]FF[4]SZ[9]KM[7.5]RU[chinese]PB[a]PW[b]RE[{re}]GC[both passed]\n"
       ";B[{m0}];W[{m1}];B[cc]\n;W[];B[])")


def test_sgf_summary_and_pair_key():
    moves, result = sgf_summary(SGF.format(re="W+0.5", m0="dd", m1="ee"))
    assert moves == (("B", "dd"), ("W", "ee"), ("B", "cc"), ("W", ""), ("B", ""))
    assert result == "W+0.5"
    assert sgf_summary("(;GM[1]SZ[9];B[dd])")[1] is None
    # games 2k and 2k+1 of a match folder share the random opening: same key
    assert pair_key("/m/game0006.sgf") == pair_key("/m/game0007.sgf") != pair_key("/m/game0008.sgf")
    assert pair_key("/m/game0006.sgf") != pair_key("/n/game0006.sgf")


def test_split_keeps_groups_together_and_drops_duplicates():
    rng = random.Random(3)
    pts = [a + b for a in "abcdefghi" for b in "abcdefghi"]
    records, moves_of = [], {}
    for folder in ("m1", "m2"):
        for g in range(400):
            path = f"/{folder}/game{g:04d}.sgf"
            if g % 2 and rng.random() < 0.3:      # the colour-swapped twin replayed the same game
                moves = moves_of[f"/{folder}/game{g - 1:04d}.sgf"]
            else:
                moves = tuple(("BW"[i % 2], rng.choice(pts)) for i in range(12))
            moves_of[path] = moves
            result = "?" if g == 5 else rng.choice(["B+3.5", "W+R", "0"])
            records.append((path, pair_key(path), moves, result))
    train, held, stats = split_games(records, 0.1, seed=0)
    assert stats["no_result"] == 2 and stats["games"] == 800
    assert stats["train"] + stats["heldout"] + stats["duplicates"] + stats["no_result"] == 800
    assert stats["duplicates"] > 0
    assert 40 <= len(held) <= 160
    # no pair on both sides, no move sequence on both sides or twice
    assert not {pair_key(p) for p in train} & {pair_key(p) for p in held}
    seqs = [moves_of[p] for p in train + held]
    assert len(seqs) == len(set(seqs))
    # stable: adding games never moves an existing game to the other side
    extra = [(f"/m3/game{g:04d}.sgf", pair_key(f"/m3/game{g:04d}.sgf"),
              (("B", f"x{g}"),), "B+1.5") for g in range(50)]
    train2, held2, _ = split_games(records + extra, 0.1, seed=0)
    assert set(train) <= set(train2) and set(held) <= set(held2)
    # another seed gives another split
    assert split_games(records, 0.1, seed=1)[1] != held
