"""GaLore (gradient low-rank projection, Zhao et al., ICML 2024) via the authors' PyPI package
`galore-torch`, applied to the conv and matmul weights.

galore-torch projects 2-D gradients. Conv weights are 4-D (out, in, ky, kx), so each one is
given to the optimizer as a 2-D parameter that *shares storage* with the conv weight
(out, in*ky*kx); a post-accumulate-grad hook makes its .grad a view of the conv weight's grad.
The optimizer therefore updates the real weights in place and gradient clipping / unscaling
on the model's parameters are seen by it. Matrices whose smaller side is <= rank gain nothing
from projection and stay in the ordinary (full AdamW) group.
"""

import warnings

import torch
import torch.nn as nn


def _import_galore():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from galore_torch import GaLoreAdamW
        except ImportError as e:
            raise ImportError("optimizer galore_adamw needs `pip install galore-torch` "
                              "(see training/requirements.txt)") from e
    return GaLoreAdamW


def make_galore_adamw(model, lr, weight_decay, rank=64, update_proj_gap=200, scale=0.25):
    GaLoreAdamW = _import_galore()
    galore_params, regular_decay, regular_no_decay = [], [], []
    model._galore_views = []  # keep views and hook handles alive with the model
    for name, p in model.named_parameters():
        if p.dim() >= 2 and min(p.shape[0], p[0].numel()) > rank:
            if p.dim() == 2:
                galore_params.append(p)
                continue
            v = nn.Parameter(p.data.view(p.shape[0], -1))

            def hook(param, v=v):
                v.grad = None if param.grad is None else param.grad.view(v.shape)

            h = p.register_post_accumulate_grad_hook(hook)
            model._galore_views.append((v, h))
            galore_params.append(v)
        elif p.dim() >= 2:
            regular_decay.append(p)
        else:
            regular_no_decay.append(p)
    groups = [{"params": regular_decay, "weight_decay": weight_decay},
              {"params": regular_no_decay, "weight_decay": 0.0}]
    if galore_params:
        groups.append({"params": galore_params, "weight_decay": weight_decay, "rank": rank,
                       "update_proj_gap": update_proj_gap, "scale": scale, "proj_type": "std"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        opt = GaLoreAdamW([g for g in groups if g["params"]], lr=lr, no_deprecation_warning=True)
    return opt


def optimizer_state_bytes(opt):
    """Bytes held by tensors in the optimizer state (moments, projection matrices, ...)."""
    total = 0
    seen = set()

    def add(t):
        nonlocal total
        if isinstance(t, torch.Tensor) and t.data_ptr() not in seen:
            seen.add(t.data_ptr())
            total += t.numel() * t.element_size()

    for st in opt.state.values():
        for v in st.values():
            if isinstance(v, torch.Tensor):
                add(v)
            elif hasattr(v, "ortho_matrix"):
                m = v.ortho_matrix
                for t in (m if isinstance(m, (list, tuple)) else [m]):
                    add(t)
    return total
