#!/bin/bash
# Shows Tengen working in Lizzie, Kigo, qGo and KaTrain under Xvfb: starts each client with a
# fresh configuration that names Tengen, plays a few moves by clicking (xdotool), takes a
# screenshot (docs/gui-CLIENT.png, shrunk under 200 KB) and keeps what the client sent and
# what Tengen answered ($LOGS/CLIENT.in, .out, .err, .args). Installs nothing (docs/GTP.md,
# GUIs tried, lists the packages):
#
#   apt-get install xvfb imagemagick xdotool x11-utils dbus liblizzie-java kigo qgo
#   python3 -m venv /opt/katrain-venv && /opt/katrain-venv/bin/pip install katrain==1.20.0
#   swift build -c release
#   scripts/gui_screenshots.sh [lizzie|kigo|qgo|katrain ...]     # all four by default
#
# Environment: TENGEN (the binary, default .build/release/tengen), KATRAIN (default
# /opt/katrain-venv/bin/katrain), OUT (screenshots, default docs), LOGS (default
# /tmp/tengen-gui), DISPLAY_NUMBER (default 99). Each client runs with HOME set to a scratch
# folder under $LOGS, so the user's own client settings are neither read nor changed. The
# click positions fit the window layouts of the versions above on a 1280x900 screen
# (KaTrain: 1600x1100).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TENGEN=$(realpath "${TENGEN:-.build/release/tengen}")
KATRAIN=${KATRAIN:-/opt/katrain-venv/bin/katrain}
OUT=$(realpath "${OUT:-docs}")
LOGS=${LOGS:-/tmp/tengen-gui}
DISPLAY_NUMBER=${DISPLAY_NUMBER:-99}
CLIENTS=("$@")
[ ${#CLIENTS[@]} -gt 0 ] || CLIENTS=(lizzie kigo qgo katrain)
[ -x "$TENGEN" ] || { echo "no Tengen binary at $TENGEN: swift build -c release" >&2; exit 1; }
mkdir -p "$LOGS" "$OUT"
export DISPLAY=:$DISPLAY_NUMBER

XVFB_PID=
CLIENT_PID=
stop_client() {
  if [ -n "$CLIENT_PID" ]; then
    kill -- -"$CLIENT_PID" 2>/dev/null || true # its process group: the client and its engine
    wait "$CLIENT_PID" 2>/dev/null || true
    CLIENT_PID=
  fi
}
stop_xvfb() {
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
  fi
}
trap 'stop_client; stop_xvfb' EXIT

# A virtual screen of the given size, alone on this display.
start_xvfb() {
  stop_xvfb
  Xvfb ":$DISPLAY_NUMBER" -screen 0 "$1" -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return; sleep 0.2; done
  echo "Xvfb did not start (see $LOGS/xvfb.log)" >&2
  exit 1
}

# A fresh scratch home and log prefix for client $1, and the logging wrapper $2 that runs Tengen
# with the client's arguments and keeps both directions of the conversation.
prepare() {
  local client=$1 wrapper=$2
  export HOME="$LOGS/$client-home" XDG_RUNTIME_DIR="$LOGS/$client-runtime"
  rm -rf "$HOME" "$XDG_RUNTIME_DIR" "$LOGS/$client".{in,out,err,args}
  mkdir -p "$HOME/.config" "$(dirname "$wrapper")"
  mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  cat >"$wrapper" <<EOF
#!/bin/sh
echo "\$0 \$*" >> "$LOGS/$client.args"
tee -a "$LOGS/$client.in" | "$TENGEN" "\$@" 2>>"$LOGS/$client.err" | tee -a "$LOGS/$client.out"
EOF
  chmod +x "$wrapper"
}

# Starts a client in the background in a process group of its own (its output in
# $LOGS/CLIENT.log).
launch() {
  local client=$1
  shift
  setsid "$@" >"$LOGS/$client.log" 2>&1 &
  CLIENT_PID=$!
}

# Clicks the points "COLUMN ROW" ... (columns from 0 for A, rows from 1 at the bottom) of a
# 9x9 board whose A9 corner is at (x0, y0) with `step` pixels between lines, waiting `pause`
# seconds after each click for the engine's answer.
click_points() {
  local x0=$1 y0=$2 step=$3 pause=$4 point col row
  shift 4
  for point in "$@"; do
    read -r col row <<<"$point"
    xdotool mousemove $((x0 + step * col)) $((y0 + step * (9 - row))) click 1
    sleep "$pause"
  done
}

# Saves the screen's area WxH+X+Y as $OUT/gui-CLIENT.png, 800 pixels wide at most.
shoot() {
  local client=$1 area=$2
  import -window root "$LOGS/$client-full.png"
  convert "$LOGS/$client-full.png" -crop "$area" +repage -resize '800x>' \
    -dither None -colors 128 "PNG8:$OUT/gui-$client.png"
  echo "$client: $OUT/gui-$client.png ($(stat -c %s "$OUT/gui-$client.png") bytes), log $LOGS/$client.in"
}

lizzie() {
  start_xvfb 1280x900x24
  prepare lizzie "$LOGS/bin/tengen-lizzie"
  # Lizzie merges this with its defaults: Tengen with 3 s a move, a 9x9 board, and 2 s a move
  # when asked to play (Enter), which it sends as time_settings 0 2 1.
  mkdir -p "$HOME/.config/leela-zero"
  cat >"$HOME/.config/leela-zero/lizzie-config.txt" <<EOF
{"leelaz": {"engine-command": "$LOGS/bin/tengen-lizzie gtp --time 3",
            "engine-start-location": "$LOGS", "max-game-thinking-time-seconds": 2},
 "ui": {"board-size": 9}}
EOF
  launch lizzie java -Duser.home="$HOME" -jar /usr/share/java/lizzie.jar
  sleep 20
  click_points 398 203 60 2 "4 5" # E5
  xdotool key Return # the engine plays White; from now on it answers every move
  sleep 6
  click_points 398 203 60 6 "2 3" "6 7" "2 7" # C3 G7 C7
  xdotool mousemove 250 200 click 1 # focus outside the board, then Space: analyse
  sleep 1
  xdotool key space
  sleep 15
  shoot lizzie 960x600+160+150
  stop_client
}

kigo() {
  start_xvfb 1280x900x24
  prepare kigo "$LOGS/bin/tengen-kigo"
  # Hints stay up for HintVisibleTime seconds (at most 5) once the engine has answered.
  printf '[Backend]\nEngineCommand=%s gtp --time 3\n\n[UserInterface]\nHintVisibleTime=5\n' \
    "$LOGS/bin/tengen-kigo" >"$HOME/.config/kigorc"
  launch kigo dbus-run-session -- /usr/games/kigo
  sleep 15
  xdotool mousemove 748 678 click 1 # Start Game: 9x9, 4 handicap stones, computer White
  sleep 6
  click_points 61 168 52 8 "4 5" "4 3" "6 5" # E5 E3 G5
  xdotool mousemove 900 800 # the pointer off the board
  xdotool mousemove 466 38 click 1 # Hint: top_moves_black (a 3 s search), drawn as stones
  sleep 5
  shoot kigo 800x700+0+0
  stop_client
}

qgo() {
  start_xvfb 1280x900x24
  # qGo reads genmove replies only from an engine whose path ends in gnugo.
  prepare qgo "$LOGS/qgo-engine/gnugo"
  mkdir -p "$HOME/.config/qGo"
  cat >"$HOME/.config/qGo/qGo.conf" <<EOF
[General]
EDIT_SIZE=9
EDIT_HANDICAP=0
EDIT_KOMI=7.5
COMPUTER_PLAYS_WHITE=true
COMPUTER_PLAYS_BLACK=false
DEFAULT_ENGINE=0

[ENGINES]
1\\path=$LOGS/qgo-engine/gnugo
1\\args=gtp --time 3
size=1
EOF
  launch qgo /usr/games/qgo
  sleep 8
  xdotool windowfocus "$(xdotool search --name '^qGo 2' | head -1)"
  xdotool key ctrl+n # New game (settings above)
  sleep 3
  xdotool mousemove 481 465 click 1 # OK
  sleep 6
  click_points 53 198 60 6 "4 5" "2 3" "6 7" "2 7" # E5 C3 G7 C7 (sent mirrored: see docs)
  xdotool mousemove 1200 880
  shoot qgo 980x880+0+0
  stop_client
}

katrain() {
  start_xvfb 1600x1100x24
  prepare katrain "$LOGS/bin/tengen-katrain"
  # KaTrain starts its "KataGo" as: tengen analysis -model NET -config CFG -override-config ...
  local package
  package=$(dirname "$(dirname "$KATRAIN")")
  package=$(ls -d "$package"/lib/python3*/site-packages/katrain | head -1)
  mkdir -p "$HOME/.katrain"
  python3 - "$package/config.json" "$HOME/.katrain/config.json" "$LOGS/bin/tengen-katrain" \
    "$ROOT/networks/tengen-9x9.bin.gz" <<'EOF'
import json, sys
source, target, engine, model = sys.argv[1:]
c = json.load(open(source))
c["engine"].update({"backend": "local", "katago": engine, "model": model})
c["game"].update({"size": "9", "komi": 7.0})
# The window where the clicks below land.
c["ui_state"].update({"restoresize": True, "size": [1040, 800], "left": 240, "top": 150})
c["ui_state"]["play"]["analysis_controls"].update({"hints": True, "ownership": True, "eval": True})
json.dump(c, open(target, "w"), indent=1)
EOF
  launch katrain "$KATRAIN"
  sleep 30
  click_points 356 255 67 8 "4 5" # E5
  xdotool key Return # AI move
  sleep 12
  click_points 356 255 67 8 "2 3" # C3
  xdotool key Return
  sleep 12
  click_points 356 255 67 15 "6 7" # G7
  shoot katrain 1040x800+240+150
  stop_client
}

for c in "${CLIENTS[@]}"; do
  case $c in
    lizzie | kigo | qgo | katrain) "$c" ;;
    *) echo "unknown client $c (lizzie, kigo, qgo, katrain)" >&2; exit 2 ;;
  esac
done
