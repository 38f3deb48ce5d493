"""The self-play training loop (tengen_train.loop) on a tiny run with the real engine."""

import json
import os
import subprocess
import sys

import pytest

from tengen_train.loop import LoopConfig

from repo_scripts import ROOT as REPO, load_script, tengen_binary

loop_kill9 = load_script("training/scripts/loop_kill9.py")

TENGEN = tengen_binary()
needs_tengen = pytest.mark.skipif(TENGEN is None, reason="tengen is not built (swift build)")


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
    results, same = loop_kill9.run(trials=3, seed=5, generations=2, tengen=TENGEN, log=lambda *_: None)
    assert same
    assert all(r["all_load"] for r in results) and any(r["killed"] for r in results)


def _tiny_run(tmp_path, extra):
    cfg = tmp_path / "loop.cfg"
    cfg.write_text(loop_kill9.CONFIG + f"tengen = {TENGEN}\ngames_per_generation = 2\ngating = false\n"
                   "rating_every = 0\n" + extra)
    run = tmp_path / "run"
    proc = subprocess.run([sys.executable, "-m", "tengen_train.loop", "--run", str(run), "--config", str(cfg),
                           "--generations", "1"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return run, json.loads((run / "status.json").read_text())


@needs_tengen
def test_bootstrap_from_a_model_starts_training_from_its_weights(tmp_path):
    import torch
    from tengen_train.katago_format import export_model
    from tengen_train.model import Model
    torch.manual_seed(123)
    start = tmp_path / "start.bin.gz"
    export_model(Model("tiny").eval(), str(start), name="start")
    # rated from generation 0 on against a fixed network opponent (the start itself at 4 visits)
    run, status = _tiny_run(tmp_path, f"bootstrap = model:{start}\nrating_every = 1\nrate_start = true\n"
                                      f"rating_games = 2\nrating_visits = 2\nrating_parallel = 2\n"
                                      f"rating_opponents = model:4:{start},rollout:20\n")
    assert (run / "models" / "gen0000.bin.gz").read_bytes() == start.read_bytes()
    assert "started from" in (run / "logs" / "train.log").read_text()
    assert status["generations"]["1"]["promoted"] is True
    for g in ("0", "1"):
        assert status["generations"][g]["rating"]["start@4"]["games"] == 2
        assert status["generations"][g]["rating"]["rollout20"]["games"] == 2
    assert (run / "logs" / "rating-rollout20.log").exists()


def test_rating_opponent_specs(tmp_path):
    from tengen_train.loop import Loop
    net = tmp_path / "net.bin.gz"
    net.write_bytes(b"x")
    loop = Loop(str(tmp_path / "run"), f"rating_opponents = rollout:50, model:16:{net}\n")
    (r_name, r_spec), (m_name, m_spec) = loop.opponents()
    assert (r_name, r_spec) == ("rollout50", "tengen:playouts=50,threads=1")
    assert m_name == "net@16" and f"model={net}," in m_spec and "visits=16" in m_spec
    for bad in ("model:16", "model:x:" + str(net), "model:16:" + str(tmp_path / "missing.bin.gz"), "elo:3"):
        loop.cfg.rating_opponents = bad
        with pytest.raises(SystemExit):
            loop.opponents()


@needs_tengen
def test_bootstrap_from_rows_trains_on_them_first(tmp_path):
    from tengen_train.synthetic import write_synthetic
    rows = tmp_path / "boot" / "rows.npz"
    rows.parent.mkdir()
    write_synthetic(str(rows), 64, pos_len=5, seed=3)
    run, status = _tiny_run(tmp_path, f"bootstrap = rows:{rows}\nbootstrap_steps = 4\n")
    plan = status["generations"]["1"]["train"]
    assert plan["to_step"] == 4 + plan["steps"]
    assert any(f.endswith("boot/rows.npz") for f in plan["files"])   # still in the window
    assert (run / "models" / "gen0000.bin.gz").exists()


@needs_tengen
def test_a_run_goes_on_from_a_carry_on_another_machine(tmp_path):
    """--save-carry keeps what a new machine needs; --from-carry goes on with the next generation,
    a new trainer run starting from the carried network."""
    run, status = _tiny_run(tmp_path, "")
    carry = tmp_path / "carry"
    loop = [sys.executable, "-m", "tengen_train.loop"]
    subprocess.run(loop + ["--run", str(run), "--save-carry", str(carry)], check=True, timeout=60)
    assert sorted(os.listdir(carry / "models")) == ["gen0001.bin.gz"]   # the latest, also the best
    again = tmp_path / "again"
    proc = subprocess.run(loop + ["--run", str(again), "--from-carry", str(carry), "--generations", "2"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    st = json.loads((again / "status.json").read_text())
    assert sorted(st["generations"]) == ["0", "1", "2"] and st["generations"]["1"] == status["generations"]["1"]
    plan = st["generations"]["2"]["train"]
    assert plan["epoch"] == 1 and plan["to_step"] == plan["steps"]     # a new trainer run
    assert all(f.startswith("selfplay/gen0002") for f in plan["files"])  # generation 1's rows stayed behind
    assert f"--init-model {again / 'models' / 'gen0001.bin.gz'}" in (again / "logs" / "train.log").read_text()
    assert (again / "models" / "gen0002.bin.gz").exists() and st["hours"]["selfplay"] > status["hours"]["selfplay"]
    # the folder now holds a run: --from-carry again is refused rather than overwriting it
    proc = subprocess.run(loop + ["--run", str(again), "--from-carry", str(carry)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "already holds a run" in proc.stderr


def test_a_diverged_generation_is_recognised():
    from tengen_train.loop import training_diverged
    # the from-random run's generations 1 and 2 (training/carry/zero9/status.json)
    assert "over 10 times" in training_diverged({"loss": 3.14e15}, 14.67, 10)
    assert training_diverged({"loss": 14.0}, 14.67, 10) is None
    assert training_diverged({"loss": 100.0}, 14.67, 10) is None       # within the factor
    assert training_diverged({"loss": 1e9}, 14.67, 0) is None          # the check turned off
    assert training_diverged({"loss": float("nan")}, None, 10) == "final loss nan"
    assert training_diverged({"loss": float("inf")}, 14.67, 0) == "final loss inf"
    assert training_diverged({"loss": 1e6}, None, 10) is None          # nothing to compare with
    assert training_diverged({}, 14.67, 10) is None                    # no metrics recorded


def test_the_carried_collapse_would_have_stopped_the_loop():
    """Replays the carried record of the collapsed run through the check: generation 2 is the
    first to stop the loop."""
    from tengen_train.loop import training_diverged
    status = json.load(open(os.path.join(REPO, "training/carry/zero9/status.json")))
    gens = status["generations"]
    stops = [g for g in range(2, 17)
             if training_diverged(gens[str(g)]["train"]["losses"], gens[str(g - 1)]["train"]["losses"]["loss"], 10)]
    assert stops[0] == 2
