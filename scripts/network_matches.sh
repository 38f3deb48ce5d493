#!/bin/sh
# Issue 4's matches with the network player (resumable: rerun to continue; results under runs/).
#   NET: a KataGo-format network (default: the one scripts/peers.sh installs)
#   BIN: the tengen binary (default: .build/release/tengen)
#   OPENINGS: the 9x9 opening book of the KataGo matches (balanced by scripts/make_openings.py)
#   KATA_GAMES: games of the equal-visit KataGo match (default 100; raise it to extend the run)
#   KATA_OUT: that match's folder (default runs/kata-9x9-16v-book; a new one for a new binary)
# Usage: sh scripts/network_matches.sh [blitz|gnugo9|gnugo19|katago|katago-time|katago-control]...
#        (default: all)
set -e
cd "$(dirname "$0")/.."
NET=${NET:-/opt/peers/katago/b10c384h6nbttflrs.bin.gz}
BIN=${BIN:-.build/release/tengen}
GNUGO="gtp:/usr/games/gnugo --mode gtp --level 10 --chinese-rules"
OPENINGS=${OPENINGS:-benchmarks/openings/9x9-chinese-7.5.txt}
KATA_GAMES=${KATA_GAMES:-100}
KATA_OUT=${KATA_OUT:-runs/kata-9x9-16v-book}
KATAGO_GTP="gtp:/opt/peers/bin/katago gtp -config /opt/peers/katago/gtp_cpu.cfg -model $NET"
for what in ${@:-blitz gnugo9 gnugo19 katago katago-time}; do
  case $what in
  blitz)
    $BIN match --a "tengen:model=$NET,nnthreads=2,searchthreads=8" --b "$GNUGO" --games 10 \
      --size 9 --rules chinese --time-control absolute:60 --out runs/blitz-abs60
    $BIN match --a "tengen:model=$NET,nnthreads=2,searchthreads=8" --b "$GNUGO" --games 10 \
      --size 9 --rules chinese --time-control byoyomi:10:5:5 --out runs/blitz-byo ;;
  gnugo9)
    $BIN match --a "tengen:model=$NET,nnthreads=2,searchthreads=8,time=1" --b "$GNUGO" \
      --games 40 --size 9 --rules chinese --out runs/gnugo-9x9-nn1s ;;
  gnugo19)
    $BIN match --a "tengen:model=$NET,visits=16,searchthreads=2,nnthreads=2" --b "$GNUGO" \
      --games 20 --size 19 --rules chinese --out runs/gnugo-19x19-nn16v ;;
  katago)
    $BIN match --a "tengen:model=$NET,visits=16,searchthreads=2" \
      --b "$KATAGO_GTP -override-config maxVisits=16" --games $KATA_GAMES --size 9 --rules chinese \
      --openings $OPENINGS --out $KATA_OUT ;;
  katago-time)
    $BIN match --a "tengen:model=$NET,time=2,searchthreads=8,nnthreads=2" \
      --b "$KATAGO_GTP -override-config maxVisits=100000,maxTime=2" --games 40 --size 9 \
      --rules chinese --openings $OPENINGS --out runs/kata-9x9-time2-book ;;
  katago-control)
    # KataGo against itself on the same book and settings: what "equal" looks like (Elo ~0).
    $BIN match --a "$KATAGO_GTP -override-config maxVisits=16" \
      --b "$KATAGO_GTP -override-config maxVisits=16" --games $KATA_GAMES --size 9 \
      --rules chinese --openings $OPENINGS --out runs/kata-vs-kata-16v-book ;;
  *) echo "unknown match '$what'" >&2; exit 2 ;;
  esac
done
