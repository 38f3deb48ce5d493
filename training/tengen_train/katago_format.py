"""Export to and import from KataGo's model format (`.bin.gz`, model version 15).

Grammar and layouts: docs/KATAGO.md section 1. Summary of what is written:
  header (name, version 15, 22 spatial, 19 global, 7 post-processing multipliers,
          metaEncoderVersion 0, preferPassAlive 0, 6 reserved zeros)
  trunk  (numBlocks trunkC midC regularC dilatedC gpoolC, trunkNormKind 0, 5 reserved zeros,
          initial 3x3 conv, initial global matmul, block stack, trunk-tip norm + activation)
  policy head (v15 layout with the pass-logit MLP), value head.
Float arrays are `@BIN@` + little-endian float32. Conv weights are stored [y][x][in][out],
matmul weights [in][out].

The importer accepts the files this exporter writes and any version-15 file made of the same
layer kinds (ordinary / gpool / nested-bottleneck blocks, batch-norm-style trunk tip); anything
else fails with a message naming the offending field and its byte offset.
"""

import gzip
import re
import zlib

import numpy as np
import torch

from . import model as M
from .model_tokens import TokenWriter
from .modelconfigs import NUM_GLOBAL, NUM_SPATIAL

MODEL_VERSION = 15
DEFAULT_MULTIPLIERS = {
    "tdScoreMultiplier": 20.0,
    "scoreMeanMultiplier": 20.0,
    "scoreStdevMultiplier": 20.0,
    "leadMultiplier": 20.0,
    "varianceTimeMultiplier": 40.0,
    "shorttermValueErrorMultiplier": 0.25,
    "shorttermScoreErrorMultiplier": 150.0,
}
MULTIPLIER_ORDER = list(DEFAULT_MULTIPLIERS)
ACT_TOKENS = {"relu": "ACTIVATION_RELU", "mish": "ACTIVATION_MISH", "silu": "ACTIVATION_SILU"}
ACT_FROM_TOKEN = {v: k for k, v in ACT_TOKENS.items()}
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,96}$")


class ModelFormatError(ValueError):
    """A model file that is not a valid (or not a supported) KataGo model."""


# ----------------------------------------------------------------------------------- writing


class _Writer(TokenWriter):
    """The token writer with the trainer's layers (torch modules) as arguments."""

    def conv(self, name, c):
        w = c.weight.detach().cpu().float()  # (out, in, ky, kx)
        out_c, in_c, ky, kx = w.shape
        self.tok(name, ky, kx, in_c, out_c, 1, 1)
        self.floats(w.permute(2, 3, 1, 0).numpy())

    def matmul(self, name, lin):
        w = lin.weight.detach().cpu().float()  # (out, in)
        self.tok(name, w.shape[1], w.shape[0])
        self.floats(w.t().numpy())

    def matbias(self, name, lin):
        self.tok(name, lin.bias.shape[0])
        self.floats(lin.bias.detach().cpu().float().numpy())

    def norm(self, name, n):
        self.tok(name, n.c, float(n.eps), 1, 1)
        self.floats(n.running_mean.detach().cpu().numpy())
        self.floats(n.running_var.detach().cpu().numpy())
        self.floats(n.gamma.detach().cpu().numpy())
        self.floats(n.beta.detach().cpu().numpy())

    def act(self, name, kind):
        self.tok(name, ACT_TOKENS[kind])


