"""Losses of the format-version-2 targets: the next-move policy head and the short-term
value / score error targets."""

import numpy as np
import pytest
import torch

from tengen_train import data as D
from tengen_train.losses import LOSS_WEIGHTS, compute_losses
from tengen_train.model import Model
from tengen_train.synthetic import make_rows


def _batch(n=4, L=7, seed=0):
    rows = make_rows(n, pos_len=L, seed=seed)
    sp = D.unpack_planes(rows["binary_input_planes"], L).astype(np.float32)
    b = {"spatial": sp, "global": rows["global_inputs"],
         "policy": D.normalise_policy(rows["policy_target"]),
         "value": rows["value_target"], "score": rows["score_targets"],
         "ownership": rows["ownership_target"].astype(np.float32) / D.OWNERSHIP_SCALE,
         "weights": rows["target_weights"], "sample_weight": rows["sample_weight"],
         "policy_next": np.zeros((n, L * L + 1), np.float32),
         "short_term": np.zeros((n, 4), np.float32),
         "short_term_weight": np.zeros(n, np.float32)}
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in b.items()}


@pytest.fixture(scope="module")
def net():
    torch.manual_seed(0)
    m = Model("tiny").eval()
    b = _batch()
    with torch.no_grad():
        out = m(b["spatial"], b["global"])
    return m, out


def _heads(out, b):
    return {k: float(v) for k, v in compute_losses(out, b)[1].items()}


def test_short_term_targets_used_only_when_weighted(net):
    _, out = net
    b = _batch()
    base = _heads(out, b)
    # short-term targets without weight: nothing changes (final value / score as before)
    b["short_term"] = torch.tensor([[1.0, 0.0, 0.0, 30.0]] * 4)
    assert _heads(out, b) == base
    # with weight on row 0 only: st_value / st_score change, nothing else does
    b["short_term_weight"] = torch.tensor([1.0, 0.0, 0.0, 0.0])
    h = _heads(out, b)
    assert h["st_value"] != base["st_value"] and h["st_score"] != base["st_score"]
    for k in base:
        if k not in ("st_value", "st_score"):
            assert h[k] == base[k], k
    # and then the short-term targets matter: changing them changes st_value / st_score
    b2 = dict(b, short_term=torch.tensor([[0.0, 1.0, 0.0, -30.0]] * 4))
    h2 = _heads(out, b2)
    assert h2["st_value"] != h["st_value"] and h2["st_score"] != h["st_score"]
    # row 0 alone, by hand (KataGo's definition, weight = short_term_weight)
    one = {k: v[:1] for k, v in b.items()}
    o1 = {k: v[:1] for k, v in out.items()}
    p = torch.softmax(o1["value"].float(), 1)[0]
    err = (1.0 - (p[0] - p[1])) ** 2
    pred = torch.nn.functional.softplus(0.5 * o1["misc"][0, 4]) ** 2 * 0.25
    d = pred - err
    huber = 0.5 * d * d / 0.5 if abs(d) < 0.5 else abs(d) - 0.25
    one["short_term_weight"] = torch.tensor([0.5])
    assert float(compute_losses(o1, one)[1]["st_value"]) == pytest.approx(0.5 * float(huber), rel=1e-5)


def test_policy_next_loss(net):
    _, out = net
    b = _batch()
    h = _heads(out, b)
    assert h["policy_next"] == 0.0           # all-zero targets: no loss
    t = torch.zeros_like(b["policy_next"])
    t[1, 3] = 1.0                             # one row with a target
    b["policy_next"] = t
    h1 = _heads(out, b)
    logp = torch.log_softmax(out["policy_next"][1, 0].float().masked_fill(
        torch.cat([b["spatial"][1, 0].flatten(), torch.ones(1)]) == 0, -1e4), 0)
    assert h1["policy_next"] == pytest.approx(-float(logp[3]) / 4, rel=1e-5)
    for k in h:
        if k != "policy_next":
            assert h1[k] == h[k], k
    b["sample_weight"] = torch.tensor([1.0, 0.5, 1.0, 1.0])
    assert _heads(out, b)["policy_next"] == pytest.approx(h1["policy_next"] / 2, rel=1e-5)
    assert LOSS_WEIGHTS["policy_next"] == 0.15
    metrics = compute_losses(out, b)[2]
    assert 0.0 <= float(metrics["policy_next_top1"]) <= 1.0


def test_batches_without_v2_keys_still_work(net):
    _, out = net
    b = _batch()
    full = _heads(out, b)
    for k in ("policy_next", "short_term", "short_term_weight"):
        del b[k]
    assert _heads(out, b) == full


def test_aux_head_trains_from_rows(tmp_path):
    """End to end: v2 rows through RowDataset; the aux head gets gradient from policy_next."""
    rows = make_rows(16, pos_len=7, seed=1)
    nxt = np.zeros((16, 50), np.float32)
    nxt[np.arange(16), np.arange(16) % 49] = 1
    rows["policy_target_next"] = nxt
    D.write_rows(tmp_path / "r.npz", rows, 7)
    ds = D.RowDataset([tmp_path / "r.npz"], seed=0)
    b = {k: torch.from_numpy(v) for k, v in ds.batch(0, 8).items()}
    torch.manual_seed(0)
    m = Model("tiny").train()
    total, heads, _ = compute_losses(m(b["spatial"], b["global"]), b)
    assert float(heads["policy_next"].detach()) > 0
    total.backward()
    assert m.policy_next_head.conv.weight.grad.abs().sum() > 0
    assert m.policy_next_head.linear_pass.weight.grad.abs().sum() > 0
