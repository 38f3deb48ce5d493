"""KataGo-format-compatible networks in PyTorch.

Every layer here has a one-to-one counterpart in KataGo's model file (model version 15, see
docs/KATAGO.md section 1), and the forward pass follows the inference semantics of section 1.12
exactly: masked norm+activation, global pooling over on-board points only, the
v15 pass-logit path, and raw (pre-post-processing) outputs.

Inputs:  spatial (N, 22, H, W) float, plane 0 = on-board mask; global (N, 19) float.
Outputs (dict of raw outputs, side-to-move perspective):
  policy    (N, 2, H*W + 1)  logits; channel 0 main policy, channel 1 short-term-optimistic
                             policy; the last entry of each channel is the pass logit
  value     (N, 3)           win / loss / no-result logits
  misc      (N, 6)           score mean / scoreMeanMult, stdev (pre-softplus), lead / leadMult,
                             variance-time (pre-softplus), short-term value error and short-term
                             score error (both pre-softplus)
  ownership (N, 1, H, W)     pre-tanh ownership
  policy_next (N, 1, H*W + 1) logits of the auxiliary next-move policy (the opponent's reply;
                             last entry = pass). Training only: this head (`policy_next_head`)
                             has no counterpart in the model file; export ignores it and import
                             leaves it freshly initialised.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from .modelconfigs import NUM_GLOBAL, NUM_SPATIAL, get_config

POLICY_CHANNELS = 2
MISC_OUTPUTS = 6
# state_dict prefixes of training-only modules (not in the exported KataGo file)
AUX_PREFIXES = ("policy_next_head.",)
# outputs of those modules (every other output is fully determined by the exported file)
AUX_OUTPUTS = ("policy_next",)


def activation_fn(kind):
    if kind == "relu":
        return F.relu
    if kind == "mish":
        return F.mish
    if kind == "silu":
        return F.silu
    raise ValueError(f"unsupported activation {kind!r}")


class NormAct(nn.Module):
    """Per-channel affine norm (KataGo's batch-norm descriptor), activation, then board mask.

    Inference: y = mask * act(x * s + b) with s = gamma / sqrt(var + eps), b = beta - s * mean.
    norm="bnorm" uses masked batch statistics while training and keeps running statistics;
    norm="fixscale" never touches mean/var (they stay 0/1 unless a file says otherwise).
    """

    def __init__(self, c, activation, norm="fixscale", eps=None):
        super().__init__()
        self.c = c
        self.activation = activation
        self.norm = norm
        self.act = activation_fn(activation)
        self.gamma = nn.Parameter(torch.ones(c))
        self.beta = nn.Parameter(torch.zeros(c))
        self.register_buffer("running_mean", torch.zeros(c))
        self.register_buffer("running_var", torch.ones(c))
        if eps is None:
            eps = 1e-5 if norm == "bnorm" else 1e-20
        self.register_buffer("eps", torch.tensor(float(eps), dtype=torch.float32))
        self.momentum = 0.01

    def merged(self):
        s = self.gamma / torch.sqrt(self.running_var + self.eps)
        b = self.beta - s * self.running_mean
        return s, b

    def forward(self, x, mask, mask_sum):
        if self.norm == "bnorm" and self.training:
            n = mask_sum.sum()
            mean = (x * mask).sum(dim=(0, 2, 3)) / n
            xc = (x - mean.view(1, -1, 1, 1)) * mask
            var = (xc * xc).sum(dim=(0, 2, 3)) / n
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean.detach())
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * var.detach())
            s = self.gamma / torch.sqrt(var + self.eps)
            b = self.beta - s * mean
        else:
            s, b = self.merged()
        y = x * s.view(1, -1, 1, 1) + b.view(1, -1, 1, 1)
        return self.act(y) * mask


def conv(cin, cout, k):
    return nn.Conv2d(cin, cout, k, padding=k // 2, bias=False)


def global_pool(x, mask, mask_sum):
    """(N, C, H, W) -> (N, 3C): mean, mean * (sqrt(A) - 14) / 10, max over on-board points."""
    area = mask_sum.view(-1, 1)
    mean = x.sum(dim=(2, 3)) / area
    second = mean * ((torch.sqrt(area) - 14.0) / 10.0)
    mx = (x + (mask - 1.0)).amax(dim=(2, 3))
    return torch.cat([mean, second, mx], dim=1)


def value_pool(x, mask_sum):
    area = mask_sum.view(-1, 1)
    mean = x.sum(dim=(2, 3)) / area
    d = torch.sqrt(area) - 14.0
    return torch.cat([mean, mean * (d / 10.0), mean * (d * d / 100.0 - 0.1)], dim=1)


class OrdinaryBlock(nn.Module):
    kind = "ordinary"

    def __init__(self, c, cfg):
        super().__init__()
        self.norm_pre = NormAct(c, cfg["activation"], cfg["norm"])
        self.conv_regular = conv(c, c, 3)
        self.norm_mid = NormAct(c, cfg["activation"], cfg["norm"])
        self.conv_final = conv(c, c, 3)

    def forward(self, x, mask, mask_sum):
        h = self.conv_regular(self.norm_pre(x, mask, mask_sum))
        return x + self.conv_final(self.norm_mid(h, mask, mask_sum))


class GpoolBlock(nn.Module):
    kind = "gpool"

    def __init__(self, c, cfg):
        super().__init__()
        g = cfg["gpool_c"]
        if g >= c:
            raise ValueError(f"gpool_c ({g}) must be smaller than the stack's channels ({c})")
        r = c - g
        self.norm_pre = NormAct(c, cfg["activation"], cfg["norm"])
        self.conv_regular = conv(c, r, 3)
        self.conv_gpool = conv(c, g, 3)
        self.norm_gpool = NormAct(g, cfg["activation"], cfg["norm"])
        self.gpool_to_bias = nn.Linear(3 * g, r, bias=False)
        self.norm_mid = NormAct(r, cfg["activation"], cfg["norm"])
        self.conv_final = conv(r, c, 3)

    def forward(self, x, mask, mask_sum):
        a = self.norm_pre(x, mask, mask_sum)
        h = self.conv_regular(a)
        g = self.norm_gpool(self.conv_gpool(a), mask, mask_sum)
        h = h + self.gpool_to_bias(global_pool(g, mask, mask_sum)).unsqueeze(-1).unsqueeze(-1)
        return x + self.conv_final(self.norm_mid(h, mask, mask_sum))


class NestedBottleneckBlock(nn.Module):
    kind = "nbt"

    def __init__(self, c, cfg, inner_specs):
        super().__init__()
        m = cfg["mid_c"]
        self.norm_pre = NormAct(c, cfg["activation"], cfg["norm"])
        self.conv_pre = conv(c, m, 1)
        self.blocks = make_stack(m, cfg, inner_specs)
        self.norm_post = NormAct(m, cfg["activation"], cfg["norm"])
        self.conv_post = conv(m, c, 1)

    def forward(self, x, mask, mask_sum):
        h = self.conv_pre(self.norm_pre(x, mask, mask_sum))
        for b in self.blocks:
            h = b(h, mask, mask_sum)
        return x + self.conv_post(self.norm_post(h, mask, mask_sum))


def make_stack(c, cfg, specs):
    mods = []
    for spec in specs:
        if spec[0] == "ordinary":
            mods.append(OrdinaryBlock(c, cfg))
        elif spec[0] == "gpool":
            mods.append(GpoolBlock(c, cfg))
        elif spec[0] == "nbt":
            mods.append(NestedBottleneckBlock(c, cfg, spec[1]))
        else:
            raise ValueError(f"unknown block kind {spec[0]!r}")
    return nn.ModuleList(mods)


class PolicyHead(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c, p1, g1, act, norm = cfg["trunk_c"], cfg["p1_c"], cfg["g1_c"], cfg["activation"], cfg["norm"]
        self.conv1p = conv(c, p1, 1)
        self.conv1g = conv(c, g1, 1)
        self.norm_g = NormAct(g1, act, norm)
        self.linear_g = nn.Linear(3 * g1, p1, bias=False)
        self.norm_p = NormAct(p1, act, norm)
        self.conv2p = conv(p1, POLICY_CHANNELS, 1)
        self.linear_pass = nn.Linear(3 * g1, p1, bias=True)   # matmul + matbias in the file
        self.act_pass = activation_fn(act)
        self.linear_pass2 = nn.Linear(p1, POLICY_CHANNELS, bias=False)

    def hidden(self, u, mask, mask_sum):
        """The head's hidden features: activated p1 planes (input of conv2p) and the pass
        MLP's activated hidden vector (input of linear_pass2)."""
        p = self.conv1p(u)
        g = self.norm_g(self.conv1g(u), mask, mask_sum)
        gp = global_pool(g, mask, mask_sum)
        p = p + self.linear_g(gp).unsqueeze(-1).unsqueeze(-1)
        return self.norm_p(p, mask, mask_sum), self.act_pass(self.linear_pass(gp))

    def forward(self, u, mask, mask_sum, return_hidden=False):
        ph, hp = self.hidden(u, mask, mask_sum)
        p = self.conv2p(ph)
        pas = self.linear_pass2(hp)
        n = p.shape[0]
        out = torch.cat([p.reshape(n, POLICY_CHANNELS, -1), pas.unsqueeze(-1)], dim=2)
        return (out, ph, hp) if return_hidden else out


class PolicyNextHead(nn.Module):
    """Auxiliary next-move (opponent's reply) policy, trained but never exported: a 1x1 conv
    from the policy head's activated p1 planes to one channel, and a pass logit from the pass
    MLP's hidden vector (like one more output channel of conv2p / linear_pass2 in KataGo)."""

    def __init__(self, cfg):
        super().__init__()
        p1 = cfg["p1_c"]
        self.conv = conv(p1, 1, 1)
        self.linear_pass = nn.Linear(p1, 1, bias=False)

    def forward(self, ph, hp):
        n = ph.shape[0]
        return torch.cat([self.conv(ph).reshape(n, 1, -1), self.linear_pass(hp).unsqueeze(-1)], dim=2)


class ValueHead(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c, v1, v2, act, norm = cfg["trunk_c"], cfg["v1_c"], cfg["v2_c"], cfg["activation"], cfg["norm"]
        self.conv1 = conv(c, v1, 1)
        self.norm1 = NormAct(v1, act, norm)
        self.linear2 = nn.Linear(3 * v1, v2, bias=True)
        self.act2 = activation_fn(act)
        self.linear_value = nn.Linear(v2, 3, bias=True)
        self.linear_misc = nn.Linear(v2, MISC_OUTPUTS, bias=True)
        self.conv_ownership = conv(v1, 1, 1)

    def forward(self, u, mask, mask_sum):
        v1 = self.norm1(self.conv1(u), mask, mask_sum)
        v2 = self.act2(self.linear2(value_pool(v1, mask_sum)))
        return self.linear_value(v2), self.linear_misc(v2), self.conv_ownership(v1)


class Model(nn.Module):
    def __init__(self, config):
        super().__init__()
        cfg = get_config(config)
        self.config = cfg
        c = cfg["trunk_c"]
        self.conv_spatial = conv(NUM_SPATIAL, c, 3)
        self.linear_global = nn.Linear(NUM_GLOBAL, c, bias=False)
        self.blocks = make_stack(c, cfg, cfg["blocks"])
        self.norm_trunk = NormAct(c, cfg["activation"], cfg["norm"])
        self.policy_head = PolicyHead(cfg)
        self.value_head = ValueHead(cfg)
        # training-only; built without consuming the global RNG and initialised last, so the
        # exported modules get the same initial weights for a seed as before the head existed
        with torch.random.fork_rng(devices=[]):
            self.policy_next_head = PolicyNextHead(cfg)
        self.reset_parameters()

    def reset_parameters(self, generator=None):
        """He-style init; residual branch outputs are scaled down so the stream grows slowly."""
        n_res = max(1, count_residual_blocks(self.config["blocks"]))
        for name, m in self.named_modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                fan_in = m.weight[0].numel()
                std = math.sqrt(2.0 / fan_in)
                if name.endswith("conv_final") or name.endswith("conv_post"):
                    std *= 0.5 / math.sqrt(n_res)
                with torch.no_grad():
                    m.weight.normal_(0.0, std, generator=generator)
                    if m.bias is not None:
                        m.bias.zero_()

    def forward(self, spatial, global_in):
        mask = spatial[:, 0:1]
        mask_sum = mask.sum(dim=(1, 2, 3))
        x = self.conv_spatial(spatial) + self.linear_global(global_in).unsqueeze(-1).unsqueeze(-1)
        for b in self.blocks:
            x = b(x, mask, mask_sum)
        u = self.norm_trunk(x, mask, mask_sum)
        policy, ph, hp = self.policy_head(u, mask, mask_sum, return_hidden=True)
        value, misc, ownership = self.value_head(u, mask, mask_sum)
        return {"policy": policy, "value": value, "misc": misc, "ownership": ownership,
                "policy_next": self.policy_next_head(ph, hp)}


def load_model_state(model, state_dict):
    """load_state_dict that also accepts a state saved before the training-only heads existed
    (their keys missing: they keep their fresh initialisation). Returns the missing aux keys."""
    missing, unexpected = model.load_state_dict(state_dict, strict=False)
    bad = [k for k in missing if not k.startswith(AUX_PREFIXES)]
    if bad or unexpected:
        raise RuntimeError(f"state_dict does not fit the model: missing {bad}, unexpected {unexpected}")
    return missing


def count_residual_blocks(specs):
    n = 0
    for s in specs:
        n += 1
        if s[0] == "nbt":
            n += count_residual_blocks(s[1])
    return n


def randomize_for_test(model, seed=0, scale=0.3):
    """Give every norm non-trivial statistics/affine values (tests only: exercises export paths)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, NormAct):
                m.running_mean.copy_(torch.randn(m.c, generator=g) * scale)
                m.running_var.copy_(torch.rand(m.c, generator=g) * 0.5 + 0.75)
                m.gamma.copy_(1.0 + torch.randn(m.c, generator=g) * scale * 0.5)
                m.beta.copy_(torch.randn(m.c, generator=g) * scale)
                m.eps.fill_(1e-5)
            elif isinstance(m, nn.Linear) and m.bias is not None:
                m.bias.copy_(torch.randn(m.bias.shape, generator=g) * scale)
    return model
