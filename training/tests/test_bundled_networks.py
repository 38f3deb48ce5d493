"""The networks in `networks/` are what `tengen gtp` and `tengen analysis` play with when no
`--model` is given; `--model none` plays with rollouts; a missing or corrupt bundled network
falls back to rollouts with one warning (through the real binary)."""
import glob
import json
import os
import shutil
import subprocess

import pytest
from tengen_train.gtp_client import replies

from repo_scripts import ROOT, tengen_binary

TINY = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v6.bin.gz")
LOADED = "tengen: network "


def run(argv, stdin, env_dir=None, timeout=180):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("no tengen binary built")
    env = dict(os.environ)
    env.pop("TENGEN_NETWORKS", None)
    if env_dir is not None:
        env["TENGEN_NETWORKS"] = str(env_dir)
    return subprocess.run([binary, *argv], input=stdin, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)


def test_the_repository_ships_a_network_for_9x9_that_gtp_loads_with_no_model():
    shipped = glob.glob(os.path.join(ROOT, "networks", "tengen-*x*.bin.gz"))
    assert any(os.path.basename(p) == "tengen-9x9.bin.gz" for p in shipped), shipped
    for p in shipped:
        assert os.path.getsize(p) <= 12 * 1024 * 1024, p
    r = run(["gtp", "--size", "9", "--visits", "16"], "genmove b\nquit\n")
    assert r.returncode == 0, r.stderr
    assert LOADED + os.path.join(ROOT, "networks", "tengen-9x9.bin.gz") in r.stderr
    assert "warning" not in r.stderr
    out = replies(r.stdout)
    assert out[0].startswith("= ") and out[0] != "= resign", out


def test_the_network_nearest_the_board_size_is_chosen(tmp_path):
    shutil.copy(TINY, tmp_path / "tengen-9x9.bin.gz")
    shutil.copy(TINY, tmp_path / "tengen-19x19.bin.gz")
    (tmp_path / "other-13x13.bin.gz").write_bytes(b"not a bundled name")
    for size, want in ((9, "9x9"), (13, "9x9"), (14, "19x19"), (19, "19x19")):
        r = run(["gtp", "--size", str(size), "--visits", "4"], "genmove w\nquit\n", tmp_path)
        assert r.returncode == 0, r.stderr
        assert f"{LOADED}{tmp_path}/tengen-{want}.bin.gz" in r.stderr, (size, r.stderr)


def test_model_none_plays_with_rollouts_and_says_nothing(tmp_path):
    shutil.copy(TINY, tmp_path / "tengen-9x9.bin.gz")
    r = run(["gtp", "--size", "9", "--model", "none", "--playouts", "200"], "genmove b\nquit\n", tmp_path)
    assert r.returncode == 0, r.stderr
    assert LOADED not in r.stderr and "warning" not in r.stderr
    assert "playouts" in r.stderr          # the rollout player's per-move line
    assert replies(r.stdout)[0].startswith("= ")


@pytest.mark.parametrize("content", [None, b"\x1f\x8b garbage", b""])
def test_a_missing_or_corrupt_bundled_network_falls_back_to_rollouts_with_one_warning(tmp_path, content):
    if content is not None:
        (tmp_path / "tengen-9x9.bin.gz").write_bytes(content)
    r = run(["gtp", "--size", "9", "--playouts", "200"], "play w E5\ngenmove b\ngenmove w\nquit\n", tmp_path)
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, r.stderr
    assert "playing with rollouts" in warnings[0]
    if content is None:
        assert "no bundled network" in warnings[0]
    else:
        assert "tengen-9x9.bin.gz" in warnings[0]
    out = replies(r.stdout)
    # play first, so that no generated move can make it illegal; then both genmoves answer
    assert len(out) == 4 and out[0] == out[3] == "=", out
    assert out[1].startswith("= ") and out[2].startswith("= "), out


