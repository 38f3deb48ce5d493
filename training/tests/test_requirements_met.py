"""scripts/requirements_met.py: the check that lets scripts/setup.sh (and so scripts/test.sh)
skip `pip install -r` when every pinned package is installed, and run it when one is not."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "scripts", "requirements_met.py")


def check(tmp_path, text):
    path = tmp_path / "requirements.txt"
    path.write_text(text)
    run = subprocess.run([sys.executable, SCRIPT, str(path)], capture_output=True, text=True)
    return run.returncode, run.stderr.strip()


def test_met_when_every_pin_is_installed_comments_and_blank_lines_ignored(tmp_path):
    text = f"# a comment\n\npytest=={pytest.__version__}  # trailing comment\nnumpy\n"
    assert check(tmp_path, text) == (0, "")


def test_a_missing_package_is_named(tmp_path):
    rc, err = check(tmp_path, f"pytest=={pytest.__version__}\nsurely-not-installed-xyz==1.0\n")
    assert rc == 1
    assert err == "requirements not met: surely-not-installed-xyz is not installed"


def test_another_installed_version_is_unmet(tmp_path):
    rc, err = check(tmp_path, "pytest==0.0.1\n")
    assert rc == 1
    assert err == f"requirements not met: pytest is {pytest.__version__}, not 0.0.1"