def _write_stack(w, prefix, blocks, act):
    for i, b in enumerate(blocks):
        name = f"{prefix}.{i}"
        if isinstance(b, M.OrdinaryBlock):
            w.tok("ordinary_block")
            w.tok(name)
            w.norm(name + ".norm_pre", b.norm_pre)
            w.act(name + ".act_pre", act)
            w.conv(name + ".conv_regular", b.conv_regular)
            w.norm(name + ".norm_mid", b.norm_mid)
            w.act(name + ".act_mid", act)
            w.conv(name + ".conv_final", b.conv_final)
        elif isinstance(b, M.GpoolBlock):
            w.tok("gpool_block")
            w.tok(name)
            w.norm(name + ".norm_pre", b.norm_pre)
            w.act(name + ".act_pre", act)
            w.conv(name + ".conv_regular", b.conv_regular)
            w.conv(name + ".conv_gpool", b.conv_gpool)
            w.norm(name + ".norm_gpool", b.norm_gpool)
            w.act(name + ".act_gpool", act)
            w.matmul(name + ".gpool_to_bias", b.gpool_to_bias)
            w.norm(name + ".norm_mid", b.norm_mid)
            w.act(name + ".act_mid", act)
            w.conv(name + ".conv_final", b.conv_final)
        elif isinstance(b, M.NestedBottleneckBlock):
            w.tok("nested_bottleneck_block")
            w.tok(name, len(b.blocks))
            w.norm(name + ".norm_pre", b.norm_pre)
            w.act(name + ".act_pre", act)
            w.conv(name + ".conv_pre", b.conv_pre)
            _write_stack(w, name + ".blocks", b.blocks, act)
            w.norm(name + ".norm_post", b.norm_post)
            w.act(name + ".act_post", act)
            w.conv(name + ".conv_post", b.conv_post)
        else:
            raise TypeError(f"cannot export block type {type(b).__name__}")


def model_bytes(model, name="tengen", multipliers=None):
    """The decompressed model file as bytes."""
    if not _NAME_RE.match(name):
        raise ValueError(f"model name {name!r} must be 1..96 characters of [A-Za-z0-9_-]")
    mult = dict(DEFAULT_MULTIPLIERS)
    mult.update(multipliers or {})
    cfg = model.config
    act = cfg["activation"]
    w = _Writer()
    w.tok(name)
    w.tok(MODEL_VERSION)
    w.tok(NUM_SPATIAL)
    w.tok(NUM_GLOBAL)
    w.tok(*[float(mult[k]) for k in MULTIPLIER_ORDER])
    w.tok(0)  # metaEncoderVersion
    w.tok(0)  # preferPassAliveUnderSuicideRules
    w.tok(0, 0, 0, 0, 0, 0)
    c = cfg["trunk_c"]
    w.tok("trunk")
    # numBlocks trunkC midC regularC dilatedC(unused) gpoolC: the last four are informational
    w.tok(len(model.blocks), c, cfg["mid_c"], max(1, c - cfg["gpool_c"]), max(1, cfg["gpool_c"]),
          cfg["gpool_c"])
    w.tok(0)  # trunkNormKind: batch-norm style
    w.tok(0, 0, 0, 0, 0)
    w.conv("conv_spatial", model.conv_spatial)
    w.matmul("linear_global", model.linear_global)
    _write_stack(w, "blocks", model.blocks, act)
    w.norm("norm_trunk", model.norm_trunk)
    w.act("act_trunk", act)

    ph = model.policy_head
    w.tok("policy_head")
    w.conv("policy_head.conv1p", ph.conv1p)
    w.conv("policy_head.conv1g", ph.conv1g)
    w.norm("policy_head.norm_g", ph.norm_g)
    w.act("policy_head.act_g", act)
    w.matmul("policy_head.linear_g", ph.linear_g)
    w.norm("policy_head.norm_p", ph.norm_p)
    w.act("policy_head.act_p", act)
    w.conv("policy_head.conv2p", ph.conv2p)
    w.matmul("policy_head.linear_pass", ph.linear_pass)
    w.matbias("policy_head.linear_pass_bias", ph.linear_pass)
    w.act("policy_head.act_pass", act)
    w.matmul("policy_head.linear_pass2", ph.linear_pass2)

    vh = model.value_head
    w.tok("value_head")
    w.conv("value_head.conv1", vh.conv1)
    w.norm("value_head.norm1", vh.norm1)
    w.act("value_head.act1", act)
    w.matmul("value_head.linear2", vh.linear2)
    w.matbias("value_head.bias2", vh.linear2)
    w.act("value_head.act2", act)
    w.matmul("value_head.linear_value", vh.linear_value)
    w.matbias("value_head.bias_value", vh.linear_value)
    w.matmul("value_head.linear_misc", vh.linear_misc)
    w.matbias("value_head.bias_misc", vh.linear_misc)
    w.conv("value_head.conv_ownership", vh.conv_ownership)
    return w.getvalue()


