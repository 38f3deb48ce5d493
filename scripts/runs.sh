#!/bin/sh
# The long runs that outlive a machine (docs/TRAINING.md, "Runs that span machines"): each has a
# run folder under runs/ on this machine and a small committed carry it goes on from.
#
#   sh scripts/runs.sh start [NAME...]   for each run: restore it from its carry when runs/ has
#                                        no folder for it, pin a copy of the release binary, and
#                                        start it in the background (its log: runs/NAME.out)
#   sh scripts/runs.sh save [NAME...]    write each run's carry (safe beside a live run)
#   sh scripts/runs.sh status [NAME...]  one line a run: stage, generation or games
#
# Runs (default: zero9b d19): zero9b  the 9x9 loop from random weights   (training/carry/zero9b)
#                             boot9   the 9x9 loop from the distilled net (training/carry/boot9)
#                             d19     19x19 teacher games                 (training/carry/distill19)
#                             d9      9x9 teacher games                   (training/carry/distill9)
# Needs the release build (swift build -c release), the trainer (bash scripts/setup.sh) and the
# peers (bash scripts/peers.sh). SP_HOURS: hours of teacher games per start (default 2).
set -e
cd "$(dirname "$0")/.."
ACTION=${1:?usage: runs.sh start|save|status [NAME...]}
shift
NAMES=${*:-zero9b d19}
BIN=.build/release/tengen

pinned() {  # a copy of the release binary that a rebuild does not change under a live run
  mkdir -p runs/bin
  hash=$(git rev-parse --short HEAD)
  [ -x "runs/bin/tengen-$hash" ] || cp "$BIN" "runs/bin/tengen-$hash"
  echo "$PWD/runs/bin/tengen-$hash"
}

carry_of() {
  case $1 in
  zero9b) echo training/carry/zero9b ;;
  boot9) echo training/carry/boot9 ;;
  d19) echo training/carry/distill19 ;;
  d9) echo training/carry/distill9 ;;
  *) echo "unknown run '$1' (zero9b, boot9, d19, d9)" >&2; exit 2 ;;
  esac
}

for name in $NAMES; do
  carry=$(carry_of "$name")
  case $ACTION in
  start)
    if [ "$name" = d19 ] || [ "$name" = d9 ]; then
      size=${name#d}
      TENGEN=$(pinned) bash training/scripts/teacher_games.sh "$size" "runs/$name" restore
      SP_HOURS=${SP_HOURS:-2} TENGEN=$(pinned) nohup nice -n 5 \
        bash training/scripts/teacher_games.sh "$size" "runs/$name" games > "runs/$name.out" 2>&1 &
    else
      if [ ! -f "runs/$name/status.json" ]; then
        [ -f "$carry/status.json" ] || { echo "$name: no run folder and no carry" >&2; exit 1; }
        python3 -c 'import sys; from tengen_train.loop import restore_carry; restore_carry(sys.argv[1], sys.argv[2])' \
          "$carry" "runs/$name"
      fi
      sed -i "s|^tengen *=.*|tengen = $(pinned)|" "runs/$name/loop.cfg"
      nohup nice -n 5 python3 -m tengen_train.loop --run "runs/$name" > "runs/$name.out" 2>&1 &
    fi
    echo "$name: started (runs/$name.out)" ;;
  save)
    if [ "$name" = d19 ] || [ "$name" = d9 ]; then
      bash training/scripts/teacher_games.sh "${name#d}" "runs/$name" save
    elif [ -f "runs/$name/status.json" ]; then
      python3 -m tengen_train.loop --run "runs/$name" --save-carry "$carry"
    fi ;;
  status)
    if [ "$name" = d19 ] || [ "$name" = d9 ]; then
      echo "$name: $(find "runs/$name/games" -path '*/sgf/*.sgf' 2>/dev/null | wc -l) games here; carry: $(ls "$carry"/*.tar.xz 2>/dev/null | wc -l) folders"
    elif [ -f "runs/$name/status.json" ]; then
      python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(sys.argv[2]+':', 'generation', s['generation'], s['stage'], 'best', s['best'], 'hours', s.get('hours'))" "runs/$name/status.json" "$name"
    else
      echo "$name: not here"
    fi ;;
  *) echo "usage: runs.sh start|save|status [NAME...]" >&2; exit 2 ;;
  esac
done
