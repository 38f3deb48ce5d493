#!/usr/bin/env bash
# Reproduces the bundled 9x9 networks (docs/NETWORKS.md). v1 (stages games..train, "all"):
# varied 9x9 games, every position labelled by the teacher network, a b6c96 student trained on
# them, held out by game. v2 (stage v2): v1 trained further on the teacher's labelled games.
#
#   bash training/scripts/distill_9x9.sh RUN_DIR [games|set NAME|teacher|save|restore|label|train|all|v2]
#
#   v2                       the second bundled network: the first (networks/history/
#                            9x9-v1-distilled.bin.gz) trained further on the teacher's own games
#                            alone (every sp9-* folder: restore them from the carry first) ->
#                            RUN/v2/tengen-9x9-v2.bin.gz
#
#   teacher, save, restore   more games of the teacher against itself, labelled as it plays them,
#                            and their carry (training/scripts/teacher_games.sh 9: SP_HOURS,
#                            SP_GAMES, SP_TAG, CARRY); label and train use every sp9-* folder too
#
# Needs a release build (swift build -c release), the trainer (bash scripts/setup.sh), GNU Go,
# and the teacher that scripts/peers.sh installs (TEACHER=... to use another
# KataGo-format network).
# Every stage resumes: matches continue from their results.jsonl, labelled folders are skipped,
# training continues from its newest checkpoint. Stage "games" runs two lanes at once (2 cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN=${1:?usage: distill_9x9.sh RUN_DIR [games|set NAME|teacher|save|restore|label|train|all|v2]}
STAGE=${2:-all}
T=${TEACHER:-/opt/peers/katago/b10c384h6nbttflrs.bin.gz}
TG=${TENGEN:-.build/release/tengen}
G="gtp:/usr/games/gnugo --mode gtp --chinese-rules --level"
GAMES=$RUN/games
mkdir -p "$GAMES"

# name | engine A | engine B | games | random opening moves | komi | seed
SETS=(
  "tt11|tengen:model=$T,visits=1,nnthreads=1|tengen:model=$T,visits=1,nnthreads=1,symmetry=random|500|8|7.5|11"
  "g1g6|$G 1|$G 6|300|6|7.5|21"
  "tg10|tengen:model=$T,visits=1,nnthreads=1|$G 10|150|6|7|23"
  "g3g10|$G 3|$G 10|120|4|7|22"
  "rt|tengen:threads=1,playouts=2000|tengen:model=$T,visits=1,nnthreads=1,symmetry=random|60|4|7|24"
  "tt12|tengen:model=$T,visits=1,nnthreads=1|tengen:model=$T,visits=1,nnthreads=1,symmetry=random|500|8|7|12"
)

play() {   # play the sets whose index has parity $1 (two lanes), or only set $2 when given
  local i=0
  for s in "${SETS[@]}"; do
    if { [ -z "${2:-}" ] && [ $((i % 2)) -eq "$1" ]; } || [ "${s%%|*}" = "${2:-}" ]; then
      IFS='|' read -r name a b n opening komi seed <<<"$s"
      "$TG" match --a "$a" --b "$b" --games "$n" --size 9 --komi "$komi" --opening "$opening" \
        --seed "$seed" --out "$GAMES/$name" 2>"$GAMES/$name.log"
    fi
    i=$((i + 1))
  done
}

folders() {
  for s in "${SETS[@]}"; do [ -d "$GAMES/${s%%|*}" ] && echo "$GAMES/${s%%|*}"; done
  for d in "$GAMES"/sp9-*; do [ -d "$d" ] && echo "$d"; done
}

case $STAGE in
teacher) TEACHER=$T TENGEN=$TG bash training/scripts/teacher_games.sh 9 "$RUN" games ;;
save | restore) TEACHER=$T TENGEN=$TG bash training/scripts/teacher_games.sh 9 "$RUN" "$STAGE" ;;
esac

if [ "$STAGE" = games ] || [ "$STAGE" = all ]; then
  play 0 & play 1 & wait
elif [ "$STAGE" = set ]; then   # one set by name: distill_9x9.sh RUN set NAME
  play 0 "$3"
fi
if [ "$STAGE" = label ] || [ "$STAGE" = all ]; then
  # shellcheck disable=SC2046
  python3 training/scripts/supervised_games.py --games $(folders) \
    --out "$RUN/sv" --teacher "$T" --teacher-threads 2 --size 9 --rules chinese --prepare-only
fi
if [ "$STAGE" = train ] || [ "$STAGE" = all ]; then
  # shellcheck disable=SC2046
  python3 training/scripts/supervised_games.py --games $(folders) \
    --out "$RUN/sv" --teacher "$T" --teacher-threads 2 --size 9 --rules chinese \
    --preset b6c96 --steps "${STEPS:-6000}" --batch 128 --lr 0.05 --val-every 500 --threads 2 \
    --export "$RUN/tengen-9x9.bin.gz"
fi
if [ "$STAGE" = v2 ]; then
  # shellcheck disable=SC2046
  python3 training/scripts/supervised_games.py --games $(ls -d "$GAMES"/sp9-*) \
    --out "$RUN/v2" --size 9 --rules chinese --preset b6c96 --steps "${STEPS:-4000}" --batch 128 \
    --lr 0.02 --val-every 500 --threads 2 --init-model networks/history/9x9-v1-distilled.bin.gz \
    --export "$RUN/v2/tengen-9x9-v2.bin.gz"
fi
