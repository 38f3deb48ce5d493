"""Says whether a pip requirements file is already satisfied, without importing anything.

Usage: python3 scripts/requirements_met.py training/requirements.txt

Exits 0 when every requirement is installed (at exactly the pinned version for `name==version`
lines; present for any other line), else 1 after naming the first one that is not on stderr.
It reads installed distributions' metadata (a few milliseconds), so `scripts/setup.sh` and
`scripts/test.sh` run `pip install -r` only when something is missing or at another version.
"""

import re
import sys
from importlib import metadata


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


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        missing = unmet(f)
    if missing:
        print(f"requirements not met: {missing}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