def test_an_explicit_model_that_cannot_load_is_an_error_not_a_fallback(tmp_path):
    bad = tmp_path / "bad.bin.gz"
    bad.write_bytes(b"junk")
    r = run(["gtp", "--model", str(bad)], "name\nquit\n", tmp_path)
    assert r.returncode != 0 and r.stdout == ""
    assert "bad.bin.gz" in r.stderr


def test_analysis_uses_the_bundled_network_and_reports_it_in_query_models(tmp_path):
    shutil.copy(TINY, tmp_path / "tengen-19x19.bin.gz")
    q = {"id": "m", "action": "query_models"}
    r = run(["analysis"], json.dumps(q) + "\n", tmp_path)
    assert r.returncode == 0, r.stderr
    models = json.loads(r.stdout.splitlines()[0])["models"]
    assert [m["name"] for m in models] == [str(tmp_path / "tengen-19x19.bin.gz")]
    r = run(["analysis", "--model", "none"], json.dumps(q) + "\n", tmp_path)
    assert json.loads(r.stdout.splitlines()[0])["models"] == []


def test_boardsize_switches_to_the_network_bundled_for_that_size(tmp_path):
    v6 = TINY
    v7 = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v7.bin.gz")
    shutil.copy(v6, tmp_path / "tengen-9x9.bin.gz")
    shutil.copy(v7, tmp_path / "tengen-19x19.bin.gz")
    probe = ["play b D4", "kata-raw-nn 0"]

    def raw(argv, setup, env_dir=None):
        r = run(["gtp", *argv], "\n".join(setup + probe + ["quit"]) + "\n", env_dir)
        assert r.returncode == 0, r.stderr
        return replies(r.stdout)[-2], r.stderr

    alone = {side: raw(["--model", net, "--size", str(side)], [])[0]
             for side, net in ((9, v6), (19, v7), (13, v6))}
    assert alone[9] != raw(["--model", v7, "--size", "9"], [])[0]   # the two nets differ
    # started at 19x19 (a GUI's default), then the GUI sets the size it plays
    for side, want in ((9, alone[9]), (19, alone[19]), (13, alone[13])):
        got, err = raw(["--size", "19"], [f"boardsize {side}", "clear_board"], tmp_path)
        assert got == want, side
    assert err.count(LOADED) == 2 and "warning" not in err


def test_analysis_without_a_bundled_network_warns_once_and_notes_katrains_flags_once(tmp_path):
    # KaTrain starts the engine as KataGo: `analysis -model M -config C -override-config K=V`.
    q = {"id": "a", "moves": [], "rules": "chinese", "komi": 7.5, "boardXSize": 9,
         "boardYSize": 9, "maxVisits": 50}
    r = run(["analysis", "-config", "analysis.cfg", "-override-config", "homeDataDir=/tmp"],
            json.dumps(q) + "\n", tmp_path)
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "no bundled network" in warnings[0], r.stderr
    assert "with rollouts" in warnings[0]
    notes = [line for line in r.stderr.splitlines() if "ignoring KataGo's" in line]
    assert notes == ["tengen analysis: ignoring KataGo's -config, -override-config "
                     "(settings come from options)"], r.stderr
    assert json.loads(r.stdout.splitlines()[0])["id"] == "a"


def test_gtp_with_no_rules_plays_chinese_rules_with_komi_7_5():
    # GUIs send no rules: these defaults are what GUI users play (docs/GTP.md, Default rules).
    r = run(["gtp", "--model", "none", "--playouts", "50"], "kata-get-rules\nget_komi\nquit\n")
    assert r.returncode == 0, r.stderr
    rules, komi = (json.loads(x[2:]) if x.startswith("= {") else x for x in replies(r.stdout)[:2])
    assert rules["ko"] == "SIMPLE" and rules["scoring"] == "AREA" and rules["suicide"] is False, rules
    assert rules["friendlyPassOk"] is True, rules
    assert komi == "= 7.5"
    r = run(["gtp", "--model", "none", "--rules", "tromp-taylor"], "kata-get-rules\nquit\n")
    assert json.loads(replies(r.stdout)[0][2:])["suicide"] is True
