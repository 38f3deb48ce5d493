"""Training rows: the `.npz` format of docs/FORMATS.md (version 2; version 1 files are still
read), reader, writer, sliding window shuffler and D4 augmentation.

The trainer never computes Go features: rows arrive with their input planes already made by
the engine (or, until the engine writes rows, by tengen_train.synthetic).
"""

import io
import json
import os
import zipfile

import numpy as np

from .modelconfigs import NUM_GLOBAL, NUM_SPATIAL

FORMAT_VERSION = 2
# versions read_rows accepts; a version-1 file reads as if the V2_FIELDS were all zero
READ_VERSIONS = (1, 2)
# columns of target_weights
WEIGHT_COLUMNS = ["policy", "value", "score", "lead", "vtime", "ownership"]
# columns of score_targets
SCORE_COLUMNS = ["score", "lead", "vtime"]
# columns of short_term_targets (version 2)
SHORT_TERM_COLUMNS = ["win", "loss", "no_result", "score"]
# per-row arrays added by format version 2
V2_FIELDS = ("policy_target_next", "short_term_targets", "short_term_weight")
OWNERSHIP_SCALE = 127.0


class DataFormatError(ValueError):
    pass


def packed_len(pos_len):
    return (pos_len * pos_len + 7) // 8


def expected_fields(n, pos_len, version=FORMAT_VERSION):
    """name -> (dtype, shape) of the per-row arrays of a format-`version` file with n rows on
    a pos_len x pos_len grid."""
    a = pos_len * pos_len
    fields = {
        "binary_input_planes": (np.uint8, (n, NUM_SPATIAL, packed_len(pos_len))),
        "global_inputs": (np.float32, (n, NUM_GLOBAL)),
        "policy_target": (np.float32, (n, a + 1)),
        "value_target": (np.float32, (n, 3)),
        "score_targets": (np.float32, (n, len(SCORE_COLUMNS))),
        "ownership_target": (np.int8, (n, a)),
        "target_weights": (np.float32, (n, len(WEIGHT_COLUMNS))),
        "sample_weight": (np.float32, (n,)),
        "game_id": (np.int64, (n,)),
        "move_number": (np.int32, (n,)),
        "board_size": (np.int32, (n, 2)),
        "pla": (np.int8, (n,)),
        "komi": (np.float32, (n,)),
    }
    if version >= 2:
        fields.update({
            "policy_target_next": (np.float32, (n, a + 1)),
            "short_term_targets": (np.float32, (n, len(SHORT_TERM_COLUMNS))),
            "short_term_weight": (np.float32, (n,)),
        })
    return fields


def zero_v2_fields(n, pos_len):
    """The version-2 arrays of n rows that carry no next-move policy and no short-term target."""
    return {name: np.zeros(shape, dtype=dt)
            for name, (dt, shape) in expected_fields(n, pos_len, 2).items() if name in V2_FIELDS}


def pack_planes(planes):
    """(N, 22, L, L) {0,1} -> (N, 22, ceil(L*L/8)) uint8, MSB first, position index y*L + x."""
    n, c, h, w = planes.shape
    return np.packbits(planes.reshape(n, c, h * w).astype(np.uint8), axis=2, bitorder="big")


def unpack_planes(packed, pos_len):
    n, c, _ = packed.shape
    a = pos_len * pos_len
    bits = np.unpackbits(packed, axis=2, count=a, bitorder="big")
    return bits.reshape(n, c, pos_len, pos_len)


def write_rows(path, rows, pos_len, meta=None):
    """Validate `rows` (dict of arrays) and write them atomically as one format-version-2 .npz
    file. Version-2 fields the dict lacks (policy_target_next, short_term_targets,
    short_term_weight) are written as zeros: no target."""
    from .checkpoint import atomic_write_bytes

    n = len(rows["global_inputs"])
    spec = expected_fields(n, pos_len)
    zeros = zero_v2_fields(n, pos_len)
    rows = {**{k: v for k, v in zeros.items() if k not in rows}, **rows}
    out = {"format_version": np.array(FORMAT_VERSION, dtype=np.int32),
           "pos_len": np.array(pos_len, dtype=np.int32),
           "meta_json": np.array(json.dumps(meta or {}, sort_keys=True))}
    for name, (dt, shape) in spec.items():
        if name not in rows:
            raise DataFormatError(f"write_rows: missing field {name!r}")
        a = np.asarray(rows[name])
        if a.shape != shape:
            raise DataFormatError(f"write_rows: {name} has shape {a.shape}, expected {shape}")
        out[name] = a.astype(dt, copy=False)
    buf = io.BytesIO()
    np.savez_compressed(buf, **out)
    atomic_write_bytes(path, buf.getvalue())


