"""The repository's scripts (scripts/*.py, training/scripts/*.py) as modules, imported by their
path: tests call a script's functions without putting script folders on sys.path."""
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_script(relpath):
    """The script at `relpath` (from the repository root) as a module named after its file;
    imported once, like any module."""
    name = os.path.splitext(os.path.basename(relpath))[0]
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, relpath))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module   # before running it: dataclasses look their module up
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
    return sys.modules[name]


def tengen_binary():
    """The tengen executable the tests drive: $TENGEN_BIN when set (None if it does not exist),
    else the newer of .build/release/tengen and .build/debug/tengen (a stale release build left
    behind by an older checkout must not be tested in place of the fresh debug one), else None."""
    env = os.environ.get("TENGEN_BIN")
    if env:
        return env if os.path.exists(env) else None
    built = [os.path.join(ROOT, ".build", c, "tengen") for c in ("release", "debug")]
    built = [p for p in built if os.path.exists(p)]
    return max(built, key=os.path.getmtime) if built else None
