"""`tengen match` engine specs go through the engines' parameter tables (issue 18, item 11):
a bad value or an unknown key stops the match with a message naming it, where it used to be
replaced silently by the default (`threads=abc` ran with every core)."""
import json
import os
import subprocess

import pytest

from repo_scripts import ROOT, tengen_binary


def match(tmp_path, a, b="tengen:playouts=20,threads=1"):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("no tengen binary built")
    argv = [binary, "match", "--a", a, "--b", b, "--games", "1", "--size", "5",
            "--opening", "0", "--out", str(tmp_path / "m")]
    return subprocess.run(argv, capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.mark.parametrize("spec, named", [
    ("tengen:threads=abc", "threads: abc"),
    ("tengen:playouts=-5x", "maxPlayouts: -5x"),
    ("tengen:threads=0", "threads: 0"),
    ("tengen:policy=heavy", "policy: heavy"),
    ("tengen:exploration=1e9", "exploration: 1e9"),
    ("tengen:nosuchkey=1", "Unknown parameter: nosuchkey"),
])
def test_a_bad_rollout_option_is_an_error(tmp_path, spec, named):
    r = match(tmp_path, spec)
    assert r.returncode != 0, r.stdout
    assert named in r.stderr, r.stderr


def test_a_bad_network_option_is_an_error(tmp_path):
    tiny = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v6.bin.gz")
    for spec, named in [(f"tengen:model={tiny},nnthreads=two", "nnthreads: two"),
                        (f"tengen:model={tiny},visits=many", "maxVisits: many"),
                        (f"tengen:model={tiny},searchthreads=abc", "numSearchThreads: abc")]:
        r = match(tmp_path, spec)
        assert r.returncode != 0, r.stdout
        assert named in r.stderr, r.stderr


def test_good_options_play(tmp_path):
    r = match(tmp_path, "tengen:playouts=20,threads=1,seed=3,policy=light,resign=0")
    assert r.returncode == 0, r.stderr
    lines = (tmp_path / "m" / "results.jsonl").read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["moves"] > 0
