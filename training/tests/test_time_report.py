"""scripts/time_report.py: the clock shares of a measurement, one folder or its lanes merged."""
import json
import os
import subprocess
import sys

from repo_scripts import ROOT

SCRIPT = os.path.join(ROOT, "scripts", "time_report.py")


def write_lane(folder, records):
    os.makedirs(folder)
    with open(os.path.join(folder, "results.jsonl"), "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def game(index, a_seconds, b_seconds, winner="A", reason="both passed", clock="absolute:20"):
    a_colour = "B" if index % 2 == 0 else "W"
    b_colour = "W" if a_colour == "B" else "B"
    return {"game": index, "result": "B+1", "winner": winner, "reason": reason, "timeControl": clock,
            "moveSeconds": {a_colour: a_seconds, b_colour: b_seconds}}


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, check=True).stdout


def test_merged_lanes_report_every_game_once(tmp_path):
    one, two = str(tmp_path / "lane0"), str(tmp_path / "lane1")
    write_lane(one, [game(0, [8, 8], [2, 2]), game(1, [6, 6], [1, 1], winner="B")])
    write_lane(two, [game(0, [5, 5], [3, 3])])
    separate = run(one, two)
    assert "lane0: 2 games" in separate and "lane1: 1 games" in separate
    merged = run("--merge", one, two)
    assert "3 games, clock absolute:20" in merged
    # A spent 16, 12 and 10 of 20 s: 80%, 60%, 50% -> mean 63%, range 50-80%.
    assert "A: 2 won, 1 lost (0 on time); main 63% over 3 finished games [50-80%]" in merged
    assert "B: 1 won, 2 lost (0 on time); main 20% over 3 finished games [10-30%]" in merged


def test_lanes_on_different_clocks_are_not_merged(tmp_path):
    one, two = str(tmp_path / "a"), str(tmp_path / "b")
    write_lane(one, [game(0, [1], [1])])
    write_lane(two, [game(0, [1], [1], clock="absolute:60")])
    assert "not one measurement" in run("--merge", one, two)
