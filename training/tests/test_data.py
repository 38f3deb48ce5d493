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
