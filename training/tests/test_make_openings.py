"""scripts/make_openings.py against the tengen binary with a tiny committed network.

The tiny network's values are arbitrary, so this checks the mechanics the match relies on:
legal openings of the requested length, one per symmetry class, each inside the band it reports,
in the file format `tengen match --openings` reads (which the Swift OpeningBook tests parse).
"""
import os
import subprocess
import sys

import pytest

from repo_scripts import load_script
from repo_scripts import ROOT, tengen_binary

MODEL = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v15-transformer.bin.gz")
COLUMNS = "ABCDEFGHJ"


def test_openings_are_legal_distinct_and_inside_the_band(tmp_path):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("tengen binary not built (swift build)")
    script = load_script("scripts/make_openings.py")
    make_openings, symmetries = script.make_openings, script.symmetries

    engine = f"{binary} gtp --model {MODEL}"
    wide, tries = make_openings(engine, 7, 7.5, "chinese", 3, 6, (0.0, 1.0), 1.0, 1, 5, 200)
    assert len(wide) == 6 and tries >= 6
    keys = [min(symmetries(moves, 7)) for moves, _ in wide]
    assert len(set(keys)) == len(keys)
    for moves, black in wide:
        assert len(moves) == 3 and len(set(moves)) == 3
        assert 1 <= moves[0][0] <= 5 and 1 <= moves[0][1] <= 5  # the uniform ply avoids the edge
        assert 0.0 <= black <= 1.0
    # A band around the median value keeps only openings inside it.
    values = sorted(b for _, b in wide)
    band = (values[1], values[4])
    narrow, _ = make_openings(engine, 7, 7.5, "chinese", 3, 2, band, 1.0, 1, 5, 200)
    assert narrow and all(band[0] <= b <= band[1] for _, b in narrow)


def test_command_line_writes_a_book(tmp_path):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("tengen binary not built (swift build)")
    out = tmp_path / "book.txt"
    subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts/make_openings.py"), "--engine",
         f"{binary} gtp --model {MODEL}", "--size", "7", "--moves", "2", "--count", "3",
         "--band", "0", "1", "--out", str(out)], check=True, capture_output=True)
    lines = out.read_text().splitlines()
    assert lines[0].startswith("# 7x7, komi 7.5, chinese") and len(lines) == 4
    for line in lines[1:]:
        moves, comment = line.split("#")
        assert len(moves.split()) == 2 and all(m[0] in COLUMNS for m in moves.split())
        assert comment.strip().startswith("black ")
    # The match reads it back (an illegal or malformed book would stop it before any game).
    check = subprocess.run(
        [binary, "match", "--a", "tengen:playouts=10", "--b", "tengen:playouts=10", "--size", "7",
         "--games", "2", "--openings", str(out), "--out", str(tmp_path / "m")],
        capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    sgf = (tmp_path / "m" / "game0000.sgf").read_text()
    first = lines[1].split("#")[0].split()[0]
    x, y = COLUMNS.index(first[0]), 7 - int(first[1:])
    assert f";B[{chr(97 + x)}{chr(97 + y)}]" in sgf
