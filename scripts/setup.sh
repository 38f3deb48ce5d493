#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine with Swift 6.3 lacks for building and testing Tengen.
# Idempotent and fast when everything is there (no apt-get or pip run then); run as root when
# an apt package is missing. With --engine-only, skips the Python trainer and its packages (PyTorch
# is a large download that playing does not need). scripts/test.sh runs it first.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=""
for p in pkg-config zlib1g-dev libopenblas-dev gnugo; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ "${1:-}" != "--engine-only" ]; then
  # The browser tests of `tengen serve` (docs/WEB.md) drive Debian's headless Chromium.
  for p in chromium chromium-driver; do
    dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
  done
fi
if [ -n "$need" ]; then
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need
fi
if [ "${1:-}" != "--engine-only" ] && [ -f training/requirements.txt ]; then
  # The pinned packages, and the trainer package tengen_train installed editable from this
  # checkout (so `python3 -m tengen_train.loop` and the scripts import it from anywhere). Checks
  # what is installed first: pip itself takes seconds even when nothing is missing.
  if ! python3 scripts/requirements_met.py training/requirements.txt --editable training; then
    python3 -m pip install -q --disable-pip-version-check -r training/requirements.txt -e training
  fi
fi