def export_model(model, path, name="tengen", multipliers=None):
    """Write `path` (.bin.gz) atomically (temp file + fsync + rename)."""
    from .checkpoint import atomic_write_bytes

    path = str(path)
    if not path.endswith(".bin.gz"):
        raise ValueError(f"export path must end in .bin.gz, got {path!r}")
    raw = model_bytes(model, name=name, multipliers=multipliers)
    atomic_write_bytes(path, gzip.compress(raw, compresslevel=6, mtime=0))
    return path


# ----------------------------------------------------------------------------------- reading


class _Reader:
    def __init__(self, data):
        self.d = data
        self.i = 0

    def fail(self, what):
        raise ModelFormatError(f"{what} (at byte {self.i} of {len(self.d)} decompressed bytes)")

    def token(self, what):
        d, n = self.d, len(self.d)
        i = self.i
        while i < n and d[i] in b" \t\r\n":
            i += 1
        j = i
        while j < n and d[j] not in b" \t\r\n":
            j += 1
        if i == j:
            self.i = i
            self.fail(f"unexpected end of file while reading {what}")
        self.i = j
        return d[i:j].decode("ascii", errors="replace")

    def int(self, what, lo=None, hi=None):
        t = self.token(what)
        try:
            v = int(t)
        except ValueError:
            self.fail(f"{what}: expected an integer, got {t!r}")
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            self.fail(f"{what}: value {v} out of range [{lo}, {hi}]")
        return v

    def float(self, what):
        t = self.token(what)
        try:
            v = float(t)
        except ValueError:
            self.fail(f"{what}: expected a number, got {t!r}")
        if not np.isfinite(v):
            self.fail(f"{what}: non-finite value {t!r}")
        return v

    def expect(self, word, what):
        t = self.token(what)
        if t != word:
            self.fail(f"{what}: expected {word!r}, got {t!r}")

    def floats(self, n, what):
        d = self.d
        start = self.i
        while self.i < len(d) and d[self.i] in b" \t\r\n":
            self.i += 1
        if d[self.i:self.i + 1] == b"@":
            if d[self.i:self.i + 5] != b"@BIN@":
                self.fail(f"{what}: bad binary marker")
            self.i += 5
            end = self.i + 4 * n
            if end > len(d):
                self.fail(f"{what}: file truncated, needs {4 * n} bytes of float data")
            a = np.frombuffer(d, dtype="<f4", count=n, offset=self.i).astype(np.float32)
            self.i = end
        else:
            self.i = start
            a = np.array([self.float(what) for _ in range(n)], dtype=np.float32)
        if not np.all(np.isfinite(a)):
            self.fail(f"{what}: contains NaN or Inf")
        return a


def _read_conv(r, what):
    name = r.token(what + " name")
    ky = r.int(what + " kernelY", 1)
    kx = r.int(what + " kernelX", 1)
    cin = r.int(what + " inC", 1)
    cout = r.int(what + " outC", 1)
    dy = r.int(what + " dilationY", 1)
    dx = r.int(what + " dilationX", 1)
    if ky % 2 == 0 or kx % 2 == 0 or ky != kx:
        r.fail(f"{what} {name}: unsupported kernel {ky}x{kx}")
    if dy != 1 or dx != 1:
        r.fail(f"{what} {name}: dilation {dy},{dx} unsupported")
    w = r.floats(ky * kx * cin * cout, f"{what} {name} weights")
    w = w.reshape(ky, kx, cin, cout).transpose(3, 2, 0, 1)
    return {"name": name, "k": ky, "cin": cin, "cout": cout, "w": np.ascontiguousarray(w)}


def _read_matmul(r, what):
    name = r.token(what + " name")
    cin = r.int(what + " inC", 1)
    cout = r.int(what + " outC", 1)
    w = r.floats(cin * cout, f"{what} {name} weights").reshape(cin, cout).T
    return {"name": name, "cin": cin, "cout": cout, "w": np.ascontiguousarray(w)}


def _read_matbias(r, what):
    name = r.token(what + " name")
    c = r.int(what + " C", 1)
    return {"name": name, "c": c, "b": r.floats(c, f"{what} {name} bias")}


