#!/usr/bin/env bash
# The 19x19 network (docs/NETWORKS.md): the teacher plays distillation games from its raw policy
# and labels every move as it plays it (`tengen selfplay` with rawPolicy), GNU Go games add other
# styles (labelled afterwards), and a b6c96 student starts from the 9x9 network's weights.
#
#   bash training/scripts/distill_19x19.sh RUN_DIR [games|save|restore|gnugo|label|train|all]
#
#   games, save, restore   the teacher's labelled 19x19 games and their carry
#              (training/scripts/teacher_games.sh: SP_HOURS, SP_GAMES, SP_TAG, CARRY)
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
mkdir -p "$GAMES"

for stage in games save restore; do
  if [ "$STAGE" = $stage ] || { [ $stage = games ] && [ "$STAGE" = all ]; }; then
    TEACHER=$T TENGEN=$TG bash training/scripts/teacher_games.sh 19 "$RUN" $stage
  fi
done
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
