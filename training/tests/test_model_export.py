import gzip

import numpy as np
import pytest
import torch

from tengen_train import katago_format as K
from tengen_train.model import AUX_OUTPUTS, Model, randomize_for_test
from tengen_train.modelconfigs import PRESETS


def _inputs(n, size, grid=None, seed=0):
    grid = grid or size
    g = torch.Generator().manual_seed(seed)
    sp = torch.zeros(n, 22, grid, grid)
    sp[:, 0, :size, :size] = 1
    stones = torch.rand(n, 2, size, size, generator=g)
    sp[:, 1, :size, :size] = (stones[:, 0] < 0.2).float()
    sp[:, 2, :size, :size] = ((stones[:, 0] >= 0.2) & (stones[:, 0] < 0.4)).float()
    sp[:, 9:14, :size, :size] = (torch.rand(n, 5, size, size, generator=g) < 0.02).float()
    gl = torch.randn(n, 19, generator=g) * 0.3
    return sp, gl


@pytest.mark.parametrize("preset", list(PRESETS))
def test_export_import_roundtrip_identical(preset, tmp_path):
    torch.manual_seed(3)
    m = randomize_for_test(Model(preset), seed=3).eval()
    big = m.config["trunk_c"] >= 384
    if big:  # gzip of a 190 MB file takes most of the time: test the bytes path only
        raw = K.model_bytes(m, name=preset)
        m2 = K.model_from_parsed(K.parse_model_bytes(raw))
        info = {"version": 15, "name": preset}
    else:
        path = tmp_path / f"{preset}.bin.gz"
        K.export_model(m, path, name=preset)
        m2, info = K.import_model(path)
        raw = gzip.decompress(path.read_bytes())
    assert info["version"] == 15 and info["name"] == preset
    assert m2.config == m.config
    cases = [(1, 9)] if big else [(3, 9), (2, 19)]
    for n, size in cases:
        sp, gl = _inputs(n, size)
        with torch.no_grad():
            a, b = m(sp, gl), m2(sp, gl)
        for k in a:
            if k in AUX_OUTPUTS:   # training-only heads are not in the file
                continue
            assert torch.equal(a[k], b[k]), f"{preset}: output {k} differs after round trip"
    # re-exporting the imported net reproduces the file byte for byte
    assert K.model_bytes(m2, name=preset) == raw


def test_small_board_in_big_grid_matches():
    """A 9x9 board inside a 19x19 grid gives the same outputs (masking, docs/KATAGO.md §2.1)."""
    m = randomize_for_test(Model("tiny_nbt"), seed=1).eval()
    sp9, gl = _inputs(2, 9)
    sp19 = torch.zeros(2, 22, 19, 19)
    sp19[:, :, :9, :9] = sp9
    with torch.no_grad():
        a, b = m(sp9, gl), m(sp19, gl)
    assert torch.allclose(a["value"], b["value"], atol=1e-5)
    assert torch.allclose(a["misc"], b["misc"], atol=1e-5)
    pa = a["policy"][:, :, :81].reshape(2, 2, 9, 9)
    pb = b["policy"][:, :, :361].reshape(2, 2, 19, 19)[:, :, :9, :9]
    assert torch.allclose(pa, pb, atol=1e-5)
    assert torch.allclose(a["policy"][:, :, -1], b["policy"][:, :, -1], atol=1e-5)
    assert torch.allclose(a["ownership"], b["ownership"][:, :, :9, :9], atol=1e-5)


def _raw(tmp_path):
    m = Model("tiny")
    return K.model_bytes(m, name="t")


def _write(tmp_path, data, gz=True):
    p = tmp_path / ("bad.bin.gz" if gz else "bad.bin")
    p.write_bytes(gzip.compress(data) if gz else data)
    return p


