#!/usr/bin/env python3
"""Balanced match openings: move sequences after which the network gives both sides a game.

On 9x9 with komi 7.5 the network gives White about 94% from the empty board, so with random
openings most colour-swapped pairs split one win each whatever the engines' strength, which
pulls every match score towards 50%. This script draws openings and keeps those whose raw
network value (`kata-raw-nn`, no search) gives Black a win probability inside --band; the file
it writes is what `tengen match --openings FILE` reads (one opening per line, GTP vertices from
Black, the value as a comment).

Each opening has --moves plies: the first --uniform-plies are uniform among legal points at
least --margin lines from the edge (for variety), the rest are drawn from the network's policy
at --temperature.
Openings equal under a board symmetry count once.

    python3 scripts/make_openings.py --engine ".build/release/tengen gtp --model NET" \\
        --size 9 --komi 7.5 --moves 4 --count 100 --band 0.3 0.7 --out runs/openings-9x9.txt

Any GTP engine with KataGo's `kata-raw-nn` works as --engine (KataGo itself included).
"""
import argparse
import math
import random
import shlex
import sys

from tengen_train.gtp_client import GTPClient, vertex


def raw_nn(engine, size):
    """(Black's win probability, {(x, y): policy}) of the position for the side to move."""
    out = engine.raw_nn(size)
    policy = {}
    for i, p in enumerate(out["policy"]):
        if math.isfinite(p) and p > 0:
            policy[(i % size, i // size)] = p
    return out["whiteLoss"] + 0.5 * out.get("noResult", 0.0), policy


def symmetries(moves, size):
    """The 8 images of a move list under the board's symmetries, as tuples."""
    out = []
    for s in range(8):
        image = []
        for m in moves:
            x, y = m
            if s & 4:
                x, y = y, x
            if s & 1:
                x = size - 1 - x
            if s & 2:
                y = size - 1 - y
            image.append((x, y))
        out.append(tuple(image))
    return out


def make_openings(engine_cmd, size, komi, rules, moves, count, band, temperature,
                  uniform_plies, seed, max_tries, log=lambda s: None, found_one=lambda m, b: None,
                  margin=None):
    """Returns [(moves as (x, y), Black's win probability)] and the number of tries;
    `found_one(moves, black)` sees each opening as it is accepted. Uniform plies keep `margin`
    lines from the edge (default 2 from 9x9 up, 1 from 5x5, else 0)."""
    rng = random.Random(seed)
    engine = GTPClient(shlex.split(engine_cmd))
    found = []
    seen = set()
    tries = 0
    if margin is None:
        margin = 2 if size >= 9 else 1 if size >= 5 else 0
    try:
        engine.send(f"boardsize {size}")
        engine.send(f"kata-set-rules {rules}")
        engine.send(f"komi {komi}")
        while len(found) < count and tries < max_tries:
            tries += 1
            engine.send("clear_board")
            played = []
            colour = "B"
            for ply in range(moves):
                _, policy = raw_nn(engine, size)
                if not policy:
                    break
                if ply < uniform_plies:
                    choices = [p for p in policy
                               if margin <= p[0] < size - margin and margin <= p[1] < size - margin]
                    if not choices:
                        break
                    move = rng.choice(sorted(choices))
                else:
                    points = sorted(policy)
                    weights = [policy[p] ** (1.0 / temperature) for p in points]
                    move = rng.choices(points, weights)[0]
                engine.send(f"play {colour} {vertex(move[0], move[1], size)}")
                played.append(move)
                colour = "W" if colour == "B" else "B"
            if len(played) < moves:
                continue
            key = min(symmetries(played, size))
            if key in seen:
                continue
            black, _ = raw_nn(engine, size)
            if band[0] <= black <= band[1]:
                seen.add(key)
                found.append((played, black))
                found_one(played, black)
                log(f"{len(found)}/{count} after {tries} tries: "
                    f"{' '.join(vertex(x, y, size) for x, y in played)} black {black:.3f}")
    finally:
        engine.close()
    return found, tries


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engine", required=True, help="GTP engine command with kata-raw-nn")
    ap.add_argument("--size", type=int, default=9)
    ap.add_argument("--komi", type=float, default=7.5)
    ap.add_argument("--rules", default="chinese")
    ap.add_argument("--moves", type=int, default=4, help="plies per opening")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--band", type=float, nargs=2, default=[0.3, 0.7],
                    help="Black's win probability bounds")
    ap.add_argument("--temperature", type=float, default=1.0)
    ap.add_argument("--uniform-plies", type=int, default=1)
    ap.add_argument("--margin", type=int, default=None,
                    help="lines next to the edge that uniform plies avoid (default 2 from 9x9 up)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-tries", type=int, default=20000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.moves < 1 or args.count < 1 or args.temperature <= 0 or args.band[0] > args.band[1]:
        ap.error("--moves and --count must be positive, --temperature > 0, --band LOW HIGH")
    with open(args.out, "w") as f:
        f.write(f"# {args.size}x{args.size}, komi {args.komi}, {args.rules}: Black's raw network "
                f"win probability in [{args.band[0]}, {args.band[1]}] (scripts/make_openings.py "
                f"--moves {args.moves} --uniform-plies {args.uniform_plies} --margin {args.margin} "
                f"--temperature {args.temperature} --seed {args.seed})\n")

        def write(played, black):
            f.write(f"{' '.join(vertex(x, y, args.size) for x, y in played)}  # black {black:.3f}\n")
            f.flush()

        found, tries = make_openings(
            args.engine, args.size, args.komi, args.rules, args.moves, args.count, args.band,
            args.temperature, args.uniform_plies, args.seed, args.max_tries,
            log=lambda s: print(s, file=sys.stderr), found_one=write, margin=args.margin)
    print(f"{len(found)} openings after {tries} tries -> {args.out}")
    if len(found) < args.count:
        sys.exit(1)


if __name__ == "__main__":
    main()
