"""configs/gtp_example.cfg is what `tengen gtp --print-config` prints (so it is never stale),
names every parameter each engine lists in `kata-list-params`, and every value in it is one the
engine accepts (each section, uncommented, loads with --config without a warning)."""
import os
import re
import subprocess

import pytest
from tengen_train.gtp_client import replies, run_session

from repo_scripts import ROOT, tengen_binary

CONFIG = os.path.join(ROOT, "configs", "gtp_example.cfg")
TINY = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v6.bin.gz")
ENGINES = {  # section title prefix -> the tengen gtp options of that engine
    "Network engine": ["--model", TINY],
    # One thread: --print-config writes the rollout engine's threads for one core.
    "Rollout engine": ["--model", "none", "--threads", "1"],
}


def binary():
    path = tengen_binary()
    if path is None:
        pytest.skip("no tengen binary built")
    return path


def gtp(options, commands, config=None):
    argv = [binary(), "gtp", *options] + (["--config", config] if config else [])
    return run_session(argv, commands, timeout=120, cwd=ROOT)


def sections(path=CONFIG):
    """{section title: [(name, value)]} of the commented-out `# name = value` lines."""
    found, title = {}, None
    lines = open(path, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith("# ===") and i + 1 < len(lines) and not lines[i + 1].startswith("# ==="):
            if title is None or found[title]:
                title = lines[i + 1][2:]
                found[title] = []
            continue
        m = re.fullmatch(r"# (\w+) = (\S+)", line)
        if m and title is not None:
            found[title].append((m.group(1), m.group(2)))
    return found


def test_the_file_is_what_print_config_prints():
    r = subprocess.run([binary(), "gtp", "--print-config"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    with open(CONFIG, encoding="utf-8") as f:
        assert f.read() == r.stdout, \
            "configs/gtp_example.cfg is stale: .build/release/tengen gtp --print-config > configs/gtp_example.cfg"


@pytest.mark.parametrize("prefix", sorted(ENGINES))
def test_every_parameter_is_in_the_file_with_a_doc_and_an_accepted_value(tmp_path, prefix):
    by_title = sections()
    title = next(t for t in by_title if t.startswith(prefix))
    entries = by_title[title]
    r = gtp(ENGINES[prefix], ["kata-list-params"])
    assert r.returncode == 0, r.stderr
    listed = replies(r.stdout)[0][2:].split()
    assert [name for name, _ in entries] == listed, f"{title}: parameters missing or out of order"
    # Each entry has its doc line with the accepted values in brackets just above it.
    text = open(CONFIG, encoding="utf-8").read()
    for name, value in entries:
        assert re.search(rf"\n# [^\n]+ \[[^\n]+\]\n# {name} = ", text), name
    # Uncommented, the section is a valid config for its engine: no warning, no error.
    config = tmp_path / "section.cfg"
    config.write_text("".join(f"{name} = {value}\n" for name, value in entries))
    r = gtp(ENGINES[prefix], ["kata-list-params"], str(config))
    assert r.returncode == 0, r.stderr
    assert "warning" not in r.stderr and "Invalid" not in r.stderr, r.stderr


def test_a_parameter_missing_from_the_file_is_noticed(tmp_path):
    # The check above compares the parsed names with kata-list-params: a file without an entry
    # parses without it (so the comparison fails), the entries around it intact.
    text = open(CONFIG, encoding="utf-8").read()
    shortened = tmp_path / "gtp_example.cfg"
    shortened.write_text(re.sub(r"\n# [^\n]+\n# lcbStdevs = [^\n]+\n", "\n", text))
    by_title = sections(str(shortened))
    names = [n for n, _ in next(v for t, v in by_title.items() if t.startswith("Network engine"))]
    assert "lcbStdevs" not in names and "useLcbForSelection" in names
