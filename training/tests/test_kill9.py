"""kill -9 at random moments (fewer trials than scripts/kill9_test.py, to stay fast)."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts"))

import kill9_test  # noqa: E402


def test_kill9_resume_exact():
    res = kill9_test.run(trials=2, seed=7, steps=14, log=lambda *_: None)
    assert len(res) == 2 and all(r["all_load"] for r in res)
