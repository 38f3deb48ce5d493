#!/usr/bin/env bash
# Distillation games of the teacher network on one board size, kept across machines as labelled
# records (docs/SELFPLAY.md, "Labelled records"). Used by distill_9x9.sh and distill_19x19.sh.
#
#   bash training/scripts/teacher_games.sh SIZE RUN_DIR games|save|restore
#
#   games    SP_HOURS hours (default 1) of games into RUN/games/spSIZE-SP_TAG: the teacher plays
#            from its raw policy and labels every move as it plays it (`tengen selfplay` with
#            rawPolicy). The folder resumes and grows with each call, up to SP_GAMES games
#            (default 5000); SP_TAG defaults to the UTC date and time of the call and also seeds
#            the games, so every call plays new games into a new folder (a restored folder is
#            never played into: `tengen selfplay` would drop its records, which have no index).
#   save     the labelled records and selfplay.json of every spSIZE-* folder, xz-compressed, into
#            CARRY (default training/carry/distillSIZE): ~2% of the rows' size
#   restore  every folder of CARRY back into RUN/games, its rows made again from the labels
#            (`tengen rows --labelled`, no teacher)
#
# TEACHER: the network (default: the KataGo network scripts/peers.sh installs); TENGEN: the
# binary (default .build/release/tengen); KOMI (default 7.5 on 19x19, 7 otherwise).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=${1:?usage: teacher_games.sh SIZE RUN_DIR games|save|restore}
RUN=${2:?usage: teacher_games.sh SIZE RUN_DIR games|save|restore}
STAGE=${3:?usage: teacher_games.sh SIZE RUN_DIR games|save|restore}
T=${TEACHER:-/opt/peers/katago/b10c384h6nbttflrs.bin.gz}
TG=${TENGEN:-.build/release/tengen}
GAMES=$RUN/games
CARRY=${CARRY:-training/carry/distill$SIZE}
TAG=${SP_TAG:-$(date -u +%Y%m%d-%H%M%S)}
PREFIX=sp$SIZE
if [ "$SIZE" = 19 ]; then KOMI=${KOMI:-7.5}; else KOMI=${KOMI:-7}; fi
mkdir -p "$GAMES"

case $STAGE in
games)
  "$TG" selfplay --model "$T" --out "$GAMES/$PREFIX-$TAG" --games "${SP_GAMES:-5000}" --hours "${SP_HOURS:-1}" \
    --set "rawPolicy=true,boardSizes=$SIZE,komi=$KOMI,gamesPerFile=8" --parallel-games 16 --nn-threads 2 \
    --seed "$(printf %s "$TAG" | cksum | cut -d' ' -f1)" --progress-interval 60 \
    2>>"$GAMES/$PREFIX-$TAG.log" ;;
save)
  mkdir -p "$CARRY"
  for d in "$GAMES/$PREFIX"-*/; do
    [ -d "$d/sgf" ] && [ -f "$d/selfplay.json" ] || continue
    name=$(basename "$d")
    # Beside a live run the folder changes as tar reads it (tar's status 1): every record in it
    # is whole (written to a temporary name, then renamed).
    tar -C "$GAMES" --warning=no-file-changed -cf "$CARRY/$name.tar.tmp" "$name/sgf" "$name/selfplay.json" \
      || [ $? -eq 1 ]
    xz -9 -f "$CARRY/$name.tar.tmp"
    mv "$CARRY/$name.tar.tmp.xz" "$CARRY/$name.tar.xz"
    echo "saved $name: $(find "$d/sgf" -name '*.sgf' | wc -l) games, $(du -h "$CARRY/$name.tar.xz" | cut -f1)"
  done ;;
restore)
  for f in "$CARRY/$PREFIX"-*.tar.xz; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .tar.xz)
    if [ ! -d "$GAMES/$name/rows" ]; then
      xz -dc "$f" | tar -C "$GAMES" -xf -
      rm -rf "$GAMES/$name/rows.tmp"
      "$TG" rows --labelled --pos-len "$SIZE" --out "$GAMES/$name/rows.tmp" "$GAMES/$name/sgf"
      mv "$GAMES/$name/rows.tmp" "$GAMES/$name/rows"
    fi
  done ;;
*) echo "unknown stage '$STAGE' (games, save, restore)" >&2; exit 2 ;;
esac
