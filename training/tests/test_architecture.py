"""The layer table of docs/ARCHITECTURE.md holds: every `import` of a package module in a
target's sources is a dependency that Package.swift declares for that target (SwiftPM itself
lets a target import modules it reaches only indirectly), and the table's "may import" column
names exactly the declared dependencies of each library target."""
import json
import os
import re
import shutil
import subprocess

import pytest

from repo_scripts import ROOT

IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+)*import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?(\w+)", re.M)


@pytest.fixture(scope="module")
def package():
    if shutil.which("swift") is None:
        pytest.skip("no swift toolchain")
    out = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=True).stdout
    return json.loads(out)


def declared(target):
    names = set()
    for dep in target["dependencies"]:
        (kind, value), = dep.items()
        names.add(value[0] if kind in ("byName", "target", "product") else value)
    return names


def source_dir(target):
    if target.get("path"):
        return os.path.join(ROOT, target["path"])
    return os.path.join(ROOT, "Tests" if target["type"] == "test" else "Sources", target["name"])


def test_every_import_of_a_package_module_is_declared(package):
    modules = {t["name"] for t in package["targets"]} | {"ArgumentParser"}
    problems = []
    for t in package["targets"]:
        allowed = declared(t) | {t["name"]}
        for folder, _, files in os.walk(source_dir(t)):
            for f in files:
                if not f.endswith(".swift"):
                    continue
                path = os.path.join(folder, f)
                for m in IMPORT.finditer(open(path, encoding="utf-8").read()):
                    if m.group(1) in modules and m.group(1) not in allowed:
                        problems.append(f"{os.path.relpath(path, ROOT)} imports {m.group(1)}, "
                                        f"which Package.swift does not declare for {t['name']}")
    assert not problems, "\n".join(problems)


def test_the_architecture_table_names_the_declared_dependencies(package):
    table = {}
    for line in open(os.path.join(ROOT, "docs/ARCHITECTURE.md"), encoding="utf-8"):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) == 4 and cells[1].startswith("`"):
            for name in re.findall(r"`(\w+)`", cells[1]):
                table[name] = cells[3]
    modules = {t["name"] for t in package["targets"]}
    for t in package["targets"]:
        if t["type"] == "test" or t["name"] == "TestSupport":
            continue
        assert t["name"] in table, f"{t['name']} is missing from docs/ARCHITECTURE.md"
        doc = table[t["name"]]
        if doc == "everything above":
            continue
        named = {w for w in re.findall(r"\w+", doc) if w in modules}
        assert named == declared(t) & modules, (t["name"], doc, sorted(declared(t)))
