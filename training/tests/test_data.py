import numpy as np
import pytest

from tengen_train import data as D
from tengen_train.synthetic import make_rows, write_synthetic


def test_pack_unpack_roundtrip_and_bit_order():
    rng = np.random.default_rng(0)
    planes = (rng.random((3, 22, 19, 19)) < 0.3).astype(np.uint8)
    packed = D.pack_planes(planes)
    assert packed.shape == (3, 22, 46)
    assert np.array_equal(D.unpack_planes(packed, 19), planes)
    # documented layout: position p = y*L + x lives in byte p//8, bit 7 - p%8 (MSB first)
    one = np.zeros((1, 22, 9, 9), dtype=np.uint8)
    one[0, 3, 1, 2] = 1   # y=1, x=2 -> p = 11 -> byte 1, bit 4 -> value 16
    pk = D.pack_planes(one)
    assert pk[0, 3, 1] == 16 and pk.sum() == 16


def test_write_read_roundtrip(tmp_path):
    rows = make_rows(50, pos_len=9, seed=3)
    p = tmp_path / "a.npz"
    D.write_rows(p, rows, 9, meta={"writer": "test"})
    back, pos_len, meta = D.read_rows(p)
    assert pos_len == 9 and meta == {"writer": "test"}
    for k, v in rows.items():
        assert np.array_equal(back[k], v), k


def test_reader_rejects_bad_files(tmp_path):
    rows = make_rows(5, pos_len=9, seed=0)
    p = tmp_path / "a.npz"
    D.write_rows(p, rows, 9)
    z = dict(np.load(p))
    bad = dict(z)
    bad["format_version"] = np.array(99, dtype=np.int32)
    np.savez(tmp_path / "v.npz", **bad)
    with pytest.raises(D.DataFormatError, match="format_version 99"):
        D.read_rows(tmp_path / "v.npz")
    bad = dict(z)
    del bad["policy_target"]
    np.savez(tmp_path / "m.npz", **bad)
    with pytest.raises(D.DataFormatError, match="missing field 'policy_target'"):
        D.read_rows(tmp_path / "m.npz")
    bad = dict(z)
    bad["value_target"] = bad["value_target"].astype(np.float64)
    np.savez(tmp_path / "d.npz", **bad)
    with pytest.raises(D.DataFormatError, match="value_target is float64"):
        D.read_rows(tmp_path / "d.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip at all")
    with pytest.raises(D.DataFormatError, match="not a readable"):
        D.read_rows(tmp_path / "junk.npz")
    with pytest.raises(D.DataFormatError, match="shape"):
        r = dict(rows)
        r["komi"] = r["komi"][:3]
        D.write_rows(tmp_path / "w.npz", r, 9)


def test_window_size_grows_sublinearly():
    assert D.window_size(1000, min_rows=5000) == 1000
    assert D.window_size(5000, min_rows=5000) == 5000
    w1, w2 = D.window_size(50_000, min_rows=5000), D.window_size(500_000, min_rows=5000)
    assert 5000 < w1 < 50_000 and w1 < w2 < 500_000
    assert w2 / w1 < 10


def test_shuffle_window_takes_newest_rows(tmp_path):
    files = []
    for i in range(4):
        files.append(write_synthetic(tmp_path / f"gen{i:03d}.npz", 30, pos_len=9, seed=i,
                                     game_id_base=1000 * i))
    out = D.shuffle_window(files, tmp_path / "shuf", rows_per_shard=25, seed=5, window=70)
    rows = D.concat_rows([D.read_rows(p)[0] for p in out])
    assert len(rows["game_id"]) == 70
    # newest 70 rows = all 60 of files 3 and 2 + the last 10 of file 1
    ids = rows["game_id"] // 1000
    assert sorted(np.bincount(ids, minlength=4).tolist()) == [0, 10, 30, 30]
    assert np.bincount(ids, minlength=4)[0] == 0
    # rows really are shuffled (not in file order), and deterministic for a seed
    assert not np.all(np.diff(rows["game_id"]) >= 0)
    out2 = D.shuffle_window(files, tmp_path / "shuf2", rows_per_shard=25, seed=5, window=70)
    rows2 = D.concat_rows([D.read_rows(p)[0] for p in out2])
    assert np.array_equal(rows["binary_input_planes"], rows2["binary_input_planes"])


