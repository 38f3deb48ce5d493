"""scripts/visits_per_move.py and scripts/score_crosscheck.py --rescore, against the tengen
binary with a tiny committed network (skipped when the binary is not built)."""
import json
import os
import subprocess
import sys

import pytest

from tengen_train.gtp_client import GTPClient

from repo_scripts import load_script
from repo_scripts import ROOT, tengen_binary

MODEL = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v15-transformer.bin.gz")
SGF = "(;GM[1]FF[4]SZ[7]KM[7.5]RU[chinese];B[dd];W[cc];B[ec];W[cd];B[de];W[ce];B[df])"


def test_root_visits_sums_the_last_report():
    script = load_script("scripts/visits_per_move.py")
    root_visits, to_move = script.root_visits, script.to_move

    reply = ["= info move D4 visits 5 utility 0.1 pv D4 C3 info move C3 visits 2 pv C3",
             "info move D4 visits 9 utility 0.1 prior 0.3 pvVisits 9 4 pv D4 C3 "
             "info move C3 visits 3 edgeVisits 3 pv C3", "play D4"]
    assert root_visits(reply) == 12  # 9 + 3 of the last report; pvVisits/edgeVisits not counted
    with pytest.raises(RuntimeError):
        root_visits(["= ", "play pass"])
    assert to_move(SGF, 0) == "B" and to_move(SGF, 3) == "W" and to_move(SGF, 7) == "W"
    assert to_move("(;SZ[9]HA[2]AB[cc][gg])", 0) == "W"
    assert to_move("(;SZ[9]PL[W])", 0) == "W" and to_move("(;SZ[9])", 0) == "B"


def test_regret_pairs_the_engines_position_by_position():
    script = load_script("scripts/move_agreement.py")
    mean_se, regret_table = script.mean_se, script.regret_table

    picks = [("g", 1), ("g", 2), ("g", 3)]
    replies = {("g", 1, "a", 0): "A1", ("g", 1, "a", 1): "B1", ("g", 1, "b", 0): "A1",
               ("g", 1, "b", 1): "A1", ("g", 2, "a", 0): "C1", ("g", 2, "a", 1): "C1",
               ("g", 2, "b", 0): "D1", ("g", 2, "b", 1): "C1",
               ("g", 3, "a", 0): "E1", ("g", 3, "a", 1): "E1"}  # b never asked at 3
    values = {("g", 1): {"A1": 0.6, "B1": 0.4}, ("g", 2): {"C1": 0.5, "D1": 0.3},
              ("g", 3): {"E1": 0.5}}
    table = regret_table(picks, ["a", "b"], 2, replies, values)
    # Regret = best judged value at the position minus the reply's, averaged over the samples;
    # a position missing any reply is left out for every engine, so the lists stay paired.
    assert table["a"] == pytest.approx([0.1, 0.0]) and table["b"] == pytest.approx([0.0, 0.1])
    m, se = mean_se([x - y for x, y in zip(table["a"], table["b"])])
    assert m == pytest.approx(0.0) and se == pytest.approx(0.1)


def test_visits_per_move_reports_each_engines_budget(tmp_path):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("tengen binary not built (swift build)")
    sgf = tmp_path / "g.sgf"
    sgf.write_text(SGF)
    out = tmp_path / "v.jsonl"
    run = subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts/visits_per_move.py"), "--sgf", str(sgf),
         "--move", "4", "--interval", "1", "--out", str(out),
         "--engine", f"small={binary} gtp --model {MODEL} --visits 6 --search-threads 1",
         "--engine", f"large={binary} gtp --model {MODEL} --visits 40 --search-threads 1"],
        check=True, capture_output=True, text=True, timeout=300)
    row = json.loads(out.read_text().splitlines()[0])
    # The root's children share the root's visits less its own first one.
    assert 1 <= row["small"] <= 6 and 20 <= row["large"] <= 40, row
    assert "small: mean" in run.stdout and "large: mean" in run.stdout


def test_rescore_compares_with_the_other_engine(tmp_path):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("tengen binary not built (swift build)")
    # A fixed symmetry: the tiny network judges dead stones differently under each one.
    engine = f"{binary} gtp --model {MODEL} --nn-symmetry 0"
    (tmp_path / "game0000.sgf").write_text(SGF[:-1] + ";W[];B[])")
    gtp = GTPClient(engine.split())
    gtp.send(f"loadsgf {tmp_path / 'game0000.sgf'}")
    score = gtp.reply("final_score")
    gtp.close()
    wrong = "B+99.5" if score != "B+99.5" else "W+99.5"
    rows = [
        # The other engine (White) counted as the rescoring engine does; Tengen had said `wrong`.
        {"game": 0, "sgf": "game0000.sgf", "reason": "both passed", "black": "Tengen(x)",
         "white": "gtp:/usr/games/gnugo --mode gtp", "blackScore": wrong, "whiteScore": score,
         "deadStonesAgree": False},
        # Here the other engine's count differs from both.
        {"game": 1, "sgf": "game0000.sgf", "reason": "both passed", "black": "gtp:other",
         "white": "Tengen(x)", "blackScore": wrong, "whiteScore": wrong, "deadStonesAgree": True},
        # Not played out: ignored.
        {"game": 2, "sgf": "game0000.sgf", "reason": "x resigned", "black": "gtp:other",
         "white": "Tengen(x)"},
    ]
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in rows))
    run = subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts/score_crosscheck.py"), "--rescore", engine,
         str(results)], capture_output=True, text=True, timeout=300)
    assert "games played to the end: 2" in run.stdout
    assert ("games against another engine: 2; the other engine's score equals the recorded "
            "Tengen's in 1, the rescoring engine's in 1") in run.stdout, run.stdout
    assert "rescored differs" in run.stdout and "game 2" in run.stdout