def _read_norm(r, what):
    name = r.token(what + " name")
    c = r.int(what + " C", 1)
    eps = r.float(what + " epsilon")
    if eps <= 0:
        r.fail(f"{what} {name}: epsilon must be > 0")
    has_scale = r.int(what + " hasScale", 0, 1)
    has_bias = r.int(what + " hasBias", 0, 1)
    mean = r.floats(c, f"{what} {name} mean")
    var = r.floats(c, f"{what} {name} variance")
    scale = r.floats(c, f"{what} {name} scale") if has_scale else np.ones(c, np.float32)
    bias = r.floats(c, f"{what} {name} bias") if has_bias else np.zeros(c, np.float32)
    return {"name": name, "c": c, "eps": eps, "mean": mean, "var": var, "scale": scale, "bias": bias}


def _read_act(r, what, acts):
    r.token(what + " name")
    t = r.token(what + " kind")
    if t not in ACT_FROM_TOKEN:
        r.fail(f"{what}: unsupported activation {t!r}")
    acts.add(ACT_FROM_TOKEN[t])


def _check(r, cond, msg):
    if not cond:
        r.fail(msg)


def _read_stack(r, n, c, acts, what):
    blocks = []
    for i in range(n):
        kind = r.token(f"{what}[{i}] block kind")
        w = f"{what}[{i}] {kind}"
        if kind == "ordinary_block":
            r.token(w + " name")
            b = {"kind": "ordinary", "norm_pre": _read_norm(r, w + " preBN")}
            _read_act(r, w + " preAct", acts)
            b["conv_regular"] = _read_conv(r, w + " regularConv")
            b["norm_mid"] = _read_norm(r, w + " midBN")
            _read_act(r, w + " midAct", acts)
            b["conv_final"] = _read_conv(r, w + " finalConv")
            _check(r, b["norm_pre"]["c"] == c and b["conv_regular"]["cin"] == c
                   and b["conv_regular"]["cout"] == c and b["norm_mid"]["c"] == c
                   and b["conv_final"]["cin"] == c and b["conv_final"]["cout"] == c,
                   f"{w}: channel counts do not match the stack's {c} channels "
                   "(only square ordinary blocks are supported)")
        elif kind == "gpool_block":
            r.token(w + " name")
            b = {"kind": "gpool", "norm_pre": _read_norm(r, w + " preBN")}
            _read_act(r, w + " preAct", acts)
            b["conv_regular"] = _read_conv(r, w + " regularConv")
            b["conv_gpool"] = _read_conv(r, w + " gpoolConv")
            b["norm_gpool"] = _read_norm(r, w + " gpoolBN")
            _read_act(r, w + " gpoolAct", acts)
            b["gpool_to_bias"] = _read_matmul(r, w + " gpoolToBiasMul")
            b["norm_mid"] = _read_norm(r, w + " midBN")
            _read_act(r, w + " midAct", acts)
            b["conv_final"] = _read_conv(r, w + " finalConv")
            g = b["conv_gpool"]["cout"]
            reg = b["conv_regular"]["cout"]
            _check(r, b["norm_pre"]["c"] == c and b["conv_regular"]["cin"] == c
                   and b["conv_gpool"]["cin"] == c and b["norm_gpool"]["c"] == g
                   and b["gpool_to_bias"]["cin"] == 3 * g and b["gpool_to_bias"]["cout"] == reg
                   and b["norm_mid"]["c"] == reg and b["conv_final"]["cin"] == reg
                   and b["conv_final"]["cout"] == c,
                   f"{w}: inconsistent channel counts")
            _check(r, reg == c - g, f"{w}: regular channels {reg} != stack {c} - gpool {g} "
                   "(other splits are not supported by tengen_train)")
            b["gpool_c"] = g
        elif kind == "nested_bottleneck_block":
            r.token(w + " name")
            ninner = r.int(w + " numInnerBlocks", 1)
            b = {"kind": "nbt", "norm_pre": _read_norm(r, w + " preBN")}
            _read_act(r, w + " preAct", acts)
            b["conv_pre"] = _read_conv(r, w + " preConv")
            m = b["conv_pre"]["cout"]
            _check(r, b["norm_pre"]["c"] == c and b["conv_pre"]["cin"] == c,
                   f"{w}: preBN/preConv channels do not match the stack's {c}")
            b["blocks"] = _read_stack(r, ninner, m, acts, w + ".inner")
            b["norm_post"] = _read_norm(r, w + " postBN")
            _read_act(r, w + " postAct", acts)
            b["conv_post"] = _read_conv(r, w + " postConv")
            _check(r, b["norm_post"]["c"] == m and b["conv_post"]["cin"] == m
                   and b["conv_post"]["cout"] == c, f"{w}: postBN/postConv channel mismatch")
            b["mid_c"] = m
        else:
            r.fail(f"{what}[{i}]: unsupported block kind {kind!r}")
        blocks.append(b)
    return blocks


