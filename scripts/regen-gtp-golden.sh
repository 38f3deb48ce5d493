#!/bin/sh
# Rewrites Tests/Fixtures/gtp/*.expected from the current GTP behaviour. Review the diff!
set -e
cd "$(dirname "$0")/.."
GTP_GOLDEN_REGENERATE=1 swift test --filter GoldenTranscriptTests
git --no-pager diff --stat -- Tests/Fixtures/gtp
