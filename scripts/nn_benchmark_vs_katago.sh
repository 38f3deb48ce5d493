#!/usr/bin/env bash
# Side-by-side NN speed: Tengen's CPU backend vs KataGo (the OpenCL/PoCL build scripts/peers.sh installs)
# on the same machine, one after the other. Needs a release build (swift build -c release).
# Usage: bash scripts/nn_benchmark_vs_katago.sh [MODEL ...]
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/tengen
KATAGO=/opt/peers/bin/katago
CFG=/opt/peers/katago/gtp_cpu.cfg
HOME_DIR=${KATAGO_HOME_DIR:-/tmp/tengen-katago-home}
mkdir -p "$HOME_DIR/opencltuning"
TUNE=$(ls /opt/peers/katago/home/opencltuning/tune*.txt | head -1)
MODELS=("$@")
[ ${#MODELS[@]} -eq 0 ] && MODELS=(/opt/peers/katago/b10c384h6nbttflrs.bin.gz)
for model in "${MODELS[@]}"; do
  echo "################ $model"
  for size in 19 9; do
    echo "=== Tengen, ${size}x${size}"
    "$BIN" benchmark-nn --model "$model" --size "$size" --threads 1,2 --batch 1,8,16,32 --seconds 3
  done
  # Reuse the shipped OpenCL tuning under the name KataGo asks for (skips slow autotuning).
  name=$(printf 'quit\n' | timeout 120 "$KATAGO" gtp -config "$CFG" -model "$model" \
      -override-config "homeDataDir=$HOME_DIR" 2>&1 \
      | sed -n 's/.*No existing tuning parameters found or parseable or valid at: //p' | head -1)
  [ -n "$name" ] && cp "$TUNE" "$name"
  for size in 19 9; do
    visits=$([ "$size" = 19 ] && echo 12 || echo 60)
    echo "=== KataGo OpenCL, ${size}x${size}, 2 threads, $visits visits x 3 positions"
    "$KATAGO" benchmark -config "$CFG" -model "$model" -t 2 -v "$visits" -n 3 -boardsize "$size" \
      -override-config "homeDataDir=$HOME_DIR" 2>&1 | grep -E "numSearchThreads|nnEvals/s|nnBatches/s" | tail -3
  done
done
