"""Synthetic training rows with learnable structure (the engine cannot write rows yet).

These are NOT Go positions: stones are scattered at random. The targets are simple,
deterministic functions of the stones, so a network can learn them and a supervised run shows
real progress:
  policy     softmax(2 * h) over empty points, h(p) = 1.5 * #opp neighbours + #pla neighbours
             - 0.5 * #pla diagonal neighbours - 1 on the first line (+ noise-free); pass gets a
             small fixed share
  ownership  colour of the nearest stone (Manhattan distance; ties -> 0), pla = +1
  score      (pla points - opp points by that ownership) + selfKomi
  value      win/loss probabilities sigmoid(score / 4); no-result 0
  lead       = score; vtime = number of empty points / 4
Planes filled: 0 (on board), 1/2 (stones), 9 (a random opp stone as "last move"). Globals:
5 = selfKomi / 20, Tromp-Taylor rule encoding (6, 7, 8).
"""

import numpy as np

from .data import OWNERSHIP_SCALE, WEIGHT_COLUMNS, pack_planes
from .modelconfigs import NUM_GLOBAL, NUM_SPATIAL


def _shift(a, dy, dx):
    out = np.zeros_like(a)
    h, w = a.shape[-2:]
    ys, yd = (slice(0, h - dy), slice(dy, h)) if dy >= 0 else (slice(-dy, h), slice(0, h + dy))
    xs, xd = (slice(0, w - dx), slice(dx, w)) if dx >= 0 else (slice(-dx, w), slice(0, w + dx))
    out[..., yd, xd] = a[..., ys, xs]
    return out


def _nearest_owner(pla, opp, size):
    """+1 / -1 / 0 by nearest stone (Manhattan), for one board."""
    ys, xs = np.mgrid[0:size, 0:size]
    own = np.zeros((size, size), dtype=np.float32)
    pp = np.argwhere(pla)
    op = np.argwhere(opp)
    if len(pp) == 0 and len(op) == 0:
        return own
    big = 10 ** 6
    dp = (np.abs(ys[..., None] - pp[:, 0]) + np.abs(xs[..., None] - pp[:, 1])).min(-1) if len(pp) else np.full((size, size), big)
    do = (np.abs(ys[..., None] - op[:, 0]) + np.abs(xs[..., None] - op[:, 1])).min(-1) if len(op) else np.full((size, size), big)
    own[dp < do] = 1
    own[do < dp] = -1
    return own


def make_rows(n, pos_len=9, board_sizes=None, seed=0, game_id_base=0):
    """Return a rows dict in the docs/FORMATS.md layout, without the version-2 fields (no
    next-move policy, no short-term targets: write_rows writes them as zeros)."""
    rng = np.random.default_rng(seed)
    board_sizes = board_sizes or [pos_len]
    a = pos_len * pos_len
    planes = np.zeros((n, NUM_SPATIAL, pos_len, pos_len), dtype=np.uint8)
    glob = np.zeros((n, NUM_GLOBAL), dtype=np.float32)
    policy = np.zeros((n, a + 1), dtype=np.float32)
    value = np.zeros((n, 3), dtype=np.float32)
    score = np.zeros((n, 3), dtype=np.float32)
    own_t = np.zeros((n, a), dtype=np.int8)
    sizes = np.zeros((n, 2), dtype=np.int32)
    pla_arr = np.zeros(n, dtype=np.int8)
    komi_arr = np.zeros(n, dtype=np.float32)
    for i in range(n):
        size = int(board_sizes[rng.integers(0, len(board_sizes))])
        dens = rng.uniform(0.05, 0.35)
        r = rng.random((size, size))
        stones = r < dens
        colour = rng.random((size, size)) < 0.5
        pla = stones & colour
        opp = stones & ~colour
        pla_is_white = bool(rng.integers(0, 2))
        komi = float(rng.choice([5.5, 6.5, 7.5]))
        self_komi = komi if pla_is_white else -komi
        planes[i, 0, :size, :size] = 1
        planes[i, 1, :size, :size] = pla
        planes[i, 2, :size, :size] = opp
        op = np.argwhere(opp)
        if len(op):
            y, x = op[rng.integers(0, len(op))]
            planes[i, 9, y, x] = 1
        glob[i, 5] = self_komi / 20.0
        glob[i, 6], glob[i, 7], glob[i, 8] = 1.0, 0.5, 1.0

        P, O = pla.astype(np.float32), opp.astype(np.float32)
        nb = lambda a_: sum(_shift(a_, dy, dx) for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0)))
        dg = lambda a_: sum(_shift(a_, dy, dx) for dy, dx in ((1, 1), (1, -1), (-1, 1), (-1, -1)))
        h = 1.5 * nb(O) + 1.0 * nb(P) - 0.5 * dg(P)
        edge = np.zeros((size, size), dtype=np.float32)
        edge[0, :] = edge[-1, :] = edge[:, 0] = edge[:, -1] = 1
        h = h - edge
        empty = ~stones
        logits = np.where(empty, 2.0 * h, -np.inf)
        if np.any(empty):
            e = np.exp(logits - logits[empty].max())
            e = np.where(empty, e, 0.0)
            e = 0.98 * e / e.sum()
            board = np.zeros((pos_len, pos_len), dtype=np.float32)
            board[:size, :size] = e
            policy[i, :a] = board.ravel()
            policy[i, a] = 0.02
        else:
            policy[i, a] = 1.0

        own = _nearest_owner(pla, opp, size)
        ob = np.zeros((pos_len, pos_len), dtype=np.float32)
        ob[:size, :size] = own
        own_t[i] = np.round(ob.ravel() * OWNERSHIP_SCALE).astype(np.int8)
        sc = float(own.sum()) + self_komi
        pw = 1.0 / (1.0 + np.exp(-sc / 4.0))
        value[i] = (pw, 1 - pw, 0.0)
        score[i] = (sc, sc, float(empty.sum()) / 4.0)
        sizes[i] = (size, size)
        pla_arr[i] = 2 if pla_is_white else 1
        komi_arr[i] = komi
    return {
        "binary_input_planes": pack_planes(planes),
        "global_inputs": glob,
        "policy_target": policy,
        "value_target": value,
        "score_targets": score,
        "ownership_target": own_t,
        "target_weights": np.ones((n, len(WEIGHT_COLUMNS)), dtype=np.float32),
        "sample_weight": np.ones(n, dtype=np.float32),
        "game_id": (game_id_base + np.arange(n) // 50).astype(np.int64),
        "move_number": (np.arange(n) % 50).astype(np.int32),
        "board_size": sizes,
        "pla": pla_arr,
        "komi": komi_arr,
    }


def write_synthetic(path, n, pos_len=9, seed=0, **kw):
    from .data import write_rows
    write_rows(path, make_rows(n, pos_len=pos_len, seed=seed, **kw), pos_len,
               meta={"writer": "tengen_train.synthetic", "seed": seed, "synthetic": True})
    return path
