"""`tengen gtp --config FILE --set name=value,...`: start-up search parameters, as an operator
sets them for KataGo with -config and -override-config (through the real binary)."""
import os

import pytest
from tengen_train.gtp_client import replies, run_session

from repo_scripts import ROOT, tengen_binary

TINY = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v8-resnet.txt.gz")


def gtp(argv, commands):
    binary = tengen_binary()
    if binary is None:
        pytest.skip("no tengen binary built")
    run = run_session([binary, "gtp", *argv], commands, timeout=120, cwd=ROOT)
    return run.returncode, replies(run.stdout), run.stderr


def test_config_then_overrides_set_the_network_engines_parameters(tmp_path):
    cfg = tmp_path / "tengen.cfg"
    cfg.write_text("# operator's file\nmaxVisits = 48\nsearchFactorWhenWinning = 1.0  # full search\n"
                   "nnCacheSizePowerOfTwo = 20\n")
    rc, replies, err = gtp(["--model", TINY, "--config", str(cfg), "--set", "maxVisits=24"],
                           ["kata-get-param maxVisits", "kata-get-param searchFactorWhenWinning",
                            "genmove b"])
    assert rc == 0, err
    assert replies[:2] == ["= 24", "= 1.0"]
    assert replies[2].startswith("= ") and len(replies) == 4  # genmove, then quit's "="
    assert "tengen.cfg:4: unused key 'nnCacheSizePowerOfTwo'" in err


def test_bad_settings_fail_before_any_protocol_output(tmp_path):
    cfg = tmp_path / "bad.cfg"
    cfg.write_text("maxTime = soon\n")
    rc, replies, err = gtp(["--config", str(cfg)], ["name"])
    assert rc != 0 and replies == []
    assert "bad.cfg:1" in err and "maxTime" in err
    rc, replies, err = gtp(["--set", "noSuchParameter=1"], ["name"])
    assert rc != 0 and replies == [] and "noSuchParameter" in err
