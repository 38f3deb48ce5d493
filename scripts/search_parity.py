#!/usr/bin/env python3
"""Search parity with KataGo: the same deterministic search, compared move by move.

Both engines get the same position (replayed from SGF games), the same network, one search
thread, a fixed network symmetry (KataGo: nnRandomize=false; Tengen: --nn-symmetry 0) and no
move temperature, then run `kata-search_analyze` for V visits. With identical search rules the
root's children get identical visits and values, so every difference points at a rule that
differs. Prints, per position that differs, both engines' root children (visits, winrate), and
at the end how many positions had identical visit counts and the same chosen move.

    python3 scripts/search_parity.py --sgf runs/kata-9x9-16v/*.sgf --positions 30 --visits 16 \\
        --tengen ".build/release/tengen gtp --model NET" \\
        --katago "/opt/peers/bin/katago gtp -config CFG -model NET"

With --along-game, every position of each game is searched in order and both engines keep their
trees between moves, which checks tree reuse too.
"""
import argparse
import random
import shlex

from tengen_train.gtp_client import GTPClient, sgf_moves, sgf_size, sgf_vertex


def root_children(lines):
    """{move: (visits, winrate)} from the last analysis line of a reply."""
    info = [l for l in lines if l.startswith("info")]
    out = {}
    for part in (info[-1] if info else "").split("info ")[1:]:
        t = part.split()
        out[t[t.index("move") + 1]] = (int(t[t.index("visits") + 1]), round(float(t[t.index("winrate") + 1]), 3))
    return out


def start_engines(tengen_cmd, katago_cmd, visits):
    """Both engines, deterministic: one search thread, a fixed symmetry, no move temperature."""
    tengen = GTPClient(shlex.split(tengen_cmd) + ["--nn-symmetry", "0", "--search-threads", "1",
                                                  "--visits", str(visits)])
    katago = GTPClient(shlex.split(katago_cmd) + [
        "-override-config",
        f"nnRandomize=false,numSearchThreads=1,maxVisits={visits},"
        "chosenMoveTemperature=0,chosenMoveTemperatureEarly=0"])
    return tengen, katago


def compare(sgfs, positions, visits, tengen_cmd, katago_cmd, seed=11, rules="chinese", log=print):
    """Runs the comparison; returns (identical root visits, same move, positions)."""
    rng = random.Random(seed)
    games = sorted(sgfs)
    tengen, katago = start_engines(tengen_cmd, katago_cmd, visits)
    same_visits = same_move = 0
    try:
        for _ in range(positions):
            game = rng.choice(games)
            moves = sgf_moves(game)
            size = sgf_size(game)
            k = rng.randint(1, max(1, min(60, len(moves) - 1)))
            color = "W" if moves[k - 1][0] == "B" else "B"
            results = []
            for engine in (tengen, katago):
                engine.send(f"boardsize {size}")
                engine.send("clear_board")
                engine.send("komi 7.5")
                engine.send(f"kata-set-rules {rules}")
                for c, m in moves[:k]:
                    engine.send(f"play {c} {sgf_vertex(m, size)}")
                reply = engine.send(f"kata-search_analyze {color}")
                play = [l for l in reply if l.startswith("play")]
                results.append((root_children(reply), play[0] if play else "?"))
            (t, tp), (kg, kp) = results
            visits_equal = {m: v[0] for m, v in t.items()} == {m: v[0] for m, v in kg.items()}
            same_visits += visits_equal
            same_move += tp == kp
            if not visits_equal or tp != kp:
                log(f"{game.split('/')[-1]} after {k} moves: Tengen {tp}, KataGo {kp}")
                log(f"  Tengen {sorted(t.items(), key=lambda x: -x[1][0])}")
                log(f"  KataGo {sorted(kg.items(), key=lambda x: -x[1][0])}")
    finally:
        tengen.close()
        katago.close()
    return same_visits, same_move, positions


def compare_along_game(sgf, visits, tengen_cmd, katago_cmd, rules="chinese", log=print):
    """Searches every position of one game in order, both engines keeping their trees between
    moves (tree reuse); returns (identical root visits, positions)."""
    moves = sgf_moves(sgf)
    size = sgf_size(sgf)
    tengen, katago = start_engines(tengen_cmd, katago_cmd, visits)
    same = 0
    try:
        for engine in (tengen, katago):
            engine.send(f"boardsize {size}")
            engine.send("clear_board")
            engine.send("komi 7.5")
            engine.send(f"kata-set-rules {rules}")
        for k, (color, m) in enumerate(moves):
            found = []
            for engine in (tengen, katago):
                found.append(root_children(engine.send(f"kata-search_analyze {color}")))
                engine.send(f"play {color} {sgf_vertex(m, size)}")
            t, kg = found
            if {a: v[0] for a, v in t.items()} == {a: v[0] for a, v in kg.items()}:
                same += 1
            else:
                log(f"move {k}: Tengen {sorted(t.items(), key=lambda x: -x[1][0])[:4]}")
                log(f"move {k}: KataGo {sorted(kg.items(), key=lambda x: -x[1][0])[:4]}")
    finally:
        tengen.close()
        katago.close()
    return same, len(moves)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sgf", nargs="+", required=True)
    ap.add_argument("--positions", type=int, default=30)
    ap.add_argument("--visits", type=int, default=16)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--rules", default="chinese")
    ap.add_argument("--tengen", required=True, help="Tengen GTP command (a network player)")
    ap.add_argument("--katago", required=True, help="KataGo GTP command")
    ap.add_argument("--along-game", action="store_true",
                    help="search every position of each game in order, keeping the trees")
    a = ap.parse_args()
    if a.along_game:
        for sgf in a.sgf:
            v, n = compare_along_game(sgf, a.visits, a.tengen, a.katago, a.rules)
            print(f"{sgf}: identical root visits along the game: {v}/{n}")
        return
    v, m, n = compare(a.sgf, a.positions, a.visits, a.tengen, a.katago, a.seed, a.rules)
    print(f"identical root visits: {v}/{n}; same move: {m}/{n}")


if __name__ == "__main__":
    main()
