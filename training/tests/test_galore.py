import pytest
import torch

from tengen_train.galore import make_galore_adamw, optimizer_state_bytes
from tengen_train.model import Model
from tengen_train.synthetic import make_rows
from tengen_train.data import RowDataset, write_rows
from tengen_train.losses import compute_losses

pytest.importorskip("galore_torch")


def test_galore_projects_conv_weights_and_trains(tmp_path):
    write_rows(tmp_path / "r.npz", make_rows(64, pos_len=7, seed=0), 7)
    ds = RowDataset([tmp_path / "r.npz"], seed=0)
    torch.manual_seed(0)
    model = Model("tiny")
    opt = make_galore_adamw(model, lr=3e-3, weight_decay=0.0, rank=4, update_proj_gap=5)
    before = model.conv_spatial.weight.detach().clone()
    losses = []
    for step in range(12):
        b = {k: torch.from_numpy(v) for k, v in ds.batch(step % 4, 16).items()}
        loss, _, _ = compute_losses(model(b["spatial"], b["global"]), b)
        opt.zero_grad(set_to_none=True)
        model.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    # conv weights (4-D) were updated through their shared-storage 2-D views
    assert (model.conv_spatial.weight - before).abs().max() > 1e-4
    galore_group = [g for g in opt.param_groups if "rank" in g][0]
    assert any(p.data_ptr() == model.conv_spatial.weight.data_ptr() for p in galore_group["params"])
    st = opt.state[galore_group["params"][0]]
    assert st["exp_avg"].shape[0] == 4 or st["exp_avg"].shape[1] == 4   # moments live in rank 4
    assert sum(losses[-3:]) < sum(losses[:3])
    # optimizer state is smaller than full AdamW's on the same net
    b = {k: torch.from_numpy(v) for k, v in ds.batch(0, 16).items()}
    m2 = Model("tiny")
    full = torch.optim.AdamW(m2.parameters(), lr=1e-3)
    compute_losses(m2(b["spatial"], b["global"]), b)[0].backward()
    full.step()
    assert optimizer_state_bytes(opt) < optimizer_state_bytes(full)
