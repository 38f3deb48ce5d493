"""kill -9 at random moments (fewer trials than scripts/kill9_test.py, to stay fast).

60 steps leave room for both trials even when the trainer runs many steps during the
random post-checkpoint delay on a fast machine (14 steps ran out in CI)."""

from repo_scripts import load_script

kill9_test = load_script("training/scripts/kill9_test.py")


def test_kill9_resume_exact():
    res = kill9_test.run(trials=2, seed=7, steps=60, log=lambda *_: None)
    assert len(res) == 2 and all(r["all_load"] for r in res)
