"""scripts/requirements_met.py: the check that lets scripts/setup.sh (and so scripts/test.sh)
skip `pip install` when every pinned package is installed and the trainer is installed editable
from this checkout, and run it when not."""
import json
import os
import subprocess
import sys
import time
from importlib import metadata

import pytest

from repo_scripts import ROOT, load_script

SCRIPT = os.path.join(ROOT, "scripts", "requirements_met.py")
R = load_script("scripts/requirements_met.py")


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



def fake_install(tmp_path, url, editable=True, name="fake-proj"):
    """A project folder and a site folder holding its install record, as pip writes them."""
    project = tmp_path / "proj"
    project.mkdir(exist_ok=True)
    (project / "pyproject.toml").write_text(f'[build-system]\nrequires = []\n\n[project]\nname = "{name}"\n'
                                            'version = "1.0"\n\n[tool.x]\nname = "other"\n')
    info = tmp_path / "site" / "fake_proj-1.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-proj\nVersion: 1.0\n")
    (info / "RECORD").write_text("fake_proj-1.0.dist-info/METADATA,,\n")
    (info / "direct_url.json").write_text(json.dumps({"url": url, "dir_info": {"editable": editable}}))
    return project, str(tmp_path / "site")


def test_an_editable_install_from_this_project_is_met(tmp_path):
    project, site = fake_install(tmp_path, (tmp_path / "proj").as_uri())
    assert R.project_name(project) == "fake-proj"
    assert R.editable_unmet(project, [site]) is None


def test_an_install_from_elsewhere_not_editable_or_missing_is_unmet(tmp_path):
    project, site = fake_install(tmp_path, "file:///elsewhere/proj")
    assert R.editable_unmet(project, [site]) == (
        f"fake-proj is not installed editable from {project} (it is from /elsewhere/proj)")
    project, site = fake_install(tmp_path, project.as_uri(), editable=False)
    assert R.editable_unmet(project, [site]) == f"fake-proj is not installed editable from {project}"
    project, site = fake_install(tmp_path, project.as_uri(), name="not-installed-proj")
    assert R.editable_unmet(project, [site]) == "not-installed-proj is not installed"


def test_a_pyproject_changed_since_the_install_is_unmet(tmp_path):
    project, site = fake_install(tmp_path, (tmp_path / "proj").as_uri())
    stamp = os.path.getmtime(tmp_path / "site" / "fake_proj-1.0.dist-info" / "METADATA")
    os.utime(project / "pyproject.toml", (stamp + 10, stamp + 10))
    assert R.editable_unmet(project, [site]) == "fake-proj's pyproject.toml changed since it was installed"


def test_this_checkout_is_installed_editable_and_checked_fast(tmp_path):
    """What scripts/setup.sh asks before running pip: met here (the tests import the package
    installed from this checkout), and answered in well under a second."""
    if not list(metadata.distributions(name="tengen-train")):
        pytest.skip("tengen-train is not installed (the tests run from PYTHONPATH=training)")
    (tmp_path / "empty.txt").write_text("")
    start = time.monotonic()
    run = subprocess.run([sys.executable, SCRIPT, str(tmp_path / "empty.txt"),
                          "--editable", os.path.join(ROOT, "training")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert time.monotonic() - start < 1.0
