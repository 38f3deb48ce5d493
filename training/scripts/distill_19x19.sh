#!/usr/bin/env bash
# The 19x19 network (docs/NETWORKS.md): the teacher plays distillation games from its raw policy
# and labels every move as it plays it (`tengen selfplay` with rawPolicy), GNU Go games add other
# styles (labelled afterwards), and a b6c96 student starts from the 9x9 network's weights.
#
#   bash training/scripts/distill_19x19.sh RUN_DIR [games|save|restore|gnugo|label|train|all]
#
#   games      SP_HOURS hours (default 1) of distillation games into RUN/games/sp19-SP_TAG (the
#              folder resumes and grows with each call, up to SP_GAMES games; SP_TAG defaults to
#              today's UTC date and also seeds the games, so each day's folder holds new games)
#   save       the labelled records of every sp19-* folder, xz-compressed, into CARRY (default
#              training/carry/distill19): the games outlive the machine in ~2% of the rows' size
#   restore    every folder of CARRY back into RUN/games, its rows made again from the labels
#              (`tengen rows --labelled`, no teacher)
#   STEPS      training steps (default 12000, batch 128)
#
# Needs a release build, the trainer (bash scripts/setup.sh), GNU Go and the teacher that
# scripts/peers.sh installs (TEACHER=... for another KataGo-format network). Every
# stage resumes.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN=${1:?usage: distill_19x19.sh RUN_DIR [games|gnugo|label|train|all]}
STAGE=${2:-all}
T=${TEACHER:-/opt/peers/katago/b10c384h6nbttflrs.bin.gz}
TG=${TENGEN:-.build/release/tengen}
G="gtp:/usr/games/gnugo --mode gtp --chinese-rules --level"
GAMES=$RUN/games
CARRY=${CARRY:-training/carry/distill19}
TAG=${SP_TAG:-$(date -u +%Y%m%d)}
mkdir -p "$GAMES"

if [ "$STAGE" = games ] || [ "$STAGE" = all ]; then
  "$TG" selfplay --model "$T" --out "$GAMES/sp19-$TAG" --games "${SP_GAMES:-5000}" --hours "${SP_HOURS:-1}" \
    --set rawPolicy=true,boardSizes=19,komi=7.5,gamesPerFile=8 --parallel-games 16 --nn-threads 2 \
    --seed "$(printf %s "$TAG" | cksum | cut -d' ' -f1)" --progress-interval 60 2>>"$GAMES/sp19-$TAG.log"
fi
if [ "$STAGE" = save ]; then
  mkdir -p "$CARRY"
  for d in "$GAMES"/sp19-*/; do
    [ -d "$d/sgf" ] && [ -f "$d/selfplay.json" ] || continue
    name=$(basename "$d")
    tar -C "$GAMES" -cf - "$name/sgf" "$name/selfplay.json" | xz -9 > "$CARRY/$name.tar.xz.tmp"
    mv "$CARRY/$name.tar.xz.tmp" "$CARRY/$name.tar.xz"
    echo "saved $name: $(ls "$d/sgf" | wc -l) games, $(du -h "$CARRY/$name.tar.xz" | cut -f1)"
  done
fi
if [ "$STAGE" = restore ]; then
  for f in "$CARRY"/sp19-*.tar.xz; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .tar.xz)
    if [ ! -d "$GAMES/$name/rows" ]; then
      xz -dc "$f" | tar -C "$GAMES" -xf -
      "$TG" rows --labelled --pos-len 19 --out "$GAMES/$name/rows.tmp" "$GAMES/$name/sgf"
      mv "$GAMES/$name/rows.tmp" "$GAMES/$name/rows"
    fi
  done
fi
if [ "$STAGE" = gnugo ] || [ "$STAGE" = all ]; then
  # two lanes: GNU Go levels 1 v 5 and 3 v 8, random openings, colours alternating
  "$TG" match --a "$G 1" --b "$G 5" --games "${GNUGO_GAMES:-30}" --size 19 --komi 7.5 --opening 10 \
    --seed 31 --out "$GAMES/g1g5-19" 2>"$GAMES/g1g5-19.log" &
  "$TG" match --a "$G 3" --b "$G 8" --games "${GNUGO_GAMES:-30}" --size 19 --komi 7.5 --opening 10 \
    --seed 32 --out "$GAMES/g3g8-19" 2>"$GAMES/g3g8-19.log" &
  wait
fi
folders() {
  for d in "$GAMES"/sp19* "$GAMES/g1g5-19" "$GAMES/g3g8-19"; do [ -d "$d" ] && echo "$d"; done
}
if [ "$STAGE" = label ] || [ "$STAGE" = all ]; then
  # shellcheck disable=SC2046
  python3 training/scripts/supervised_games.py --games $(folders) \
    --out "$RUN/sv" --teacher "$T" --teacher-threads 2 --size 19 --rules chinese --opening-moves 10 \
    --prepare-only
fi
if [ "$STAGE" = train ] || [ "$STAGE" = all ]; then
  # shellcheck disable=SC2046
  python3 training/scripts/supervised_games.py --games $(folders) \
    --out "$RUN/sv" --teacher "$T" --teacher-threads 2 --size 19 --rules chinese --opening-moves 10 \
    --preset b6c96 --steps "${STEPS:-12000}" --batch 128 --lr 0.05 --val-every 1000 --threads 2 \
    --init-model networks/history/9x9-v1-distilled.bin.gz --export "$RUN/tengen-19x19.bin.gz"
fi
