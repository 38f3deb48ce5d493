"""V7 features of *simple* positions only, for the cross-checks against KataGo and the engine's
rows (tests and training/scripts/katago_crosscheck.py; never used by the trainer).

Positions are alternating board moves from an empty board (Black first), Tromp-Taylor rules,
no captures, no passes, and every chain keeps at least 3 liberties. In such positions the
features of docs/KATAGO.md §2.2-2.4 are exactly computable without Go-engine machinery:
  * no ko / superko bans (stones only accumulate), so plane 6 = 0;
  * no chain has 1 or 2 liberties, so the ladder planes 14-17 are 0 and planes 3/4 are 0;
  * no group is pass-alive, so the area planes 18/19 reduce to the "unsafe big territory"
    rule (regions of non-C points holding no stone of the other colour, counted for C when C
    has stones) plus every stone for its own colour.
`random_simple_position` only produces positions meeting these conditions.
"""

import math

import numpy as np

EMPTY, BLACK, WHITE = 0, 1, 2


def neighbours(size, x, y):
    if x > 0:
        yield x - 1, y
    if x < size - 1:
        yield x + 1, y
    if y > 0:
        yield x, y - 1
    if y < size - 1:
        yield x, y + 1


def chains(board):
    """List of (colour, stones, liberties) for every chain."""
    size = board.shape[0]
    seen = np.zeros_like(board, dtype=bool)
    out = []
    for y in range(size):
        for x in range(size):
            c = board[y, x]
            if c == EMPTY or seen[y, x]:
                continue
            stones, libs, stack = [], set(), [(x, y)]
            seen[y, x] = True
            while stack:
                px, py = stack.pop()
                stones.append((px, py))
                for nx, ny in neighbours(size, px, py):
                    v = board[ny, nx]
                    if v == EMPTY:
                        libs.add((nx, ny))
                    elif v == c and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((nx, ny))
            out.append((c, stones, libs))
    return out


def regions_without(board, colour):
    """Connected components of points whose value != colour."""
    size = board.shape[0]
    seen = np.zeros_like(board, dtype=bool)
    comps = []
    for y in range(size):
        for x in range(size):
            if board[y, x] == colour or seen[y, x]:
                continue
            comp, stack = [], [(x, y)]
            seen[y, x] = True
            while stack:
                px, py = stack.pop()
                comp.append((px, py))
                for nx, ny in neighbours(size, px, py):
                    if board[ny, nx] != colour and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((nx, ny))
            comps.append(comp)
    return comps


def self_komi_wave(self_komi, area):
    if area % 2 == 0:
        floor_k = 2 * math.floor(self_komi / 2)
    else:
        floor_k = 2 * math.floor((self_komi - 1) / 2) + 1
    d = min(max(self_komi - floor_k, 0.0), 2.0)
    if d < 0.5:
        return d
    if d < 1.5:
        return 1 - d
    return d - 2


def board_after(size, moves):
    board = np.zeros((size, size), dtype=np.int8)
    for i, (x, y) in enumerate(moves):
        assert board[y, x] == EMPTY
        board[y, x] = BLACK if i % 2 == 0 else WHITE
    return board


def features(size, moves, komi):
    """(spatial (22, size, size) float32, global (19,) float32, pla colour)."""
    board = board_after(size, moves)
    pla = BLACK if len(moves) % 2 == 0 else WHITE
    opp = WHITE if pla == BLACK else BLACK
    sp = np.zeros((22, size, size), dtype=np.float32)
    sp[0] = 1
    sp[1] = board == pla
    sp[2] = board == opp
    for colour, stones, libs in chains(board):
        n = len(libs)
        if n < 3:
            raise ValueError("position has a chain with < 3 liberties: outside the simple set")
        if n == 3:
            for x, y in stones:
                sp[5, y, x] = 1
    for k in range(5):
        if len(moves) > k:
            x, y = moves[-1 - k]
            sp[9 + k, y, x] = 1
    area = np.zeros((size, size), dtype=np.int8)
    for colour, other in ((BLACK, WHITE), (WHITE, BLACK)):
        if not np.any(board == colour):
            continue
        for comp in regions_without(board, colour):
            if all(board[y, x] != other for x, y in comp):
                for x, y in comp:
                    if area[y, x] == EMPTY:
                        area[y, x] = colour
    area[board != EMPTY] = board[board != EMPTY]
    sp[18] = area == pla
    sp[19] = area == opp
    gl = np.zeros(19, dtype=np.float32)
    self_komi = komi if pla == WHITE else -komi
    lim = size * size + 20
    self_komi = max(-lim, min(lim, self_komi))
    gl[5] = self_komi / 20.0
    gl[6] = 1.0   # positional superko (Tromp-Taylor)
    gl[7] = 0.5
    gl[8] = 1.0   # multi-stone suicide legal
    gl[18] = self_komi_wave(self_komi, size * size)
    return sp, gl, pla


def random_simple_position(rng, size, max_moves):
    """Alternating moves with every chain keeping >= 3 liberties; no captures."""
    moves = []
    target = int(rng.integers(0, max_moves + 1))
    board = np.zeros((size, size), dtype=np.int8)
    tries = 0
    while len(moves) < target and tries < 500:
        tries += 1
        x, y = int(rng.integers(0, size)), int(rng.integers(0, size))
        if board[y, x] != EMPTY:
            continue
        colour = BLACK if len(moves) % 2 == 0 else WHITE
        board[y, x] = colour
        if all(len(libs) >= 3 for _, _, libs in chains(board)):
            moves.append((x, y))
        else:
            board[y, x] = EMPTY
    return moves


def legal_moves(board, pla):
    """Empty points that are not single-stone suicides (valid in the simple set only)."""
    size = board.shape[0]
    opp = WHITE if pla == BLACK else BLACK
    legal = board == EMPTY
    for y in range(size):
        for x in range(size):
            if legal[y, x] and all(board[ny, nx] == opp for nx, ny in neighbours(size, x, y)):
                legal[y, x] = False
    return legal
