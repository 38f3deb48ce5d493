#!/usr/bin/env python3
"""Writes tiny KataGo-format models with random weights (numpy only).

Each model covers a different mix of model versions, block kinds, norms, activations and file
encodings (.bin.gz, .bin, .txt.gz, .txt). Weights come from a fixed seed, so the files are
reproducible; `Tests/Fixtures/nn/` holds the generated models and KataGo's outputs for them.

Usage: python3 scripts/nn_tiny_models.py OUTDIR
"""
import gzip
import sys

import numpy as np

from tengen_train.model_tokens import TokenWriter


class Writer(TokenWriter):
    """The token writer (tengen_train.model_tokens) with random layers of a model version."""

    def __init__(self, version, binary, rng):
        super().__init__(binary)
        self.version = version
        self.rng = rng

    def randn(self, n, scale):
        return self.rng.standard_normal(n).astype(np.float32) * scale

    # layers
    def conv(self, name, k, cin, cout, gain=1.0):
        self.tok(name, k, k, cin, cout, 1, 1)
        self.floats(self.randn(k * k * cin * cout, gain / np.sqrt(k * k * cin)))

    def norm(self, name, c, stats=False, scale=True, bias=True):
        eps = 1e-5 if stats else 1e-20
        self.tok(name, c, eps, int(scale), int(bias))
        if stats:
            self.floats(self.randn(c, 0.3))
            self.floats(self.rng.uniform(0.5, 2.0, c))
        else:
            self.floats(np.zeros(c))
            self.floats(np.full(c, 1 - 1e-20))
        if scale:
            self.floats(self.rng.uniform(0.5, 1.5, c))
        if bias:
            self.floats(self.randn(c, 0.3))

    def act(self, name, kind):
        if self.version >= 11:
            self.tok(name, kind)
        else:
            self.tok(name)

    def matmul(self, name, cin, cout, gain=1.0):
        self.tok(name, cin, cout)
        self.floats(self.randn(cin * cout, gain / np.sqrt(cin)))

    def matbias(self, name, c):
        self.tok(name, c)
        self.floats(self.randn(c, 0.3))

    def tf_norm(self, name, c):
        self.tok(name, c, 1e-6)
        self.floats(self.rng.uniform(0.5, 1.5, c))

    # blocks
    def block(self, spec, c, act, stats, prefix):
        kind = spec[0]
        if kind == "ordinary":
            mid = spec[1]
            self.tok("ordinary_block")
            self.tok(prefix)
            self.norm(prefix + ".pre", c, stats)
            self.act(prefix + ".preact", act)
            self.conv(prefix + ".conv1", 3, c, mid)
            self.norm(prefix + ".mid", mid, stats)
            self.act(prefix + ".midact", act)
            self.conv(prefix + ".conv2", 3, mid, c, 0.5)
        elif kind == "gpool":
            mid, gp = spec[1], spec[2]
            self.tok("gpool_block")
            self.tok(prefix)
            self.norm(prefix + ".pre", c, stats)
            self.act(prefix + ".preact", act)
            self.conv(prefix + ".conv1r", 3, c, mid)
            self.conv(prefix + ".conv1g", 3, c, gp)
            self.norm(prefix + ".gnorm", gp, stats)
            self.act(prefix + ".gact", act)
            self.matmul(prefix + ".gpooltobias", 3 * gp, mid)
            self.norm(prefix + ".mid", mid, stats)
            self.act(prefix + ".midact", act)
            self.conv(prefix + ".conv2", 3, mid, c, 0.5)
        elif kind == "nested":
            inner_c, inner = spec[1], spec[2]
            self.tok("nested_bottleneck_block")
            self.tok(prefix, len(inner))
            self.norm(prefix + ".pre", c, stats)
            self.act(prefix + ".preact", act)
            self.conv(prefix + ".preconv", 1, c, inner_c)
            for i, s in enumerate(inner):
                self.block(s, inner_c, act, stats, "%s.inner%d" % (prefix, i))
            self.norm(prefix + ".post", inner_c, stats)
            self.act(prefix + ".postact", act)
            self.conv(prefix + ".postconv", 1, inner_c, c, 0.5)
        elif kind == "attention":
            heads, kv, dq, dv, rope = spec[1:6]
            self.tok("transformer_attention_block")
            self.tok(prefix, heads, kv, dq, dv, int(rope != "none"), int(rope == "learned"))
            self.tf_norm(prefix + ".norm1", c)
            self.matmul(prefix + ".q_proj", c, heads * dq)
            self.matmul(prefix + ".k_proj", c, kv * dq)
            self.matmul(prefix + ".v_proj", c, kv * dv)
            self.matmul(prefix + ".out_proj", heads * dv, c, 0.5)
            if rope == "learned":
                self.tok(prefix + ".rope_freqs", kv, dq // 2, 2)
                self.floats(self.randn(kv * dq, 0.8))
            elif rope == "fixed":
                self.tok(prefix + ".rope_theta", 100.0)
        elif kind == "ffn":
            ffn = spec[1]
            self.tok("transformer_ffn_block")
            self.tok(prefix, c, ffn, 1)
            self.tf_norm(prefix + ".norm", c)
            self.matmul(prefix + ".ffn_linear1", c, ffn)
            self.matmul(prefix + ".ffn_linear_gate", c, ffn)
            self.matmul(prefix + ".ffn_linear2", ffn, c, 0.5)
        else:
            raise ValueError(kind)


def input_counts(version):
    if version <= 5:
        return 22, 14
    if version == 6:
        return 13, 12
    if version == 7:
        return 22, 16
    return 22, 19


def policy_channels(version, stored):
    if version <= 11:
        return 1
    if version <= 15:
        return 2
    if version == 16:
        return 4
    return stored


def score_count(version):
    return {3: 1, 4: 2, 5: 2, 6: 2, 7: 2, 8: 4}.get(version, 6)


def build(cfg, seed):
    """Returns the bytes of one model described by the dict `cfg`."""
    v = cfg["version"]
    w = Writer(v, cfg["binary"], np.random.default_rng(seed))
    act = cfg.get("act", "ACTIVATION_RELU")
    stats = cfg.get("stats", False)
    c = cfg["c"]
    nin, nglob = input_counts(v)
    w.tok(cfg["name"])
    w.tok(v)
    w.tok(nin)
    w.tok(nglob)
    if v >= 13:
        w.tok(20.0, 20.0, 20.0, 20.0, 40.0, 0.25, 150.0)
    meta = cfg.get("meta", False)
    if v >= 15:
        w.tok(int(meta), int(cfg.get("prefer_pass_alive", False)), 0, 0, 0, 0, 0, 0)
    blocks = cfg["blocks"]
    w.tok("trunk", len(blocks), c, c, c, c, c)
    rms_tip = cfg.get("rms_tip")  # None, "spatial" or "point"
    if v >= 15:
        w.tok(int(rms_tip is not None), 0, 0, 0, 0, 0)
    w.conv("model.conv_spatial", cfg.get("k0", 3), nin, c)
    w.matmul("model.linear_global", nglob, c)
    if meta:
        w.tok("model.metaencoder", 192)
        w.matmul("model.meta.mul1", 192, 16)
        w.matbias("model.meta.bias1", 16)
        w.act("model.meta.act1", act)
        w.matmul("model.meta.mul2", 16, 8)
        w.matbias("model.meta.bias2", 8)
        w.act("model.meta.act2", act)
        w.matmul("model.meta.mul3", 8, c)
    for i, b in enumerate(blocks):
        w.block(b, c, act, stats, "model.blocks.%d" % i)
    if rms_tip is None:
        w.norm("model.norm_trunkfinal", c, stats)
    else:
        w.tok("model.norm_trunkfinal", c, 1e-6, int(rms_tip == "spatial"), 0)
        w.floats(w.rng.uniform(0.5, 1.5, c))
        w.floats(w.randn(c, 0.3))
    w.act("model.act_trunkfinal", act)
    # policy head
    pc = policy_channels(v, cfg.get("policy_channels", 2))
    p1, g1 = cfg.get("p1", 8), cfg.get("g1", 8)
    w.tok("model.policy_head")
    if v >= 17:
        w.tok(pc, 0, 0, 0)
    w.conv("model.policy_head.conv1p", 1, c, p1)
    w.conv("model.policy_head.conv1g", 1, c, g1)
    w.norm("model.policy_head.biasg", g1, stats, scale=False)
    w.act("model.policy_head.actg", act)
    w.matmul("model.policy_head.linear_g", 3 * g1, p1)
    w.norm("model.policy_head.bias2", p1, stats, scale=False)
    w.act("model.policy_head.act2", act)
    w.conv("model.policy_head.conv2p", 1, p1, pc, 2.0)
    if v >= 15:
        w.matmul("model.policy_head.linear_pass", 3 * g1, p1)
        w.matbias("model.policy_head.linear_pass_bias", p1)
        w.act("model.policy_head.act_pass", act)
        w.matmul("model.policy_head.linear_pass2", p1, pc)
    else:
        w.matmul("model.policy_head.linear_pass", 3 * g1, pc)
    # value head
    v1, v2 = cfg.get("v1", 8), cfg.get("v2", 12)
    w.tok("model.value_head")
    if v >= 17:
        w.tok(0, 0, 0)
    w.conv("model.value_head.conv1", 1, c, v1)
    w.norm("model.value_head.bias1", v1, stats, scale=False)
    w.act("model.value_head.act1", act)
    w.matmul("model.value_head.linear2", 3 * v1, v2)
    w.matbias("model.value_head.bias2", v2)
    w.act("model.value_head.act2", act)
    w.matmul("model.value_head.linear_valuehead", v2, 3)
    w.matbias("model.value_head.bias_valuehead", 3)
    sc = score_count(v)
    w.matmul("model.value_head.linear_miscvaluehead", v2, sc, 0.3)
    w.matbias("model.value_head.bias_miscvaluehead", sc)
    w.conv("model.value_head.conv_ownership", 1, v1, 1, 2.0)
    return w.getvalue()


ATT_L = ("attention", 4, 2, 8, 6, "learned")
ATT_F = ("attention", 2, 1, 8, 8, "fixed")
ATT_N = ("attention", 2, 2, 4, 4, "none")

# The models: every version group, block kind, norm, activation and file encoding.
MODELS = [
    dict(name="tiny-v8-resnet", version=8, binary=False, file="tiny-v8-resnet.txt.gz", c=16,
         stats=True, blocks=[("ordinary", 12), ("gpool", 12, 8), ("ordinary", 16)]),
    dict(name="tiny-v10-text", version=10, binary=False, file="tiny-v10-text.txt", c=8,
         blocks=[("ordinary", 8), ("gpool", 8, 4)]),
    dict(name="tiny-v11-mish", version=11, binary=True, file="tiny-v11-mish.bin", c=16,
         stats=True, act="ACTIVATION_MISH", blocks=[("gpool", 16, 8), ("ordinary", 8)]),
    dict(name="tiny-v14-nested", version=14, binary=True, file="tiny-v14-nested.bin.gz", c=16,
         act="ACTIVATION_MISH", stats=True,
         blocks=[("nested", 8, [("ordinary", 8), ("gpool", 8, 4)]), ("ordinary", 16)]),
    dict(name="tiny-v15-transformer", version=15, binary=True, file="tiny-v15-transformer.bin.gz",
         c=24, act="ACTIVATION_SILU", rms_tip="spatial",
         blocks=[("nested", 16, [ATT_L, ("ffn", 24)]), ("nested", 16, [ATT_L, ("ffn", 20)])]),
    dict(name="tiny-v16-mixed", version=16, binary=True, file="tiny-v16-mixed.bin.gz", c=16,
         act="ACTIVATION_SILU", rms_tip="point",
         blocks=[("gpool", 16, 8), ATT_F, ("ffn", 24), ("ordinary", 12)]),
    dict(name="tiny-v17-mixed", version=17, binary=True, file="tiny-v17-mixed.bin.gz", c=16,
         act="ACTIVATION_RELU", stats=True, policy_channels=4, prefer_pass_alive=True,
         blocks=[("ordinary", 16), ATT_N, ("ffn", 16), ("nested", 8, [("gpool", 8, 4)])]),
]

# Models for loader tests only (old input versions, metadata encoder).
LOAD_ONLY = [
    dict(name="tiny-v3", version=3, binary=True, file="tiny-v3.bin.gz", c=4,
         blocks=[("ordinary", 4)], p1=2, g1=2, v1=2, v2=2),
    dict(name="tiny-v5", version=5, binary=False, file="tiny-v5.txt.gz", c=4,
         blocks=[("gpool", 4, 2)], p1=2, g1=2, v1=2, v2=2),
    dict(name="tiny-v6", version=6, binary=True, file="tiny-v6.bin.gz", c=4,
         blocks=[("ordinary", 4)], p1=2, g1=2, v1=2, v2=2),
    dict(name="tiny-v7", version=7, binary=True, file="tiny-v7.bin.gz", c=4,
         blocks=[("ordinary", 4)], p1=2, g1=2, v1=2, v2=2),
    dict(name="tiny-v17-meta", version=17, binary=True, file="tiny-v17-meta.bin.gz", c=8,
         act="ACTIVATION_SILU", meta=True, policy_channels=2, blocks=[("ordinary", 8)]),
]


def write(cfg, outdir, seed):
    data = build(cfg, seed)
    path = "%s/%s" % (outdir, cfg["file"])
    if path.endswith(".gz"):
        with gzip.GzipFile(path, "wb", mtime=0) as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    return path


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/nn"
    for i, cfg in enumerate(MODELS + LOAD_ONLY):
        print(write(cfg, outdir, 1000 + i))


if __name__ == "__main__":
    main()
