#!/usr/bin/env bash
# Regenerates the NN fixtures: tiny models, positions, and real KataGo's outputs for them.
# Needs numpy, GNU Go and KataGo from scripts/peers.sh (not needed to run the tests).
# Usage: bash scripts/nn_record_fixtures.sh [--real]   (--real also records the big net)
set -euo pipefail
cd "$(dirname "$0")/.."
FIX=Tests/Fixtures/nn
HOME_DIR=${KATAGO_HOME_DIR:-/tmp/tengen-katago-home}
mkdir -p "$HOME_DIR/opencltuning"
TUNE=$(ls /opt/peers/katago/home/opencltuning/tune*.txt | head -1)
python3 scripts/nn_tiny_models.py "$FIX"
[ -f "$FIX/positions-tiny.json" ] || python3 scripts/nn_positions.py "$FIX/positions-tiny.json" --tiny
# Models before v7 accept only area scoring with superko and no tax (KataGo refuses other
# rules): they get the same positions with the nearest such rules.
[ -f "$FIX/positions-tiny-old.json" ] || python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
nearest = {"chinese": "chinese-ogs", "japanese": "goe", "stone-scoring": "chinese-ogs"}
for x in p:
    x["rules"] = nearest.get(x["rules"], x["rules"])
json.dump(p, open(sys.argv[2], "w"), indent=1)
' "$FIX/positions-tiny.json" "$FIX/positions-tiny-old.json"
for model in tiny-v8-resnet.txt.gz tiny-v10-text.txt tiny-v11-mish.bin tiny-v14-nested.bin.gz \
             tiny-v15-transformer.bin.gz tiny-v16-mixed.bin.gz tiny-v17-mixed.bin.gz \
             tiny-v3.bin.gz tiny-v5.txt.gz tiny-v6.bin.gz tiny-v7.bin.gz; do
  positions=positions-tiny.json
  case $model in tiny-v3.*|tiny-v5.*|tiny-v6.*) positions=positions-tiny-old.json ;; esac
  # Reuse the shipped OpenCL tuning under the name KataGo looks for (skips slow autotuning).
  name=$(printf 'quit\n' | timeout 60 /opt/peers/bin/katago gtp -config /opt/peers/katago/gtp_cpu.cfg \
      -model "$FIX/$model" -override-config "homeDataDir=$HOME_DIR" 2>&1 \
      | sed -n 's/.*No existing tuning parameters found or parseable or valid at: //p' | head -1 || true)
  if [ -n "$name" ]; then cp "$TUNE" "$name"; fi
  python3 scripts/nn_record_katago.py "$FIX/$model" "$FIX/$positions" \
      "$FIX/katago-${model%%.*}.json" --home "$HOME_DIR" > /dev/null
  echo "recorded $model"
done
if [ "${1:-}" = "--real" ]; then
  [ -f "$FIX/positions-real.json" ] || python3 scripts/nn_positions.py "$FIX/positions-real.json"
  python3 scripts/nn_record_katago.py /opt/peers/katago/b10c384h6nbttflrs.bin.gz \
      "$FIX/positions-real.json" "$FIX/katago-b10c384h6nbttflrs.json"
  echo "recorded b10c384h6nbttflrs"
fi