def test_corrupt_files_give_clear_errors(tmp_path):
    raw = _raw(tmp_path)
    p = tmp_path / "x.bin.gz"
    p.write_bytes(gzip.compress(raw)[:-100])
    with pytest.raises(K.ModelFormatError, match="corrupt gzip"):
        K.import_model(p)
    with pytest.raises(K.ModelFormatError, match="truncated|end of file"):
        K.import_model(_write(tmp_path, raw[: len(raw) // 2]))
    with pytest.raises(K.ModelFormatError, match="model version 12 is not supported"):
        K.import_model(_write(tmp_path, raw.replace(b"\n15\n", b"\n12\n", 1)))
    with pytest.raises(K.ModelFormatError, match="unsupported activation"):
        K.import_model(_write(tmp_path, raw.replace(b"ACTIVATION_RELU", b"ACTIVATION_GELU", 1)))
    # a NaN inside the first float block
    i = raw.index(b"@BIN@") + 5
    bad = raw[:i] + np.array([np.nan], dtype="<f4").tobytes() + raw[i + 4:]
    with pytest.raises(K.ModelFormatError, match="NaN or Inf"):
        K.import_model(_write(tmp_path, bad))
    with pytest.raises(K.ModelFormatError, match="unexpected data after"):
        K.import_model(_write(tmp_path, raw + b"extra\n"))
    with pytest.raises(K.ModelFormatError, match="cannot read"):
        K.import_model(tmp_path / "missing.bin.gz")


def test_export_refuses_bad_names_and_nan(tmp_path):
    m = Model("tiny")
    with pytest.raises(ValueError, match="model name"):
        K.model_bytes(m, name="has space")
    with torch.no_grad():
        m.conv_spatial.weight[0, 0, 0, 0] = float("nan")
    with pytest.raises(ValueError, match="non-finite"):
        K.model_bytes(m, name="ok")


def test_bnorm_uses_on_board_statistics_and_exports(tmp_path):
    cfg = dict(PRESETS["tiny"], norm="bnorm")
    torch.manual_seed(0)
    a = Model(cfg).train()
    b = Model(cfg).train()
    b.load_state_dict(a.state_dict())
    sp9, gl = _inputs(4, 9, seed=2)
    sp19 = torch.zeros(4, 22, 19, 19)
    sp19[:, :, :9, :9] = sp9
    oa, ob = a(sp9, gl), b(sp19, gl)
    # batch statistics come from on-board points only: same result in a bigger grid
    assert torch.allclose(oa["value"], ob["value"], atol=1e-4)
    assert torch.allclose(a.norm_trunk.running_mean, b.norm_trunk.running_mean, atol=1e-5)
    assert not torch.allclose(a.norm_trunk.running_mean, torch.zeros(16))
    a.eval()
    K.export_model(a, tmp_path / "bn.bin.gz", name="bn")
    m2, _ = K.import_model(tmp_path / "bn.bin.gz")
    with torch.no_grad():
        x, y = a(sp9, gl), m2(sp9, gl)
    for k in x:
        if k not in AUX_OUTPUTS:
            assert torch.allclose(x[k], y[k], atol=1e-6), k


def test_aux_next_move_head_is_not_exported(tmp_path):
    """The training-only policy_next head: the file's bytes do not depend on its weights, the
    round trip keeps every exported output, and the imported net has a fresh, working head."""
    torch.manual_seed(0)
    m = randomize_for_test(Model("tiny"), seed=5).eval()
    raw = K.model_bytes(m, name="aux")
    with torch.no_grad():
        m.policy_next_head.conv.weight.normal_(0.0, 3.0)
        m.policy_next_head.linear_pass.weight.normal_(0.0, 3.0)
    assert K.model_bytes(m, name="aux") == raw
    path = tmp_path / "aux.bin.gz"
    K.export_model(m, path, name="aux")
    assert gzip.decompress(path.read_bytes()) == raw
    m2, _ = K.import_model(path)
    sp, gl = _inputs(2, 9)
    with torch.no_grad():
        a, b = m(sp, gl), m2(sp, gl)
    assert a["policy_next"].shape == b["policy_next"].shape == (2, 1, 82)
    for k in a:
        if k not in AUX_OUTPUTS:
            assert torch.equal(a[k], b[k]), k
    assert not torch.equal(a["policy_next"], b["policy_next"])   # not carried by the file
    assert torch.isfinite(b["policy_next"]).all()
    assert K.model_bytes(m2, name="aux") == raw


def test_old_state_without_aux_head_loads_for_export():
    from tengen_train.model import load_model_state
    torch.manual_seed(1)
    m = randomize_for_test(Model("tiny"), seed=2)
    old = {k: v for k, v in m.state_dict().items() if not k.startswith("policy_next_head.")}
    m2 = Model("tiny")
    missing = load_model_state(m2, old)
    assert missing and all(k.startswith("policy_next_head.") for k in missing)
    assert K.model_bytes(m2, name="old") == K.model_bytes(m, name="old")
    del old["conv_spatial.weight"]
    with pytest.raises(RuntimeError, match="conv_spatial.weight"):
        load_model_state(Model("tiny"), old)
