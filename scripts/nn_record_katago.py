#!/usr/bin/env python3
"""Records real KataGo's `kata-raw-nn` outputs for a list of positions and one model.

Usage: python3 scripts/nn_record_katago.py MODEL POSITIONS.json OUT.json [--home DIR]

Each position is set up over GTP (boardsize, kata-set-rules, komi, fixed_handicap or
set_position, play ...) and evaluated with `kata-raw-nn [colour] SYMMETRY`. The output JSON maps
position ids to the parsed numbers (policy/ownership row-major from the top-left, null = illegal).
For a model whose trunk shape has no OpenCL tuning file yet, copy an existing tuning file into
HOME/opencltuning under the name KataGo asks for (see the log) to skip the slow autotuning.
"""
import json
import math
import sys

from tengen_train.gtp_client import GTPClient, parse_raw_nn

KATAGO = "/opt/peers/bin/katago"
CONFIG = "/opt/peers/katago/gtp_cpu.cfg"


class Engine(GTPClient):
    def __init__(self, model, home):
        args = [KATAGO, "gtp", "-config", CONFIG, "-model", model]
        if home:
            args += ["-override-config", "homeDataDir=%s" % home]
        super().__init__(args)


def parse_raw(lines, size):
    """The reply parsed (gtp_client.parse_raw_nn), with illegal points as null and the symmetry
    as an integer, as the JSON records hold them."""
    out = parse_raw_nn(lines, size)
    out["policy"] = [None if math.isnan(v) else v for v in out["policy"]]
    out["symmetry"] = int(out["symmetry"])
    return out


def setup_position(eng, p):
    size = p["size"]
    eng.send("boardsize %d" % size)
    eng.send("clear_board")
    eng.send("kata-set-rules %s" % p["rules"])
    eng.send("komi %s" % p["komi"])
    setup = p.get("setup", [])
    if p.get("handicap"):
        eng.send("fixed_handicap %d" % p["handicap"])
    elif setup:
        eng.send("set_position " + " ".join("%s %s" % (c, v) for c, v in setup))
    for c, v in p["moves"]:
        eng.send("play %s %s" % (c, v))


def main():
    model, positions_path, out_path = sys.argv[1:4]
    home = sys.argv[sys.argv.index("--home") + 1] if "--home" in sys.argv else None
    positions = json.load(open(positions_path))
    eng = Engine(model, home)
    results = {}
    for p in positions:
        setup_position(eng, p)
        colour = (p["player"] + " ") if p.get("player") else ""
        lines = eng.send("kata-raw-nn %s%d" % (colour, p["symmetry"]))
        results[p["id"]] = parse_raw(lines, p["size"])
        print(p["id"], results[p["id"]]["whiteWin"], flush=True)
    eng.close()
    json.dump(results, open(out_path, "w"), indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
