"""Named network sizes.

A config is a plain dict so that it can be stored inside checkpoints (JSON-safe) and rebuilt
without this module changing under it. Keys:

  trunk_c        channels of the residual stream
  blocks         list of block specs, each one of
                   ["ordinary"]                        two 3x3 convs
                   ["gpool"]                           3x3 conv + global-pooling bias branch
                   ["nbt", [inner block specs...]]     nested bottleneck: 1x1 down to mid_c,
                                                       inner blocks at mid_c, 1x1 back up
  mid_c          channel count inside nested-bottleneck blocks (only used by "nbt" blocks)
  gpool_c        channels of the global-pooling branch of a gpool block
  p1_c, g1_c     policy head: spatial channels, pooled channels
  v1_c, v2_c     value head: spatial channels, hidden width of the MLP
  activation     "relu" | "mish" | "silu"
  norm           "fixscale" (learned per-channel scale and bias, no batch statistics) or
                 "bnorm" (batch norm over on-board points with running statistics)

Only shapes the KataGo model format (model version 15) can express are produced.
"""

import copy

NUM_SPATIAL = 22  # V7 spatial input planes
NUM_GLOBAL = 19   # V7 global inputs


def _classic(num_blocks, trunk_c, gpool_c, p1_c, g1_c, v1_c, v2_c, activation="relu"):
    blocks = [["gpool"] if i % 3 == 2 else ["ordinary"] for i in range(num_blocks)]
    return dict(trunk_c=trunk_c, mid_c=trunk_c // 2, gpool_c=gpool_c, blocks=blocks,
                p1_c=p1_c, g1_c=g1_c, v1_c=v1_c, v2_c=v2_c,
                activation=activation, norm="fixscale")


def _nbt(num_blocks, trunk_c, mid_c, gpool_c, p1_c, g1_c, v1_c, v2_c, activation="mish"):
    blocks = []
    for i in range(num_blocks):
        inner = [["ordinary"], ["gpool"] if i % 2 == 1 else ["ordinary"]]
        blocks.append(["nbt", inner])
    return dict(trunk_c=trunk_c, mid_c=mid_c, gpool_c=gpool_c, blocks=blocks,
                p1_c=p1_c, g1_c=g1_c, v1_c=v1_c, v2_c=v2_c,
                activation=activation, norm="fixscale")


PRESETS = {
    # tiny nets for tests: every block kind appears at least once
    "tiny": dict(trunk_c=16, mid_c=8, gpool_c=8,
                 blocks=[["ordinary"], ["gpool"]],
                 p1_c=8, g1_c=8, v1_c=8, v2_c=12, activation="relu", norm="fixscale"),
    "tiny_nbt": dict(trunk_c=16, mid_c=8, gpool_c=4,
                     blocks=[["nbt", [["ordinary"], ["gpool"]]], ["gpool"]],
                     p1_c=8, g1_c=8, v1_c=8, v2_c=12, activation="mish", norm="fixscale"),
    # small CPU preset for quick supervised experiments
    "b4c64": _classic(4, 64, 16, 32, 32, 32, 48),
    "b6c96": _classic(6, 96, 32, 32, 32, 32, 48),
    "b10c128": _classic(10, 128, 32, 32, 32, 32, 64),
    "b18c384": _classic(18, 384, 64, 48, 48, 48, 96),
    # nested-bottleneck variants (KataGo's "nbt" family)
    "b6c96nbt": _nbt(3, 96, 48, 16, 32, 32, 32, 48),
    "b18c384nbt": _nbt(9, 384, 192, 32, 48, 48, 48, 96),
}


def get_config(name_or_config):
    """Return a deep copy of a preset (by name) or validate and copy a config dict."""
    if isinstance(name_or_config, str):
        if name_or_config not in PRESETS:
            raise KeyError(f"unknown model preset {name_or_config!r}; known: {sorted(PRESETS)}")
        cfg = copy.deepcopy(PRESETS[name_or_config])
    else:
        cfg = copy.deepcopy(dict(name_or_config))
    validate_config(cfg)
    return cfg


def _validate_blocks(blocks, where):
    if not isinstance(blocks, list) or not blocks:
        raise ValueError(f"{where}: block list must be a non-empty list")
    for b in blocks:
        if not b or b[0] not in ("ordinary", "gpool", "nbt"):
            raise ValueError(f"{where}: bad block spec {b!r}")
        if b[0] == "nbt":
            if len(b) != 2:
                raise ValueError(f"{where}: nbt block needs an inner block list")
            _validate_blocks(b[1], where + ".nbt")


def validate_config(cfg):
    for k in ("trunk_c", "mid_c", "gpool_c", "p1_c", "g1_c", "v1_c", "v2_c"):
        if not isinstance(cfg.get(k), int) or cfg[k] <= 0:
            raise ValueError(f"model config: {k} must be a positive int, got {cfg.get(k)!r}")
    if cfg.get("activation") not in ("relu", "mish", "silu"):
        raise ValueError(f"model config: unsupported activation {cfg.get('activation')!r}")
    if cfg.get("norm") not in ("fixscale", "bnorm"):
        raise ValueError(f"model config: unsupported norm {cfg.get('norm')!r}")
    _validate_blocks(cfg.get("blocks"), "model config blocks")
