"""The KataGo cross-check: drive the real KataGo binary (GTP `kata-raw-nn`) and compare it with
the PyTorch model (used by training/tests/test_katago_crosscheck.py and the report script
training/scripts/katago_crosscheck.py).

`kata-raw-nn` prints win/loss/no-result with 6 decimals, policy with 6, ownership with 7, but
the score-like fields (lead, selfplay score and its square, variance-time, short-term errors)
with only 3. To compare those to 1e-4 anyway, every net is also exported a second time as a
"probe" whose header multipliers are 1000x larger (sqrt-multipliers 1000x as well): KataGo then
prints them 1000x (for the square: 10^6x) larger, and dividing back gives them to ~1e-6. The
probe file holds the very same weights; only KataGo's post-processing scale differs.
"""

import os
import shutil

import numpy as np
import torch

from . import katago_format as K
from . import simple_positions as F
from .gtp_client import GTPClient, vertex
from .postprocess import postprocess

KATAGO = os.environ.get("TENGEN_KATAGO", "/opt/peers/bin/katago")
KATAGO_CFG = os.environ.get("TENGEN_KATAGO_CFG", "/opt/peers/katago/gtp_cpu.cfg")
TUNE_DIR = "/opt/peers/katago/home/opencltuning"
PROBE_FACTOR = 1000.0
HIGH_PRECISION = ["whiteWin", "whiteLoss", "noResult", "policyPass"]
LOW_PRECISION = ["whiteLead", "whiteScoreSelfplay", "whiteScoreSelfplaySq", "varTimeLeft",
                 "shorttermWinlossError", "shorttermScoreError"]


def katago_missing_reason():
    if not os.path.exists(KATAGO):
        return f"KataGo not installed at {KATAGO} (run scripts/peers.sh)"
    if not os.path.exists(KATAGO_CFG):
        return f"KataGo config missing at {KATAGO_CFG}"
    return None


def probe_multipliers():
    m = dict(K.DEFAULT_MULTIPLIERS)
    for k in ("scoreMeanMultiplier", "scoreStdevMultiplier", "leadMultiplier",
              "varianceTimeMultiplier"):
        m[k] *= PROBE_FACTOR
    for k in ("shorttermValueErrorMultiplier", "shorttermScoreErrorMultiplier"):
        m[k] *= PROBE_FACTOR ** 2
    return m


def from_probe(out):
    """Convert probe-net post-processed values back to the real net's scale."""
    o = dict(out)
    for k in ("whiteLead", "whiteScoreSelfplay", "varTimeLeft", "shorttermWinlossError",
              "shorttermScoreError"):
        o[k] = out[k] / PROBE_FACTOR
    o["whiteScoreSelfplaySq"] = out["whiteScoreSelfplaySq"] / PROBE_FACTOR ** 2
    return o


class KataGoGTP:
    def __init__(self, model_path, home):
        self.log = open(os.path.join(home, "stderr.log"), "w")
        self.client = GTPClient(
            [KATAGO, "gtp", "-config", KATAGO_CFG, "-model", model_path, "-override-config",
             f"homeDataDir={home},logDir={os.path.join(home, 'logs')},nnRandomize=false,"
             "numSearchThreads=1,nnMaxBatchSize=1"],
            stderr=self.log, cwd=home)

    def cmd(self, line):
        try:
            lines = self.client.send(line)
        except RuntimeError as e:
            raise RuntimeError(f"KataGo: {e}; see its stderr.log") from e
        lines[0] = lines[0][1:].strip()
        return lines

    def raw_nn(self, size):
        out = self.client.raw_nn(size)
        for key in ("policy", "whiteOwnership"):
            out[key] = np.array(out[key])
        return out

    def close(self):
        self.client.close()
        self.log.close()


def _prepare_home(home, trunk_c):
    tdir = os.path.join(home, "opencltuning")
    os.makedirs(tdir, exist_ok=True)
    # KataGo tunes OpenCL kernels per trunk width (minutes on this CPU). The tuned kernel
    # parameters shipped for the b10c384 net are valid for any width, so reuse them.
    src = [f for f in os.listdir(TUNE_DIR) if f.startswith("tune")] if os.path.isdir(TUNE_DIR) else []
    for f in src:
        prefix = f.split("_x19_")[0]
        for xy in ("x19_y19", "x9_y9", "x13_y13"):
            dst = os.path.join(tdir, f"{prefix}_{xy}_c{trunk_c}_mv{K.MODEL_VERSION}.txt")
            if not os.path.exists(dst):
                shutil.copy(os.path.join(TUNE_DIR, f), dst)


def run_katago(model_path, trunk_c, positions, home):
    _prepare_home(home, trunk_c)
    g = KataGoGTP(model_path, home)
    results = []
    try:
        for size, moves, komi in positions:
            g.cmd(f"boardsize {size}")
            g.cmd("clear_board")
            g.cmd(f"komi {komi}")
            for i, (x, y) in enumerate(moves):
                g.cmd(f"play {'B' if i % 2 == 0 else 'W'} {vertex(x, y, size)}")
            results.append(g.raw_nn(size))
    finally:
        g.close()
    return results


