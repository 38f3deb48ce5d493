"""`scripts/web_load.py` in small (docs/WEB.md, "Load"): a few analysis and game sockets for a
few seconds, twice, against `tengen serve` with rollouts. Every answer must be valid, every
session must give its place back when its socket closes (also when dropped mid-search or right
after a move), the server's CPU must go idle afterwards, and it must still answer at the end.
No timing or memory thresholds: those are the real run's (the docs give its numbers). Skips
when the binary is not built."""
import os
import sys

import pytest

from repo_scripts import ROOT, tengen_binary

pytest.importorskip("websocket", reason="websocket-client (training/requirements.txt) is missing")
pytestmark = pytest.mark.skipif(tengen_binary() is None, reason="tengen is not built (swift build)")

sys.path.insert(0, os.path.join(ROOT, "scripts"))


def test_a_small_bounded_load_has_no_errors_and_the_server_goes_on(tmp_path):
    import web_load

    opts = web_load.parse([
        "--binary", tengen_binary(), "--model", "none", "--analysis", "4", "--play", "2",
        "--seconds", "5", "--rounds", "2", "--http-clients", "4", "--http-requests", "25",
        "--disconnects", "8", "--drop-burst", "10", "--max-growth-mb", "100000", "--no-heap",
        "--json", ""])
    result = web_load.run_load(opts)
    print(web_load.summary(result))
    assert result["errors"] == []
    assert result["alive"] and result["exit_code_during_run"] is None
    assert result["http"]["ok"] == result["http"]["requests"] == 100
    for r in result["rounds"]:
        assert r["analysis"]["queries"] > 0 and r["play"]["replies"] > 0
        assert r["sessions_completed"] == 6
        assert r["sessions_closed_in_s"] is not None
    assert result["disconnects"]["sessions_closed_in_s"] is not None