def parse_model_bytes(data):
    """Parse decompressed model bytes into a nested dict of numpy arrays."""
    r = _Reader(data)
    out = {"name": r.token("model name")}
    version = r.int("model version", 0)
    if version != MODEL_VERSION:
        r.fail(f"model version {version} is not supported (tengen_train reads version {MODEL_VERSION})")
    out["version"] = version
    nin = r.int("numInputChannels", 1)
    ngl = r.int("numInputGlobalChannels", 1)
    if nin != NUM_SPATIAL or ngl != NUM_GLOBAL:
        r.fail(f"input channels {nin}/{ngl} != V7's {NUM_SPATIAL}/{NUM_GLOBAL}")
    mult = {}
    for k in MULTIPLIER_ORDER:
        v = r.float(k)
        if v <= 0:
            r.fail(f"{k} must be > 0, got {v}")
        mult[k] = v
    out["multipliers"] = mult
    meta = r.int("metaEncoderVersion", 0, 1)
    if meta != 0:
        r.fail("metadata encoder (human-SL nets) is not supported")
    out["preferPassAlive"] = r.int("preferPassAliveUnderSuicideRules", 0, 1)
    for i in range(6):
        r.int(f"header reserved int {i}", 0, 0)
    r.token("trunk name")
    nblocks = r.int("trunk numBlocks", 1)
    c = r.int("trunk trunkC", 1)
    for k in ("midC", "regularC", "dilatedC", "gpoolC"):
        r.int("trunk " + k, 1)
    norm_kind = r.int("trunk trunkNormKind", 0, 1)
    if norm_kind != 0:
        r.fail("RMSNorm trunk tip (trunkNormKind 1) is not supported")
    for i in range(5):
        r.int(f"trunk reserved int {i}", 0, 0)
    acts = set()
    t = {"conv_spatial": _read_conv(r, "trunk initialConv"),
         "linear_global": _read_matmul(r, "trunk initialMatMul")}
    _check(r, t["conv_spatial"]["cin"] == nin and t["conv_spatial"]["cout"] == c,
           "trunk initialConv shape does not match the header")
    _check(r, t["linear_global"]["cin"] == ngl and t["linear_global"]["cout"] == c,
           "trunk initialMatMul shape does not match the header")
    t["blocks"] = _read_stack(r, nblocks, c, acts, "trunk")
    t["norm_trunk"] = _read_norm(r, "trunk tip BN")
    _read_act(r, "trunk tip activation", acts)
    _check(r, t["norm_trunk"]["c"] == c, "trunk tip BN channels != trunkC")
    out["trunk"] = t

    r.token("policy head name")
    p = {"conv1p": _read_conv(r, "policy p1Conv"), "conv1g": _read_conv(r, "policy g1Conv"),
         "norm_g": _read_norm(r, "policy g1BN")}
    _read_act(r, "policy g1Act", acts)
    p["linear_g"] = _read_matmul(r, "policy gpoolToBiasMul")
    p["norm_p"] = _read_norm(r, "policy p1BN")
    _read_act(r, "policy p1Act", acts)
    p["conv2p"] = _read_conv(r, "policy p2Conv")
    p["linear_pass"] = _read_matmul(r, "policy gpoolToPassMul")
    p["linear_pass_bias"] = _read_matbias(r, "policy gpoolToPassBias")
    _read_act(r, "policy passActivation", acts)
    p["linear_pass2"] = _read_matmul(r, "policy gpoolToPassMul2")
    p1, g1 = p["conv1p"]["cout"], p["conv1g"]["cout"]
    _check(r, p["conv1p"]["cin"] == c and p["conv1g"]["cin"] == c, "policy head input != trunkC")
    _check(r, p["conv1p"]["k"] == 1 and p["conv1g"]["k"] == 1 and p["conv2p"]["k"] == 1,
           "policy head convs must be 1x1")
    _check(r, p["norm_g"]["c"] == g1 and p["linear_g"]["cin"] == 3 * g1
           and p["linear_g"]["cout"] == p1 and p["norm_p"]["c"] == p1
           and p["conv2p"]["cin"] == p1 and p["conv2p"]["cout"] == M.POLICY_CHANNELS
           and p["linear_pass"]["cin"] == 3 * g1 and p["linear_pass"]["cout"] == p1
           and p["linear_pass_bias"]["c"] == p1 and p["linear_pass2"]["cin"] == p1
           and p["linear_pass2"]["cout"] == M.POLICY_CHANNELS,
           "policy head: inconsistent channel counts")
    out["policy"] = p

    r.token("value head name")
    v = {"conv1": _read_conv(r, "value v1Conv"), "norm1": _read_norm(r, "value v1BN")}
    _read_act(r, "value v1Act", acts)
    v["linear2"] = _read_matmul(r, "value v2Mul")
    v["bias2"] = _read_matbias(r, "value v2Bias")
    _read_act(r, "value v2Act", acts)
    v["linear_value"] = _read_matmul(r, "value v3Mul")
    v["bias_value"] = _read_matbias(r, "value v3Bias")
    v["linear_misc"] = _read_matmul(r, "value sv3Mul")
    v["bias_misc"] = _read_matbias(r, "value sv3Bias")
    v["conv_ownership"] = _read_conv(r, "value ownershipConv")
    v1, v2 = v["conv1"]["cout"], v["linear2"]["cout"]
    _check(r, v["conv1"]["cin"] == c and v["conv1"]["k"] == 1, "value v1Conv must be 1x1 from trunkC")
    _check(r, v["norm1"]["c"] == v1 and v["linear2"]["cin"] == 3 * v1 and v["bias2"]["c"] == v2
           and v["linear_value"]["cin"] == v2 and v["linear_value"]["cout"] == 3
           and v["bias_value"]["c"] == 3 and v["linear_misc"]["cin"] == v2
           and v["linear_misc"]["cout"] == M.MISC_OUTPUTS and v["bias_misc"]["c"] == M.MISC_OUTPUTS
           and v["conv_ownership"]["cin"] == v1 and v["conv_ownership"]["cout"] == 1
           and v["conv_ownership"]["k"] == 1,
           "value head: inconsistent channel counts")
    out["value"] = v
    while r.i < len(data) and data[r.i] in b" \t\r\n":
        r.i += 1
    if r.i != len(data):
        r.fail("unexpected data after the value head")
    if len(acts) != 1:
        r.fail(f"mixed activations {sorted(acts)} are not supported (one kind per net)")
    out["activation"] = acts.pop()
    return out


