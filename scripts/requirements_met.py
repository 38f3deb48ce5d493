"""Says whether a pip requirements file is already satisfied, without importing anything.

Usage: python3 scripts/requirements_met.py training/requirements.txt [--editable training]

Exits 0 when every requirement is installed (at exactly the pinned version for `name==version`
lines; present for any other line) and, with --editable DIR, the project in DIR (its
pyproject.toml) is installed editable from DIR itself and not older than that pyproject.toml;
else 1 after naming the first thing that is not so on stderr. It reads installed distributions'
metadata (a few milliseconds), so `scripts/setup.sh` and `scripts/test.sh` run `pip install`
only when something is missing, at another version, or installed from another checkout.
"""

import json
import os
import re
import sys
from importlib import metadata
from urllib.parse import unquote, urlparse


def unmet(lines):
    """The first requirement in `lines` that is not installed as pinned, or None."""
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(==\s*([^\s;]+))?", line)
        if not match:
            return f"{line} (not understood)"
        name, pinned = match.group(1), match.group(3)
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            return f"{name} is not installed"
        if pinned and installed != pinned:
            return f"{name} is {installed}, not {pinned}"
    return None


def project_name(project_dir):
    """The `name` of the [project] table of project_dir/pyproject.toml."""
    with open(os.path.join(project_dir, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    table = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    name = table and re.search(r"^name\s*=\s*[\"']([^\"']+)[\"']", table.group(1), re.M)
    if not name:
        raise ValueError(f"{project_dir}/pyproject.toml names no [project] name")
    return name.group(1)


def editable_unmet(project_dir, path=None):
    """Why the project in `project_dir` is not installed editable from there (None when it is).
    `path`: where to look for installed distributions (default sys.path)."""
    project_dir = os.path.realpath(project_dir)
    name = project_name(project_dir)
    dist = next(iter(metadata.distributions(name=name, path=path or sys.path)), None)
    if dist is None:
        return f"{name} is not installed"
    try:
        url = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        url = {}
    where = urlparse(url.get("url", ""))
    source = os.path.realpath(unquote(where.path)) if where.scheme == "file" else None
    if source != project_dir or not url.get("dir_info", {}).get("editable"):
        return f"{name} is not installed editable from {project_dir}" + (
            f" (it is from {source})" if source and source != project_dir else "")
    # Installing writes the metadata: a pyproject.toml changed since (dependencies, entry
    # points) needs another install.
    stamp = next((dist.locate_file(f) for f in dist.files or [] if f.name == "METADATA"), None)
    if stamp is None or os.path.getmtime(stamp) < os.path.getmtime(
            os.path.join(project_dir, "pyproject.toml")):
        return f"{name}'s pyproject.toml changed since it was installed"
    return None


def main(argv):
    args = argv[1:]
    editable = None
    if len(args) == 3 and args[1] == "--editable":
        editable = args[2]
        args = args[:1]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        missing = unmet(f)
    if not missing and editable:
        missing = editable_unmet(editable)
    if missing:
        print(f"requirements not met: {missing}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