def torch_outputs(model, positions, multipliers=None):
    outs = []
    model.eval()
    for size, moves, komi in positions:
        sp, gl, pla = F.features(size, moves, komi)
        with torch.no_grad():
            r = model(torch.from_numpy(sp)[None], torch.from_numpy(gl)[None])
        board = F.board_after(size, moves)
        legal = F.legal_moves(board, pla).ravel()
        outs.append(postprocess(r["policy"][0].numpy(), r["value"][0].numpy(), r["misc"][0].numpy(),
                                r["ownership"][0, 0].numpy(), pla_is_white=(pla == F.WHITE),
                                legal=legal, multipliers=multipliers))
    return outs


def compare(model, positions, workdir, name, real_subset=4):
    """Export `model` (real + probe), run KataGo, return a diff report.

    All positions go through the probe export (every field comparable to ~1e-6); the real
    export is loaded too and checked on the first `real_subset` positions of the smallest board
    (its high-precision fields must agree, its 3-decimal fields must equal ours rounded).
    """
    real_path = os.path.join(workdir, f"{name}.bin.gz")
    probe_path = os.path.join(workdir, f"{name}-probe.bin.gz")
    K.export_model(model, real_path, name=name)
    K.export_model(model, probe_path, name=name + "-probe", multipliers=probe_multipliers())
    positions = sorted(positions, key=lambda p: p[0])  # each boardsize change costs KataGo ~2 s
    home = os.path.join(workdir, "katago-home")
    trunk_c = model.config["trunk_c"]
    kg_probe = [from_probe(o) for o in run_katago(probe_path, trunk_c, positions, home)]
    subset = [p for p in positions if p[0] == positions[0][0]][:real_subset]
    kg_real = run_katago(real_path, trunk_c, subset, home)
    pt = torch_outputs(model, positions)
    worst = {}
    worst_scaled = 0.0  # |diff| / max(1, |value|): fp32 limits large values to relative precision
    for (size, moves, komi), a, kp in zip(positions, pt, kg_probe):
        if not np.array_equal(np.isnan(kp["policy"]), np.isnan(a["policy"])):
            raise AssertionError(f"legal-move sets differ on {size}x{size} {moves}")
        diffs = {k: (abs(a[k] - kp[k]), kp[k]) for k in HIGH_PRECISION + LOW_PRECISION}
        diffs["policy"] = (np.nanmax(np.abs(a["policy"] - kp["policy"])), 1.0)
        diffs["whiteOwnership"] = (np.max(np.abs(a["whiteOwnership"] - kp["whiteOwnership"])), 1.0)
        for k, (d, v) in diffs.items():
            worst[k] = max(worst.get(k, 0.0), float(d))
            worst_scaled = max(worst_scaled, float(d) / max(1.0, abs(v)))
    real_high, real_low = 0.0, 0.0
    for a, kr in zip(pt, kg_real):
        for k in HIGH_PRECISION:
            real_high = max(real_high, abs(a[k] - kr[k]))
        real_high = max(real_high, np.nanmax(np.abs(a["policy"] - kr["policy"])),
                        np.max(np.abs(a["whiteOwnership"] - kr["whiteOwnership"])))
        for k in LOW_PRECISION:
            real_low = max(real_low, abs(round(a[k], 3) - kr[k]))
    return {"name": name, "positions": len(positions),
            "sizes": sorted({p[0] for p in positions}), "worst_by_field": worst,
            "worst": max(worst.values()), "worst_scaled": worst_scaled,
            "real_export_positions": len(kg_real), "real_export_worst_high_precision": real_high,
            "real_export_worst_3decimal_vs_rounded": real_low}


KOMIS = [7.5, 6.5, 7.0, 0.5, -3.0, 12.0, 5.5, 0.0]


def make_positions(seed, n, sizes, max_moves=14):
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        size = sizes[i % len(sizes)]
        out.append((size, F.random_simple_position(rng, size, max_moves), KOMIS[i % len(KOMIS)]))
    return out


# positions per preset: (count, board sizes); the big nets stay on small boards mostly
PRESET_PLAN = {
    "tiny": (24, [9, 13, 19]),
    "tiny_nbt": (24, [9, 19]),
    "b6c96": (20, [9, 9, 9, 13, 19]),
    "b6c96nbt": (20, [9, 9, 9, 13, 19]),
    "b10c128": (20, [9, 9, 9, 13, 19]),
    "b18c384": (20, [9, 9, 9, 9, 9, 9, 9, 9, 9, 19]),
    "b18c384nbt": (20, [9, 9, 9, 9, 9, 9, 9, 9, 9, 19]),
}


def crosscheck_preset(preset, workdir, seed=0):
    from .model import Model, randomize_for_test
    torch.manual_seed(seed)
    m = Model(preset)
    randomize_for_test(m, seed=seed)
    n, sizes = PRESET_PLAN[preset]
    return compare(m, make_positions(seed + 1, n, sizes), workdir, preset)