# ------------------------------------------------------------------------------ symmetries

def _sym_point(x, y, L, s):
    if s & 1:
        y = L - 1 - y
    if s & 2:
        x = L - 1 - x
    if s & 4:
        x, y = y, x
    return x, y


@pytest.mark.parametrize("s", range(8))
def test_symmetry_moves_points_like_katago(s):
    L = 7
    a = np.zeros((L, L))
    a[1, 5] = 1  # (x=5, y=1)
    b = D.apply_symmetry(a, s)
    x, y = _sym_point(5, 1, L, s)
    assert b[y, x] == 1 and b.sum() == 1
    back = D.apply_symmetry(b, D.inverse_symmetry(s))
    assert np.array_equal(back, a)


def test_eight_symmetries_are_distinct():
    a = np.arange(25).reshape(5, 5)
    outs = {D.apply_symmetry(a, s).tobytes() for s in range(8)}
    assert len(outs) == 8


def test_augmentation_keeps_planes_policy_ownership_consistent():
    """Target move = the single pla stone's neighbour; ownership = pla - opp stones. After any
    symmetry the relations must still hold in the transformed frame."""
    L, n = 9, 8
    rng = np.random.default_rng(1)
    planes = np.zeros((n, 22, L, L), dtype=np.float32)
    policy = np.zeros((n, L * L + 1), dtype=np.float32)
    own = np.zeros((n, L * L), dtype=np.float32)
    for i in range(n):
        planes[i, 0] = 1
        x, y = rng.integers(1, L - 1, size=2)
        planes[i, 1, y, x] = 1
        planes[i, 2, 0, 3] = 1
        policy[i, (y + 1) * L + x] = 0.9       # point below the stone
        policy[i, L * L] = 0.1                  # pass
        own[i] = (planes[i, 1] - planes[i, 2]).ravel()
    syms = np.arange(8)
    p2, pol2, own2 = D.augment_batch(planes, policy, own, syms, L)
    for i in range(n):
        s = int(syms[i])
        (sy, sx), = np.argwhere(p2[i, 1] == 1)
        (oy, ox), = np.argwhere(p2[i, 2] == 1)
        x0, y0 = np.argwhere(planes[i, 1] == 1)[0][::-1]
        assert (sx, sy) == _sym_point(x0, y0, L, s)
        tx, ty = _sym_point(x0, y0 + 1, L, s)
        assert pol2[i, ty * L + tx] == pytest.approx(0.9)
        assert pol2[i, L * L] == pytest.approx(0.1)
        assert np.array_equal(own2[i].reshape(L, L), p2[i, 1] - p2[i, 2])
        assert np.array_equal(p2[i, 0], planes[i, 0])


def test_dataset_batches_deterministic_and_cover_epoch(tmp_path):
    p = write_synthetic(tmp_path / "a.npz", 40, pos_len=9, seed=0)
    ds = D.RowDataset([p], seed=3)
    idx = np.concatenate([ds.batch_indices(s, 8) for s in range(5)])
    assert sorted(idx.tolist()) == list(range(40))      # one epoch = every row once
    ds2 = D.RowDataset([p], seed=3)
    b1, b2 = ds.batch(7, 8), ds2.batch(7, 8)
    for k in b1:
        assert np.array_equal(b1[k], b2[k])
    assert not np.array_equal(ds.batch_indices(5, 8), ds.batch_indices(0, 8))
    # rank slices partition the global batch
    full = ds.batch(2, 8)
    parts = [ds.batch(2, 8, rank=r, world=2) for r in range(2)]
    assert np.array_equal(np.concatenate([q["spatial"] for q in parts]), full["spatial"])
    assert np.allclose(full["policy"].sum(1), 1.0, atol=1e-5)


# ------------------------------------------------------------------- format version 2 fields