def _config_from_parsed(p):
    t = p["trunk"]
    gpool_cs, mid_cs = set(), set()

    def specs(blocks):
        s = []
        for b in blocks:
            if b["kind"] == "nbt":
                mid_cs.add(b["mid_c"])
                s.append(["nbt", specs(b["blocks"])])
            else:
                if b["kind"] == "gpool":
                    gpool_cs.add(b["gpool_c"])
                s.append([b["kind"]])
        return s

    blocks = specs(t["blocks"])
    if len(gpool_cs) > 1 or len(mid_cs) > 1:
        raise ModelFormatError(f"gpool channels {sorted(gpool_cs)} / bottleneck channels "
                               f"{sorted(mid_cs)} vary between blocks: not supported")
    c = t["conv_spatial"]["cout"]
    return dict(trunk_c=c, mid_c=mid_cs.pop() if mid_cs else max(1, c // 2),
                gpool_c=gpool_cs.pop() if gpool_cs else max(1, c // 4), blocks=blocks,
                p1_c=p["policy"]["conv1p"]["cout"], g1_c=p["policy"]["conv1g"]["cout"],
                v1_c=p["value"]["conv1"]["cout"], v2_c=p["value"]["linear2"]["cout"],
                activation=p["activation"], norm="fixscale")


def _set(param, arr):
    t = torch.from_numpy(np.ascontiguousarray(arr, dtype=np.float32))
    if tuple(param.shape) != tuple(t.shape):
        raise ModelFormatError(f"shape mismatch {tuple(t.shape)} vs {tuple(param.shape)}")
    with torch.no_grad():
        param.copy_(t)


def _load_norm(n, d):
    _set(n.running_mean, d["mean"])
    _set(n.running_var, d["var"])
    _set(n.gamma, d["scale"])
    _set(n.beta, d["bias"])
    n.eps.fill_(float(np.float32(d["eps"])))


def _load_stack(mods, blocks):
    for m, b in zip(mods, blocks):
        _load_norm(m.norm_pre, b["norm_pre"])
        if b["kind"] == "nbt":
            _set(m.conv_pre.weight, b["conv_pre"]["w"])
            _load_stack(m.blocks, b["blocks"])
            _load_norm(m.norm_post, b["norm_post"])
            _set(m.conv_post.weight, b["conv_post"]["w"])
            continue
        _set(m.conv_regular.weight, b["conv_regular"]["w"])
        if b["kind"] == "gpool":
            _set(m.conv_gpool.weight, b["conv_gpool"]["w"])
            _load_norm(m.norm_gpool, b["norm_gpool"])
            _set(m.gpool_to_bias.weight, b["gpool_to_bias"]["w"])
        _load_norm(m.norm_mid, b["norm_mid"])
        _set(m.conv_final.weight, b["conv_final"]["w"])


def model_from_parsed(p):
    model = M.Model(_config_from_parsed(p))
    t = p["trunk"]
    _set(model.conv_spatial.weight, t["conv_spatial"]["w"])
    _set(model.linear_global.weight, t["linear_global"]["w"])
    _load_stack(model.blocks, t["blocks"])
    _load_norm(model.norm_trunk, t["norm_trunk"])
    ph, pp = model.policy_head, p["policy"]
    _set(ph.conv1p.weight, pp["conv1p"]["w"])
    _set(ph.conv1g.weight, pp["conv1g"]["w"])
    _load_norm(ph.norm_g, pp["norm_g"])
    _set(ph.linear_g.weight, pp["linear_g"]["w"])
    _load_norm(ph.norm_p, pp["norm_p"])
    _set(ph.conv2p.weight, pp["conv2p"]["w"])
    _set(ph.linear_pass.weight, pp["linear_pass"]["w"])
    _set(ph.linear_pass.bias, pp["linear_pass_bias"]["b"])
    _set(ph.linear_pass2.weight, pp["linear_pass2"]["w"])
    vh, vv = model.value_head, p["value"]
    _set(vh.conv1.weight, vv["conv1"]["w"])
    _load_norm(vh.norm1, vv["norm1"])
    _set(vh.linear2.weight, vv["linear2"]["w"])
    _set(vh.linear2.bias, vv["bias2"]["b"])
    _set(vh.linear_value.weight, vv["linear_value"]["w"])
    _set(vh.linear_value.bias, vv["bias_value"]["b"])
    _set(vh.linear_misc.weight, vv["linear_misc"]["w"])
    _set(vh.linear_misc.bias, vv["bias_misc"]["b"])
    _set(vh.conv_ownership.weight, vv["conv_ownership"]["w"])
    model.eval()
    return model


def read_model_file(path):
    """Decompress (if gzip) and return the raw model bytes, with clear errors."""
    path = str(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ModelFormatError(f"{path}: cannot read: {e}") from e
    if path.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as e:
            raise ModelFormatError(f"{path}: corrupt gzip stream ({e})") from e
    elif not path.endswith(".bin"):
        raise ModelFormatError(f"{path}: unknown model file suffix (want .bin.gz or .bin)")
    return raw


def import_model(path):
    """Load a KataGo model file into a Model. Returns (model, info dict)."""
    raw = read_model_file(path)
    try:
        parsed = parse_model_bytes(raw)
    except ModelFormatError as e:
        raise ModelFormatError(f"{path}: {e}") from None
    model = model_from_parsed(parsed)
    info = {"name": parsed["name"], "version": parsed["version"],
            "multipliers": parsed["multipliers"]}
    return model, info