def read_rows(path):
    """Load and validate one .npz file (format version 1 or 2). Returns (rows dict, pos_len,
    meta dict); the rows always have the version-2 fields (zeros for a version-1 file)."""
    try:
        z = np.load(path, allow_pickle=False)
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as e:
        raise DataFormatError(f"{path}: not a readable .npz file ({e})") from e
    with z:
        if "format_version" not in z.files:
            raise DataFormatError(f"{path}: missing format_version")
        ver = int(z["format_version"])
        if ver not in READ_VERSIONS:
            raise DataFormatError(f"{path}: format_version {ver} not supported "
                                  f"(reader: {', '.join(map(str, READ_VERSIONS))})")
        for k in ("pos_len", "global_inputs"):
            if k not in z.files:
                raise DataFormatError(f"{path}: missing field {k!r}")
        pos_len = int(z["pos_len"])
        if not 2 <= pos_len <= 32:
            raise DataFormatError(f"{path}: pos_len {pos_len} out of range")
        try:
            rows = {k: z[k] for k in z.files if k not in ("format_version", "pos_len", "meta_json")}
        except (ValueError, zipfile.BadZipFile, OSError, EOFError) as e:
            raise DataFormatError(f"{path}: corrupt member ({e})") from e
        meta = json.loads(str(z["meta_json"])) if "meta_json" in z.files else {}
    n = len(rows["global_inputs"])
    for name, (dt, shape) in expected_fields(n, pos_len, ver).items():
        if name not in rows:
            raise DataFormatError(f"{path}: missing field {name!r}")
        a = rows[name]
        if a.dtype != np.dtype(dt) or a.shape != shape:
            raise DataFormatError(f"{path}: field {name} is {a.dtype}{a.shape}, "
                                  f"expected {np.dtype(dt)}{shape}")
    if ver == 1:
        rows.update(zero_v2_fields(n, pos_len))
    return rows, pos_len, meta


def concat_rows(parts):
    keys = parts[0].keys()
    return {k: np.concatenate([p[k] for p in parts], axis=0) for k in keys}


def select_rows(rows, idx):
    return {k: v[idx] for k, v in rows.items()}


# ------------------------------------------------------------------ sliding window + shuffle


def window_size(total_rows, min_rows=250_000, alpha=0.75, beta=0.4):
    """Rows to train on once `total_rows` rows exist (power law, grows sublinearly).

    window = min_rows * (1 + beta * ((total/min_rows)^alpha - 1) / alpha), capped at total.
    """
    if total_rows <= min_rows:
        return total_rows
    w = min_rows * (1 + beta * ((total_rows / min_rows) ** alpha - 1) / alpha)
    return int(min(total_rows, w))


def count_rows(path):
    with np.load(path, allow_pickle=False) as z:
        return int(z["sample_weight"].shape[0])


def shuffle_window(files, out_dir, rows_per_shard, seed, window=None, **window_args):
    """Take the newest rows (files sorted by name = by age; newest last) that fit in the
    window, shuffle them with `seed`, and write shards out_dir/shard_XXXX.npz.
    Returns the list of written shard paths."""
    files = sorted(files)
    counts = [count_rows(f) for f in files]
    total = sum(counts)
    if window is None:
        window = window_size(total, **window_args)
    chosen, have = [], 0
    for f, c in zip(reversed(files), reversed(counts)):
        if have >= window:
            break
        chosen.append((f, c))
        have += c
    parts, pos_len = [], None
    for f, c in reversed(chosen):
        rows, pl, _ = read_rows(f)
        if pos_len is not None and pl != pos_len:
            raise DataFormatError(f"{f}: pos_len {pl} differs from {pos_len} of other files")
        pos_len = pl
        parts.append(rows)
    if not parts:
        return []
    rows = concat_rows(parts)
    n = len(rows["sample_weight"])
    keep = np.arange(n - min(n, window), n)   # newest `window` rows
    rng = np.random.default_rng(seed)
    perm = keep[rng.permutation(len(keep))]
    os.makedirs(out_dir, exist_ok=True)
    out = []
    for i in range(0, len(perm), rows_per_shard):
        p = os.path.join(out_dir, f"shard_{i // rows_per_shard:05d}.npz")
        write_rows(p, select_rows(rows, perm[i:i + rows_per_shard]), pos_len,
                   meta={"shuffled_from": [os.path.basename(f) for f, _ in chosen], "seed": seed})
        out.append(p)
    return out


# ------------------------------------------------------------------------------ symmetries


def apply_symmetry(a, sym):
    """Move the value at grid point (x, y) of the last two axes (y, x) to sym(x, y).

    bit 0: flip y, bit 1: flip x, bit 2: transpose (applied after the flips) -- KataGo's
    convention (docs/KATAGO.md §2.5). Works on any array whose last two axes are (y, x)."""
    if sym & 1:
        a = a[..., ::-1, :]
    if sym & 2:
        a = a[..., :, ::-1]
    if sym & 4:
        a = np.swapaxes(a, -1, -2)
    return a


def inverse_symmetry(sym):
    return {5: 6, 6: 5}.get(sym, sym)


def _sym_policy_row(p, s, pos_len):
    """p: (K, L*L+1) or (L*L+1,) of one row, transformed in place (pass untouched)."""
    a = pos_len * pos_len
    board = p[..., :a].reshape(p.shape[:-1] + (pos_len, pos_len))
    p[..., :a] = apply_symmetry(board, s).reshape(p.shape[:-1] + (a,))