def _v2_rows(n, pos_len=9, seed=0, game_id_base=0):
    """Synthetic rows plus non-trivial version-2 fields (one-hot next move, short-term)."""
    rows = make_rows(n, pos_len=pos_len, seed=seed, game_id_base=game_id_base)
    rng = np.random.default_rng(seed + 100)
    a = pos_len * pos_len
    nxt = np.zeros((n, a + 1), dtype=np.float32)
    nxt[np.arange(n), rng.integers(0, a + 1, n)] = 3.0
    nxt[0] = 0                                             # row 0: no next-move target
    st = rng.random((n, 4)).astype(np.float32)
    st[:, 3] = rng.normal(0, 10, n)
    stw = rng.random(n).astype(np.float32)
    stw[1] = 0
    rows.update(policy_target_next=nxt, short_term_targets=st, short_term_weight=stw)
    return rows


def _save_v1(path, rows, pos_len):
    """A format-version-1 file as the old writer made it (no version-2 arrays)."""
    out = {k: np.asarray(v) for k, v in rows.items() if k not in D.V2_FIELDS}
    for name, (dt, _) in D.expected_fields(len(rows["komi"]), pos_len, 1).items():
        out[name] = out[name].astype(dt)
    np.savez(path, format_version=np.array(1, dtype=np.int32),
             pos_len=np.array(pos_len, dtype=np.int32), meta_json=np.array("{}"), **out)


def test_v1_file_reads_with_zero_v2_fields(tmp_path):
    rows = make_rows(7, pos_len=9, seed=1)
    _save_v1(tmp_path / "v1.npz", rows, 9)
    back, pos_len, _ = D.read_rows(tmp_path / "v1.npz")
    assert pos_len == 9
    for k, v in rows.items():
        assert np.array_equal(back[k], v), k
    for name, (dt, shape) in D.expected_fields(7, 9).items():
        assert back[name].dtype == np.dtype(dt) and back[name].shape == shape, name
    for name in D.V2_FIELDS:
        assert not back[name].any(), name
    ds = D.RowDataset([tmp_path / "v1.npz"], seed=0)
    b = ds.batch(0, 4)
    assert b["policy_next"].shape == (4, 82) and not b["policy_next"].any()
    assert b["short_term"].shape == (4, 4) and not b["short_term_weight"].any()


def test_v2_roundtrip_and_writer_fills_zeros(tmp_path):
    assert D.FORMAT_VERSION == 2
    rows = _v2_rows(20, seed=2)
    D.write_rows(tmp_path / "v2.npz", rows, 9)
    with np.load(tmp_path / "v2.npz") as z:
        assert int(z["format_version"]) == 2
        assert set(D.V2_FIELDS) <= set(z.files)
    back, _, _ = D.read_rows(tmp_path / "v2.npz")
    for k, v in rows.items():
        assert np.array_equal(back[k], v), k
    # a dict without the version-2 fields is written as version 2 with zeros
    D.write_rows(tmp_path / "plain.npz", make_rows(5, pos_len=9, seed=0), 9)
    with np.load(tmp_path / "plain.npz") as z:
        assert int(z["format_version"]) == 2
        assert z["policy_target_next"].shape == (5, 82) and not z["policy_target_next"].any()
        assert z["short_term_targets"].shape == (5, 4) and not z["short_term_weight"].any()


def test_v2_fields_are_validated(tmp_path):
    D.write_rows(tmp_path / "a.npz", _v2_rows(5, seed=0), 9)
    z = dict(np.load(tmp_path / "a.npz"))
    bad = dict(z)
    bad["short_term_targets"] = bad["short_term_targets"][:, :3].copy()
    np.savez(tmp_path / "s.npz", **bad)
    with pytest.raises(D.DataFormatError, match=r"s\.npz.*short_term_targets is float32\(5, 3\)"):
        D.read_rows(tmp_path / "s.npz")
    bad = dict(z)
    bad["policy_target_next"] = bad["policy_target_next"][:, :81].copy()
    np.savez(tmp_path / "p.npz", **bad)
    with pytest.raises(D.DataFormatError, match="policy_target_next"):
        D.read_rows(tmp_path / "p.npz")
    bad = dict(z)
    bad["short_term_weight"] = bad["short_term_weight"].astype(np.float64)
    np.savez(tmp_path / "w.npz", **bad)
    with pytest.raises(D.DataFormatError, match="short_term_weight is float64"):
        D.read_rows(tmp_path / "w.npz")
    bad = dict(z)
    del bad["short_term_weight"]
    np.savez(tmp_path / "m.npz", **bad)   # version 2 requires every version-2 array
    with pytest.raises(D.DataFormatError, match="missing field 'short_term_weight'"):
        D.read_rows(tmp_path / "m.npz")
    bad = dict(z)
    bad["format_version"] = np.array(3, dtype=np.int32)
    np.savez(tmp_path / "v3.npz", **bad)
    with pytest.raises(D.DataFormatError, match=r"v3\.npz: format_version 3 not supported"):
        D.read_rows(tmp_path / "v3.npz")
    r = _v2_rows(5, seed=0)
    r["policy_target_next"] = r["policy_target_next"][:, :-1]
    with pytest.raises(D.DataFormatError, match="policy_target_next has shape"):
        D.write_rows(tmp_path / "x.npz", r, 9)


