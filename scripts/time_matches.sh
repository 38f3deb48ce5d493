#!/bin/sh
# Time management on real clocks (issue 19, docs/SEARCH.md "Time management"): every match is
# resumable (rerun to continue) and its results.jsonl records each move's seconds per colour;
# scripts/time_report.py turns them into the shares below. Run on a quiet machine.
#   BIN: the tengen binary (default .build/release/tengen); OUT: folder (default runs/time)
#   GAMES: games per clock (default 20); STRENGTH_GAMES: games per strength match (default 100)
#   NET9: the network player's network (default networks/tengen-9x9.bin.gz)
#   THREADS: search threads of the rollout player (default 2)
#   HOGS=2: two CPU-hog processes (`yes`) run beside the matches; the folders get "-hogs"
#   LANES=N: each measurement as N matches at once (folders lane0..), its games split between
#     them (each lane its own openings: every N-th line of the book, or its own seed), one merged
#     report; the clock shares stay meaningful on a busy machine (it is as if hogs ran beside it),
#     and 19x19 byo-yomi (0+3x10 s, about 35 minutes a game) becomes feasible
#   OLD_REF: the commit with the previous time manager (default 36100e3); OLD_BIN: its binary
#     (default: built once into $OUT/old from a git worktree of OLD_REF)
#   PACHI: Pachi 12.90's command (default: pachi); KATAGO: KataGo's GTP command line
# Usage: sh scripts/time_matches.sh [share|share9|share19|strength|peers|smoke]...  (default: share)
#   share     time used as a share of the clock, both engines (network as A, rollouts as B):
#             absolute 20 s and 60 s on 9x9, 300 s on 19x19, byo-yomi 0+5x1 s on 9x9 and
#             0+3x10 s on 19x19; targets: 70-90% of main time, >= 80% of each period, no flag;
#             share9 and share19 are its 9x9 and its 19x19 clocks
#   strength  the new manager against the old at the same clock (absolute 20 s, 9x9), rollouts
#             and network each, both as GTP engines; target >= +50 Elo
#   peers     rollouts vs Pachi and network vs KataGo at byo-yomi 0+5x1 s on 9x9, all on the clock
#   smoke     two 9x9 games at absolute 20 s between two rollout players (a quick check)
set -e
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/tengen}
OUT=${OUT:-runs/time}
GAMES=${GAMES:-20}
STRENGTH_GAMES=${STRENGTH_GAMES:-100}
NET9=${NET9:-networks/tengen-9x9.bin.gz}
THREADS=${THREADS:-2}
OLD_REF=${OLD_REF:-36100e3}
PACHI=${PACHI:-pachi}
KATAGO=${KATAGO:-/opt/peers/bin/katago gtp -config /opt/peers/katago/gtp_cpu.cfg -model /opt/peers/katago/b10c384h6nbttflrs.bin.gz}
BOOK9=benchmarks/openings/9x9-chinese-7.txt
NINE="--size 9 --rules chinese --komi 7 --openings $BOOK9"
NINETEEN="--size 19 --rules chinese --komi 7.5"
NETWORK="tengen:model=$NET9,nnthreads=2,searchthreads=8"
ROLLOUT="tengen:model=none,threads=$THREADS"
SUFFIX=""

# Two busy processes beside the matches (ended by their ids when this script exits).
HOG_PIDS=""
if [ "${HOGS:-0}" -gt 0 ]; then
  SUFFIX="-hogs"
  i=0
  while [ $i -lt "$HOGS" ]; do
    yes > /dev/null &
    HOG_PIDS="$HOG_PIDS $!"
    i=$((i + 1))
  done
  trap 'for p in $HOG_PIDS; do kill $p 2>/dev/null || true; done' EXIT INT TERM
fi

