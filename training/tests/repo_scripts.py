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
