#!/usr/bin/env bash
# Runs every Tengen test: the Swift packages' tests, then the Python trainer's tests.
# Usage: bash scripts/test.sh      (from anywhere)
# Installs what the tests need first (scripts/setup.sh: idempotent, about a second when
# everything is there), so that after scripts/start.sh it is the only command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== swift test"
swift test 2>&1 | tee /tmp/tengen-swift-test.log | grep -E '^(✘|✔ Test run|✘ Test run)|error:|Test Suite .* (passed|failed)|Executed' || true
# tee+grep hides the exit status: judge the run from its closing line.
if ! grep -qE '^✔ Test run with [0-9]+ tests? .*passed' /tmp/tengen-swift-test.log; then
  echo "swift test failed; full log: /tmp/tengen-swift-test.log"
  grep -E '✘|error:' /tmp/tengen-swift-test.log | head -50
  exit 1
fi

if [ -d training/tests ]; then
  # The analysis-client test drives the tengen binary (KaTrain's queries over pipes).
  swift build --product tengen 2>&1 | tail -1
  echo "== pytest training/tests"
  python3 -m pytest -q training/tests
fi