def augment_batch(planes, policy, ownership, syms, pos_len, policy_next=None):
    """Apply per-row symmetries. planes (B, C, L, L); policy and policy_next (B, K, L*L+1) or
    (B, L*L+1); ownership (B, L*L). Returns new arrays (pass entries untouched):
    (planes, policy, ownership), plus policy_next as a fourth when it is given (it gets the
    same symmetry as policy, row by row)."""
    planes = planes.copy()
    policy = policy.copy()
    ownership = ownership.copy()
    if policy_next is not None:
        policy_next = policy_next.copy()
    a = pos_len * pos_len
    for i, s in enumerate(syms):
        s = int(s)
        if s == 0:
            continue
        planes[i] = apply_symmetry(planes[i], s)
        _sym_policy_row(policy[i], s, pos_len)
        if policy_next is not None:
            _sym_policy_row(policy_next[i], s, pos_len)
        ownership[i] = apply_symmetry(ownership[i].reshape(pos_len, pos_len), s).reshape(a)
    if policy_next is None:
        return planes, policy, ownership
    return planes, policy, ownership, policy_next


def normalise_policy(pol):
    """Each row scaled to sum 1; an all-zero row (no target) stays zero."""
    s = pol.sum(axis=-1, keepdims=True)
    return np.where(s > 0, pol / np.maximum(s, 1e-30), 0.0).astype(np.float32)


# ------------------------------------------------------------------------ in-memory dataset


class RowDataset:
    """Rows held in memory (planes stay bit-packed); batches are pure functions of
    (seed, step), so a resumed run sees exactly the same data and symmetries."""

    def __init__(self, files, seed=0, augment=True):
        if isinstance(files, (str, os.PathLike)):
            files = [files]
        parts, pos_len = [], None
        for f in sorted(map(str, files)):
            rows, pl, _ = read_rows(f)
            if pos_len is not None and pl != pos_len:
                raise DataFormatError(f"{f}: pos_len {pl} differs from {pos_len}")
            pos_len = pl
            parts.append(rows)
        if not parts:
            raise DataFormatError("no data files given")
        self.rows = concat_rows(parts)
        self.pos_len = pos_len
        self.n = len(self.rows["sample_weight"])
        self.seed = seed
        self.augment = augment
        self._perm_cache = {}

    def _perm(self, epoch):
        if epoch not in self._perm_cache:
            if len(self._perm_cache) > 4:
                self._perm_cache.clear()
            self._perm_cache[epoch] = np.random.default_rng([self.seed, 7, epoch]).permutation(self.n)
        return self._perm_cache[epoch]

    def batch_indices(self, step, batch_size):
        start = step * batch_size
        idx = np.empty(batch_size, dtype=np.int64)
        for k in range(batch_size):
            i = start + k
            idx[k] = self._perm(i // self.n)[i % self.n]
        return idx

    def batch_symmetries(self, step, batch_size):
        if not self.augment:
            return np.zeros(batch_size, dtype=np.int64)
        return np.random.default_rng([self.seed, 11, step]).integers(0, 8, batch_size)

    def get(self, idx, syms=None):
        """Decode rows `idx` into float32 numpy arrays ready for the model."""
        r = self.rows
        planes = unpack_planes(r["binary_input_planes"][idx], self.pos_len).astype(np.float32)
        pol = r["policy_target"][idx].astype(np.float32)
        pol_next = r["policy_target_next"][idx].astype(np.float32)
        own = r["ownership_target"][idx].astype(np.float32) / OWNERSHIP_SCALE
        if syms is not None and np.any(syms):
            planes, pol, own, pol_next = augment_batch(planes, pol, own, syms, self.pos_len,
                                                       policy_next=pol_next)
        pol = normalise_policy(pol)
        pol_next = normalise_policy(pol_next)
        return {
            "spatial": np.ascontiguousarray(planes),
            "global": r["global_inputs"][idx].astype(np.float32),
            "policy": np.ascontiguousarray(pol),
            "value": r["value_target"][idx].astype(np.float32),
            "score": r["score_targets"][idx].astype(np.float32),
            "ownership": np.ascontiguousarray(own),
            "weights": r["target_weights"][idx].astype(np.float32),
            "sample_weight": r["sample_weight"][idx].astype(np.float32),
            "policy_next": np.ascontiguousarray(pol_next),
            "short_term": r["short_term_targets"][idx].astype(np.float32),
            "short_term_weight": r["short_term_weight"][idx].astype(np.float32),
        }

    def batch(self, step, batch_size, rank=0, world=1):
        """Global batch `step`; with world > 1, this rank's contiguous slice of it."""
        idx = self.batch_indices(step, batch_size)
        syms = self.batch_symmetries(step, batch_size)
        per = batch_size // world
        sl = slice(rank * per, (rank + 1) * per)
        return self.get(idx[sl], syms[sl])
