#!/usr/bin/env bash
# Sets up a fresh machine, builds a release binary and starts Tengen as a GTP engine on
# stdin/stdout, playing with the network in networks/ that fits the board size (`--model none`:
# the rollout player; `--model FILE`: another KataGo-format network). Extra arguments go to
# `tengen gtp`, e.g.: bash scripts/start.sh --time 5
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --engine-only >&2
swift build -c release --product tengen >&2
exec .build/release/tengen gtp "$@"
