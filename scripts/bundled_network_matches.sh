#!/bin/sh
# Strength of the bundled networks (docs/NETWORKS.md), every match resumable: rerun to continue.
#   NET9: the 9x9 network (default networks/tengen-9x9.bin.gz); BIN: the tengen binary
#   OUT: folder for the match folders (default runs/networks)
# Usage: sh scripts/bundled_network_matches.sh [gnugo9|rollout9|katago9|gnugo19]... (default: all)
set -e
cd "$(dirname "$0")/.."
NET9=${NET9:-networks/tengen-9x9.bin.gz}
BIN=${BIN:-.build/release/tengen}
OUT=${OUT:-runs/networks}
BOOK9=benchmarks/openings/9x9-chinese-7.txt
GNUGO="gtp:/usr/games/gnugo --mode gtp --level 10 --chinese-rules"
KATAGO="gtp:/opt/peers/bin/katago gtp -config /opt/peers/katago/gtp_cpu.cfg -model /opt/peers/katago/b10c384h6nbttflrs.bin.gz"
NINE="--size 9 --rules chinese --komi 7 --openings $BOOK9"
for what in ${@:-gnugo9 rollout9 katago9}; do
  case $what in
  gnugo9)    # 1 s/move, 2 threads; target >= 95% over 40 games
    $BIN match --a "tengen:model=$NET9,time=1,nnthreads=2,searchthreads=8" --b "$GNUGO" \
      --games 40 $NINE --out "$OUT/gnugo10-9x9-1s" ;;
  rollout9)  # the rollout player at the same time and threads; target >= 90% over 40 games
    $BIN match --a "tengen:model=$NET9,time=1,nnthreads=2,searchthreads=8" \
      --b "tengen:threads=2,time=1" --games 40 $NINE --out "$OUT/rollout-9x9-1s" ;;
  katago9)   # equal time, 2 s/move: KataGo 1.18.1 as scripts/peers.sh installs it
    $BIN match --a "tengen:model=$NET9,time=2,nnthreads=2,searchthreads=8" \
      --b "$KATAGO -override-config maxVisits=100000,maxTime=2" --games 40 $NINE \
      --out "$OUT/katago-9x9-2s" ;;
  gnugo19)   # 2 s/move with the network bundled for 19x19 (nearest size)
    $BIN match --a "tengen:time=2,nnthreads=2,searchthreads=8,model=$(ls networks/tengen-19x19.bin.gz 2>/dev/null || echo $NET9)" \
      --b "$GNUGO" --games 20 --size 19 --rules chinese --komi 7.5 --out "$OUT/gnugo10-19x19-2s" ;;
  *) echo "unknown match '$what'" >&2; exit 2 ;;
  esac
done
