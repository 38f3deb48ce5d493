"""The self-play training loop (tengen_train.loop) on a tiny run with the real engine."""

import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
REPO = os.path.dirname(TRAINING)
sys.path.insert(0, os.path.join(TRAINING, "scripts"))

from tengen_train.loop import LoopConfig  # noqa: E402

TENGEN = os.path.join(REPO, ".build", "debug", "tengen")
if not os.path.exists(TENGEN):
    TENGEN = os.path.join(REPO, ".build", "release", "tengen")
needs_tengen = pytest.mark.skipif(not os.path.exists(TENGEN), reason="tengen is not built (swift build)")


def test_config_parses_names_values_and_selfplay_keys():
    cfg, sp = LoopConfig.parse("preset = b4c64  # small\ngating = false\nselfplay.fullVisits = 100\n")
    assert cfg.preset == "b4c64" and cfg.gating is False and sp == {"fullVisits": "100"}
    again, sp2 = LoopConfig.parse(cfg.text(sp))
    assert again == cfg and sp2 == sp
    for bad in ("nosuch = 1", "gate_games = many", "gating = perhaps", "just words"):
        with pytest.raises(ValueError):
            LoopConfig.parse(bad)


@needs_tengen
def test_loop_survives_kill9_and_ends_like_an_uninterrupted_run():
    import loop_kill9
    results, same = loop_kill9.run(trials=3, seed=5, generations=2, tengen=TENGEN, log=lambda *_: None)
    assert same
    assert all(r["all_load"] for r in results) and any(r["killed"] for r in results)