# A match on a clock, then its time report; with LANES > 1, that many matches at once.
timed() {  # name clock games sizeopts a b
  name=$1; clock=$2; games=$3; size=$4; a=$5; b=$6
  lanes=${LANES:-1}
  if [ "$lanes" -le 1 ]; then
    $BIN match --a "$a" --b "$b" --games "$games" $size --time-control "$clock" \
      --out "$OUT/$name$SUFFIX"
    python3 scripts/time_report.py "$OUT/$name$SUFFIX"
    return
  fi
  per=$(( (games + lanes - 1) / lanes )); per=$(( (per + 1) / 2 * 2 ))   # whole colour pairs
  dirs=""; i=0
  while [ $i -lt "$lanes" ]; do
    dir="$OUT/$name$SUFFIX/lane$i"
    mkdir -p "$dir"
    opts=$(echo "$size" | sed "s|--openings $BOOK9|--openings $dir/openings.txt|")
    [ "$opts" = "$size" ] || awk -v n="$lanes" -v k=$i 'NR % n == k' "$BOOK9" > "$dir/openings.txt"
    $BIN match --a "$a" --b "$b" --games "$per" $opts --time-control "$clock" --seed $((i + 1)) \
      --out "$dir" 2>"$dir/match.log" &
    dirs="$dirs $dir"; i=$((i + 1))
  done
  wait
  python3 scripts/time_report.py --merge $dirs
}

# The previous time manager's binary, built once from OLD_REF.
old_bin() {
  if [ -n "$OLD_BIN" ]; then echo "$OLD_BIN"; return; fi
  dir="$OUT/old"
  if [ ! -x "$dir/.build/release/tengen" ]; then
    [ -d "$dir" ] || git worktree add --detach "$dir" "$OLD_REF" >&2
    (cd "$dir" && swift build -c release >&2)
  fi
  echo "$dir/.build/release/tengen"
}

for what in ${@:-share}; do
  case $what in
  share | share9 | share19)
    if [ "$what" != share19 ]; then
      timed share-9x9-abs20 absolute:20 "$GAMES" "$NINE" "$NETWORK" "$ROLLOUT"
      timed share-9x9-abs60 absolute:60 "$GAMES" "$NINE" "$NETWORK" "$ROLLOUT"
      # 1 s periods: an in-process engine has no network lag; 0.1 s covers stopping and scheduling.
      timed share-9x9-byo5x1 byoyomi:0:1:5 "$GAMES" "$NINE" "$NETWORK,lagBuffer=0.1" "$ROLLOUT,lagBuffer=0.1"
    fi
    if [ "$what" != share9 ]; then
      timed share-19x19-abs300 absolute:300 "$GAMES" "$NINETEEN" "$NETWORK" "$ROLLOUT"
      timed share-19x19-byo3x10 byoyomi:0:10:3 "$GAMES" "$NINETEEN" "$NETWORK" "$ROLLOUT"
    fi ;;
  strength)
    OLD=$(old_bin)
    timed strength-rollout-9x9-abs20 absolute:20 "$STRENGTH_GAMES" "$NINE" \
      "gtp:$BIN gtp --model none --threads $THREADS" "gtp:$OLD gtp --model none --threads $THREADS"
    timed strength-network-9x9-abs20 absolute:20 "$STRENGTH_GAMES" "$NINE" \
      "gtp:$BIN gtp --model $NET9 --search-threads 8 --nn-threads 2" \
      "gtp:$OLD gtp --model $NET9 --search-threads 8 --nn-threads 2" ;;
  peers)
    timed peers-rollout-pachi-9x9-byo5x1 byoyomi:0:1:5 "$GAMES" "$NINE" \
      "$ROLLOUT,lagBuffer=0.1" "gtp:$PACHI threads=$THREADS"
    timed peers-network-katago-9x9-byo5x1 byoyomi:0:1:5 "$GAMES" "$NINE" \
      "$NETWORK,lagBuffer=0.1" "gtp:$KATAGO -override-config maxVisits=100000000,maxPlayouts=100000000" ;;
  smoke)
    timed smoke-9x9-abs20 absolute:20 2 "--size 9 --rules chinese --komi 7" \
      "tengen:model=none,threads=1" "tengen:model=none,threads=1,seed=2" ;;
  *) echo "unknown measurement '$what'" >&2; exit 2 ;;
  esac
done
