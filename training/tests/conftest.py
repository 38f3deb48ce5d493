import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# tests run from the repository root without installing the package
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: long-running; runs only with TENGEN_SLOW=1")