def test_shuffle_window_carries_v2_fields(tmp_path):
    f1 = tmp_path / "gen000.npz"
    _save_v1(f1, make_rows(30, pos_len=9, seed=0, game_id_base=0), 9)
    rows2 = _v2_rows(30, seed=1, game_id_base=1000)
    rows2["game_id"] = 1000 + np.arange(30, dtype=np.int64)   # one row per game: an index
    f2 = tmp_path / "gen001.npz"
    D.write_rows(f2, rows2, 9)
    out = D.shuffle_window([f1, f2], tmp_path / "shuf", rows_per_shard=16, seed=1, window=60)
    rows = D.concat_rows([D.read_rows(p)[0] for p in out])
    old = rows["game_id"] < 1000
    assert old.sum() == 30
    for name in D.V2_FIELDS:
        assert not rows[name][old].any(), name
        i = rows["game_id"][~old] - 1000
        assert np.array_equal(rows[name][~old], rows2[name][i]), name


@pytest.mark.parametrize("s", range(8))
def test_augmentation_moves_policy_next_with_policy(tmp_path, s):
    L, n = 9, 6
    rows = _v2_rows(n, pos_len=L, seed=3)
    rng = np.random.default_rng(s)
    pts = []
    for i in range(n):
        x, y, xn, yn = rng.integers(0, L, size=4)
        rows["policy_target"][i] = 0
        rows["policy_target"][i, y * L + x] = 2.0
        rows["policy_target_next"][i] = 0
        if i == 0:   # same point in both: must land on the same point
            xn, yn = x, y
        if i == 1:   # no next-move target: stays all zero
            pts.append((x, y, None, None))
            continue
        rows["policy_target_next"][i, yn * L + xn] = 4.0
        pts.append((x, y, xn, yn))
    rows["policy_target_next"][2, L * L] = 1.0   # a pass share stays on pass
    D.write_rows(tmp_path / "a.npz", rows, L)
    ds = D.RowDataset([tmp_path / "a.npz"])
    b = ds.get(np.arange(n), np.full(n, s))
    for i, (x, y, xn, yn) in enumerate(pts):
        tx, ty = _sym_point(x, y, L, s)
        assert b["policy"][i, ty * L + tx] == pytest.approx(1.0)
        if xn is None:
            assert not b["policy_next"][i].any()
            continue
        tx, ty = _sym_point(xn, yn, L, s)
        want = 0.8 if i == 2 else 1.0
        assert b["policy_next"][i, ty * L + tx] == pytest.approx(want)
        assert b["policy_next"][i].sum() == pytest.approx(1.0)
        if i == 2:
            assert b["policy_next"][i, L * L] == pytest.approx(0.2)
    assert b["policy_next"][0].argmax() == b["policy"][0].argmax()
    assert np.array_equal(b["short_term"], rows["short_term_targets"])
    assert np.array_equal(b["short_term_weight"], rows["short_term_weight"])
    # augment_batch directly: policy_next gets the same transform as policy
    pol = rows["policy_target"][:n]
    _, p2, _, pn2 = D.augment_batch(np.zeros((n, 22, L, L), np.float32), pol, np.zeros((n, L * L)),
                                    np.full(n, s), L, policy_next=pol.copy())
    assert np.array_equal(p2, pn2)
