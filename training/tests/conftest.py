import os

import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: long-running; runs only with TENGEN_SLOW=1")
    # The tests import the installed package (scripts/setup.sh: `pip install -e training`). On
    # a machine with several checkouts it may be installed from another one: refuse to test
    # that code in this checkout's name.
    try:
        import tengen_train
    except ImportError:
        raise pytest.UsageError("tengen_train is not installed: run `bash scripts/setup.sh` "
                                "(or `pip install -e training`)") from None
    found = os.path.dirname(os.path.dirname(os.path.abspath(tengen_train.__file__)))
    if os.path.realpath(found) != os.path.realpath(TRAINING):
        raise pytest.UsageError(f"tengen_train is imported from {found}, not from this checkout "
                                f"({TRAINING}): run `bash scripts/setup.sh` here (or "
                                f"`pip install -e {TRAINING}`)")
