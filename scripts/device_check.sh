#!/usr/bin/env bash
# The prepared check of Tengen on a lent GPU machine (docs/NEURALNET.md, "Device check").
#
#   bash scripts/device_check.sh pack        here: fill the ignored device/ folder, print the calls
#   bash scripts/device_check.sh run [--dry] [STEP...]   there (repo root): steps a..h, pytest
#   bash scripts/device_check.sh pytest      there: the Python tests alone (= run pytest)
#
# Why two calls. One call carries the working tree (all tracked files, about 18 MB) and its
# `carry` paths, 64 MiB in all. The real network b10c384h6nbttflrs is 38.2 MB (.bin.gz; 35 MB
# as packed here) and tengen with every library ldd lists is 25 MB xz-compressed, 9.8 MB of it
# ICU's data and 4.2 MB OpenBLAS: together over the limit. So `pack` makes two carries:
#   device/gpu  the network, the CPU backend's outputs on the recorded positions (taken here,
#               so the device needs no BLAS to compare against them), and a lean runtime in
#               which lib_FoundationICU.so and libopenblas.so.0 are generated stand-ins that
#               abort, naming the function, if called (no GPU command calls them; the dry run
#               proves the commands' CPU-free paths here);
#   device/cpu  the full runtime (real ICU and OpenBLAS) and the wheels the device lacks.
# Call 1 (GPU, `run a b c d e f`) carries device/gpu; call 2 (`run a d g h pytest`: self-play,
# the 16-core CPU and the Python tests) carries device/cpu.
#
# Steps and their time caps (seconds; each step runs under `timeout`, and a run stops starting
# steps at its deadline, DEVICE_CHECK_BUDGET, default 420 s = 7 minutes):
#   unpack  15  runtime and network into $WORK (a temporary folder)
#   a       25  versions and paths: lscpu, nvidia-smi, nvcc, torch, CUDA libraries, tengen
#   b       70  CUDA header check; `tengen gpucheck --backend cuda` on the 12 tiny fixtures, FP32+FP16
#   c       60  b10c384h6nbttflrs on the 75 recorded positions: CUDA FP32 and FP16 against the
#               CPU backend (max |diff| policy/value/score/ownership, top-move agreement), and
#               FP32 against KataGo's recorded outputs (`tengen testnn --expected`)
#   d       45  random-weight b6c96, b10c128, b18c384 exported by the trainer (those later steps use)
#   e       95  evals/s 19x19 at batch 1,16,64,256,1024: tengen CUDA FP16 for b10c384h6nbttflrs and
#               b18c384 (50), PyTorch eager bf16 forward of the trainer's b18c384 (45)
#   f       70  PUCT visits/s on 19x19 with the GPU against raw evals/s (efficiency), both nets
#   g       88  self-play on the GPU, 20 s each: 9x9 and 19x19 with b6c96 and b10c128
#   h       50  16-core CPU: b10c128 19x19 batch 16/64 on 1 and 16 threads; search efficiency with
#               16 NN threads
#   pytest 180  python3 -m pytest -q training/tests with TENGEN_BIN = the carried binary
# Call 1: 15+25+70+60+45+95+70 = 380 s; call 2: 15+25+45+88+50+180 = 403 s (caps; both < 420).
#
# Everything is written under $OUT (./out/device when OUT is unset): device_check.log (all
# output), summary.json (per step: status, seconds, note; and the parsed figures), steps.tsv,
# the real-network comparisons as JSON, torch_forward.json, pytest.log.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEV=device
NET_NAME=b10c384h6nbttflrs
GLIBC_RE='^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|ld-linux-x86-64\.so\.2|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libutil\.so\.1|libresolv\.so\.2|libmvec\.so\.1)$'
MIB=$((1024 * 1024))
LIMIT=$((64 * MIB))

die() { echo "device_check: $*" >&2; exit 1; }

# ------------------------------------------------------------------------------------- pack

# Copies $1's non-glibc libraries (ldd) into $2, stripped.
copy_libs() {
  local bin=$1 dst=$2 name path
  ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' | while read -r name path; do
    [[ $name =~ $GLIBC_RE ]] && continue
    cp -L "$path" "$dst/$name"
    chmod u+w "$dst/$name"
    strip --strip-unneeded "$dst/$name" 2>/dev/null || true
  done
  if ldd "$bin" | grep -q "not found"; then die "ldd $bin: a library is not found"; fi
}

# Fails unless every NEEDED library of the files in $1/bin and $1/lib is in $1/lib or glibc's.
check_closed() {
  local dir=$1 f n bad=0
  for f in "$dir"/bin/tengen "$dir"/lib/*; do
    for n in $(readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      [[ $n =~ $GLIBC_RE ]] && continue
      [[ $(cat "$dir/RUNTIME") = lean && $n =~ ^(libstdc\+\+\.so\.6|libgcc_s\.so\.1|libz\.so\.1)$ ]] && continue
      [ -e "$dir/lib/$n" ] || { echo "  $(basename "$f") needs $n, which is not carried"; bad=1; }
    done
  done
  [ $bad = 0 ] || die "runtime in $dir is not closed under NEEDED"
}

# A stand-in for library $2 (in $1/lib) defining what the other carried files import from it.
make_stub() {
  local dir=$1 lib=$2 tmp
  tmp=$(mktemp -d)
  for f in "$dir"/bin/tengen "$dir"/lib/*; do
    [ "$(basename "$f")" = "$lib" ] && continue
    nm -D --undefined-only "$f" | awk '{print $2}' | sed 's/@.*//'
  done | sort -u >"$tmp/imports"
  python3 scripts/device_check.py stub-source "$dir/lib/$lib" "$tmp/imports" >"$tmp/stub.c"
  cc -shared -fPIC -O1 -o "$tmp/$lib" -Wl,-soname,"$lib" "$tmp/stub.c" || die "cannot build the $lib stand-in"
  echo "  stand-in $lib: $(grep -c '^void\|^__attr' "$tmp/stub.c") symbols"
  mv "$tmp/$lib" "$dir/lib/$lib"
  rm -rf "$tmp"
}

tree_bytes() {  # what the device tool sends besides `carry`: tracked and untracked-not-ignored files
  { git ls-files -z --cached; git ls-files -z --others --exclude-standard; } |
    xargs -0 stat -c %s 2>/dev/null | awk '{s += $1} END {print s + 0}'
}

newer() { [ -e "$1" ] && shift && for f in "$@"; do [ "$1" -nt "$f" ] || return 1; done; }

pack() {
  local bin=${TENGEN_BIN:-.build/release/tengen} net=${NET:-/opt/peers/katago/$NET_NAME.bin.gz}
  [ -x "$bin" ] || die "no tengen at $bin: build it (swift build -c release) or set TENGEN_BIN"
  [ -f "$net" ] || die "no network at $net: run bash scripts/peers.sh (or set NET)"
  bin=$(readlink -f "$bin")
  command -v xz >/dev/null && command -v cc >/dev/null || die "pack needs xz and cc"
  mkdir -p "$DEV/gpu" "$DEV/cpu/whl"
  local stage
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' RETURN
  echo "== runtime of $bin ($("$bin" version | head -1))"
  for kind in full lean; do
    mkdir -p "$stage/$kind/bin" "$stage/$kind/lib"
    cp "$bin" "$stage/$kind/bin/tengen"
    strip "$stage/$kind/bin/tengen"
    copy_libs "$bin" "$stage/$kind/lib"
  done
  make_stub "$stage/lean" lib_FoundationICU.so
  make_stub "$stage/lean" libopenblas.so.0
  for l in libgfortran.so.5 libquadmath.so.0; do  # only OpenBLAS needs them
    [ -e "$stage/lean/lib/$l" ] && ! readelf -d "$stage"/lean/lib/* "$stage/lean/bin/tengen" 2>/dev/null |
      grep -q "\[$l\]" && rm "$stage/lean/lib/$l"
  done
  rm -f "$stage"/lean/lib/{libstdc++.so.6,libgcc_s.so.1,libz.so.1}  # every Ubuntu has them (torch needs libstdc++)
  echo lean >"$stage/lean/RUNTIME"
  echo full >"$stage/full/RUNTIME"
  for kind in full lean; do
    check_closed "$stage/$kind"
    # The bundled runtime alone runs the binary (stand-ins included: `version` calls neither).
    LD_LIBRARY_PATH="$stage/$kind/lib" "$stage/$kind/bin/tengen" version >/dev/null ||
      die "the $kind runtime does not run tengen"
  done
  {
    echo "packed $(date -u +%FT%TZ) from $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo +changes)"
    echo "binary $bin ($(stat -c %y "$bin"))"
    "$bin" version | head -1
    lscpu | grep -E '^(Model name|CPU\(s\))'
  } | tee "$stage/full/PACKINFO" >"$stage/lean/PACKINFO"
  echo "== compressing (xz -9)"
  tar -C "$stage/full" -cf - . | xz -9 -T0 >"$DEV/cpu/runtime.tar.xz"
  tar -C "$stage/lean" -cf - . | xz -9 -T0 >"$DEV/gpu/runtime.tar.xz"

  echo "== network $net"
  if newer "$DEV/gpu/$NET_NAME.tgshuf" "$net" scripts/device_check.py; then
    echo "  packed network up to date"
  else
    python3 scripts/device_check.py shuffle "$net" "$DEV/gpu/$NET_NAME.tgshuf"
  fi
  local rec="$DEV/gpu/cpu-$NET_NAME.json" pos=Tests/Fixtures/nn/positions-real.json
  if newer "$rec" "$bin" "$net" "$pos"; then
    echo "  CPU backend outputs up to date"
  else
    echo "== CPU backend outputs on $pos (the reference of the device's CUDA comparison)"
    PYTHONPATH=training python3 scripts/device_check.py record --positions "$pos" --out "$rec" -- \
      "$bin" gtp --model "$net" --backend cpu --nn-threads 2 2>&1 | grep -v '^tengen:' || die "recording failed"
  fi
  echo -n "  CPU backend vs KataGo's recorded outputs: "
  python3 scripts/device_check.py compare Tests/Fixtures/nn/katago-$NET_NAME.json "$rec"
  lscpu | grep '^Model name' | sed 's/^/  recorded on: /'

  echo "== wheels the device lacks"
  # Of training/requirements.txt the device image has torch, numpy, matplotlib, tqdm, pytest,
  # transformers (/work/.library/device/KINDS.md). Carried: websocket-client (the web tests).
  # Not carried, their tests skip: galore-torch (needs bitsandbytes, ~60 MB), ray (~60 MB),
  # selenium (needs a Chromium the device lacks).
  local pin
  pin=$(grep -E '^websocket-client==' training/requirements.txt)
  if ls "$DEV/cpu/whl/"websocket_client-*.whl >/dev/null 2>&1; then
    echo "  $(basename "$DEV"/cpu/whl/websocket_client-*.whl) present"
  else
    python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
      --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform any \
      -d "$DEV/cpu/whl" "$pin" || echo "  WARNING: pip download $pin failed: the web tests will skip there"
  fi

  echo "== sizes (the device tool's limit: 64 MiB per call, the working tree included)"
  local tree gpu cpu
  tree=$(tree_bytes)
  gpu=$(du -sb "$DEV/gpu" | cut -f1)
  cpu=$(du -sb "$DEV/cpu" | cut -f1)
  du -b "$DEV"/gpu/* "$DEV"/cpu/* "$DEV"/cpu/whl/* 2>/dev/null | awk '{printf "  %6.1f MiB  %s\n", $1 / 1048576, $2}'
  local bad=0
  for call in "1 $gpu" "2 $cpu"; do
    set -- $call
    local total=$((tree + $2))
    printf "  call %s: tree %.1f + carry %.1f = %.1f MiB of 64 (%.1f MiB spare)\n" "$1" \
      "$(echo "$tree / $MIB" | bc -l)" "$(echo "$2 / $MIB" | bc -l)" "$(echo "$total / $MIB" | bc -l)" \
      "$(echo "($LIMIT - $total) / $MIB" | bc -l)"
    [ $total -lt $LIMIT ] || bad=1
  done
  [ $bad = 0 ] || die "a call is over 64 MiB: the tracked tree has grown; see the comment at the top"
  cat <<EOF

== the device tool calls (from the checkout the device tool sends; one after the other, then give_back)
run(command="bash scripts/device_check.sh run a b c d e f", carry=["$DEV/gpu"], timeout_s=480)
run(command="bash scripts/device_check.sh run a d g h pytest", carry=["$DEV/cpu"], timeout_s=480)
Each returns device_check.log, summary.json and the JSON files under files_at.
EOF
}

# -------------------------------------------------------------------------------------- run

GPU_BACKEND=${DEVICE_CHECK_BACKEND:-cuda}  # `sim` in a dry run runs the GPU steps on the simulator
OUTDIR=""; WORK=""; LOG=""; T0=0; BUDGET=420; DRY=0; RT=""; TG=""; NETFILE=""

now() { date +%s.%N; }
elapsed() { echo "$(now) - $T0" | bc; }

# step NAME CAP NOTE-IF-OK FUNCTION [ARGS]: runs FUNCTION under the cap (and the deadline),
# output to the step's log and the combined log; records status and seconds in steps.tsv.
step() {
  local name=$1 cap=$2 fn=$3; shift 3
  local left status note rc t1 t2
  left=$(echo "$BUDGET - $(elapsed)" | bc | cut -d. -f1)
  if [ "${left:-0}" -lt 10 ]; then
    printf "%s\tskipped\t0\tno time left in the %s s budget\n" "$name" "$BUDGET" >>"$OUTDIR/steps.tsv"
    echo "=== step $name skipped: no time left" | tee -a "$LOG"; return
  fi
  [ "$cap" -gt "$left" ] && cap=$left
  echo "=== step $name (cap ${cap} s) $(date -u +%T)" | tee -a "$LOG"
  t1=$(now)
  STEP_CAP=$cap "$fn" "$@" >"$WORK/steps/$name.log" 2>&1 &
  local pid=$!
  # The whole step (every command it starts) is stopped at its cap.
  ( sleep "$cap"; kill -TERM -- -$pid 2>/dev/null || kill -TERM $pid 2>/dev/null; sleep 3; kill -KILL -- -$pid 2>/dev/null ) &
  local watchdog=$!
  wait $pid; rc=$?
  kill $watchdog 2>/dev/null; wait $watchdog 2>/dev/null
  t2=$(now)
  cat "$WORK/steps/$name.log" >>"$LOG"
  tail -n 40 "$WORK/steps/$name.log"
  if grep -q "^SKIP: " "$WORK/steps/$name.log"; then
    status=skipped; note=$(grep -m1 "^SKIP: " "$WORK/steps/$name.log" | cut -c7-)
  elif grep -q "CUDA unavailable" "$WORK/steps/$name.log" && [ $rc != 0 ]; then
    status=skipped; note=$(grep -m1 -o "CUDA unavailable.*" "$WORK/steps/$name.log" | sed 's/ (searched.*//' | cut -c1-160)
  elif [ $rc = 0 ]; then
    status=ok; note=$(grep "^NOTE: " "$WORK/steps/$name.log" | cut -c7- | paste -sd';' -)
  elif [ $rc = 143 ] || [ $rc = 137 ] || [ $rc = 124 ]; then
    status=timeout; note="stopped at its ${cap} s cap"
  else
    status=failed; note="exit $rc; $(grep -v '^NOTE' "$WORK/steps/$name.log" | tail -1 | cut -c1-200)"
  fi
  printf "%s\t%s\t%.1f\t%s\n" "$name" "$status" "$(echo "$t2 - $t1" | bc)" "${note//$'\t'/ }" >>"$OUTDIR/steps.tsv"
  echo "=== step $name: $status ($(echo "$t2 - $t1" | bc | cut -c1-5) s) $note" | tee -a "$LOG"
  DEVICE_CHECK_STEPLOGS="$WORK/steps" python3 scripts/device_check.py summarize "$OUTDIR" >/dev/null 2>&1 || true
}

# tengen with the carried libraries: $RT/tengen, a wrapper written at unpacking (only tengen
# sees them: python and torch keep the system's libraries).
tg() { "$RT/tengen" "$@"; }
# Each command inside a step gets its own timeout too (a hang in one cannot eat the step).
to() { local s=$1; shift; timeout -k 3 "$s" "$@"; }

needs_cuda_dirs() {
  local d dirs=()
  for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib; do [ -d "$d" ] && dirs+=("$d"); done
  # pip's CUDA wheels, where the image has them
  for d in $(python3 -c 'import nvidia, os; [print(os.path.join(p, q, "lib")) for p in nvidia.__path__ for q in os.listdir(p)]' 2>/dev/null); do
    [ -d "$d" ] && dirs+=("$d")
  done
  (IFS=:; echo "${dirs[*]}")
}

s_unpack() {
  local have=""
  rm -rf "$WORK/rt"; mkdir -p "$WORK/rt"
  local kinds="cpu gpu"  # the full runtime when it is carried
  case ${DEVICE_CHECK_RUNTIME:-} in full) kinds=cpu;; lean) kinds=gpu;; esac
  for kind in $kinds; do
    if [ -f "$DEV/$kind/runtime.tar.xz" ]; then
      if command -v xz >/dev/null; then xz -dc "$DEV/$kind/runtime.tar.xz" | tar -C "$WORK/rt" -xf -
      else python3 -c 'import tarfile,sys; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$DEV/$kind/runtime.tar.xz" "$WORK/rt"; fi
      have=$kind; break
    fi
  done
  [ -n "$have" ] || { echo "no runtime carried: run 'bash scripts/device_check.sh pack' here and carry device/gpu or device/cpu"; return 1; }
  # Where the system has libstdc++, libgcc_s or zlib (a newer one), use it: CUDA's libraries
  # may need the newer libstdc++.
  for l in libstdc++.so.6 libgcc_s.so.1 libz.so.1; do
    ldconfig -p 2>/dev/null | grep -q "^\s*$l " && rm -f "$WORK/rt/lib/$l" && echo "system $l used"
  done
  echo "runtime: $(cat "$WORK/rt/RUNTIME") (from $DEV/$have); $(sed -n 1p "$WORK/rt/PACKINFO")"
  if [ -f "$DEV/gpu/$NET_NAME.tgshuf" ]; then
    python3 scripts/device_check.py unshuffle "$DEV/gpu/$NET_NAME.tgshuf" "$WORK/$NET_NAME.bin"
  elif [ -f "${NET:-/opt/peers/katago/$NET_NAME.bin.gz}" ]; then
    cp "${NET:-/opt/peers/katago/$NET_NAME.bin.gz}" "$WORK/$NET_NAME.bin.gz"
  fi
  if LD_LIBRARY_PATH="$WORK/rt/lib" ldd "$WORK/rt/bin/tengen" | grep "not found"; then
    echo "a library tengen needs is neither carried nor on this system"; return 1; fi
  printf '#!/bin/sh\nLD_LIBRARY_PATH="%s/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "%s/bin/tengen" "$@"\n' \
    "$WORK/rt" "$WORK/rt" >"$WORK/rt/tengen"
  chmod +x "$WORK/rt/tengen"
  "$WORK/rt/tengen" version
}

s_a() {
  echo "--- lscpu"; lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket|L3|Flags)' | sed -E 's/^(Flags:).*/\1 .../'
  echo "avx512f: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no); avx2: $(grep -qw avx2 /proc/cpuinfo && echo yes || echo no)"
  echo "--- os"; (. /etc/os-release 2>/dev/null; echo "$PRETTY_NAME"); ldd --version | head -1; uname -r
  echo "--- nvidia-smi"; to 15 nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1 || echo "nvidia-smi: not available"
  echo "--- nvcc"; to 10 nvcc --version 2>&1 | tail -2 || echo "nvcc: not available"
  echo "--- python"; to 30 python3 -c 'import sys, torch; print(sys.version.split()[0], sys.executable); print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version(), "available", torch.cuda.is_available()); torch.cuda.is_available() and print(torch.cuda.get_device_name(0))' 2>&1
  echo "--- CUDA libraries"
  ldconfig -p 2>/dev/null | grep -E 'lib(cudart|cublas|cublasLt|nvrtc|cuda)\.so' | sed 's/^\s*/ldconfig: /'
  local d
  for d in ${TENGEN_CUDA_LIB_DIRS//:/ }; do ls "$d" 2>/dev/null | grep -E '^lib(cudart|cublas|cublasLt|nvrtc|nvrtc-builtins)\.so' | sed "s|^|$d/|"; done
  echo "TENGEN_CUDA_LIB_DIRS=$TENGEN_CUDA_LIB_DIRS"
  echo "--- tengen"; tg version; echo "runtime $(cat "$RT/RUNTIME"); $(tr '\n' ';' <"$RT/PACKINFO")"
  echo "NOTE: $(grep -m1 '^Model name' <(lscpu) | sed 's/Model name:\s*//'), $(nproc) cores; $(to 10 nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"
}

s_b() {
  local inc=/usr/local/cuda/include libcuda
  if [ -d "$inc" ] && command -v cc >/dev/null; then
    echo "--- CUDA header check"; to 30 bash scripts/cuda_header_check.sh "$inc" /usr/local/cuda/lib64 2>&1 | tail -5
    libcuda=$(ldconfig -p | awk '/libcuda\.so\.1 /{print $NF; exit}')
    [ -n "$libcuda" ] && to 20 bash scripts/cuda_header_check.sh "$inc" "$(dirname "$libcuda")" 2>&1 | tail -2
  else echo "CUDA header check skipped (no $inc or no cc)"; fi
  echo "--- gpucheck"
  local models=(Tests/Fixtures/nn/tiny-*)
  [ $DRY = 1 ] && models=("${models[@]:0:2}")
  to $((STEP_CAP - 5)) "$RT/tengen" gpucheck --backend $GPU_BACKEND --model "${models[@]}"
}

s_c() {
  [ -n "$NETFILE" ] || { echo "SKIP: the real network is not carried (carry device/gpu)"; return 0; }
  local pos=Tests/Fixtures/nn/positions-real.json ref="$DEV/gpu/cpu-$NET_NAME.json" p rc=0 LIMIT_POS="--"
  local only=()
  [ $GPU_BACKEND = sim ] && LIMIT_POS="--limit 2 --" && only=(--only gnugo-9-s1-m0)  # the simulator is slow
  [ -f "$ref" ] || { echo "SKIP: no recorded CPU outputs ($ref)"; return 0; }
  echo "CPU reference: $ref (recorded by pack on $(grep -m1 "^Model name" "$RT/PACKINFO" | sed "s/Model name:\s*//"))"
  for p in fp32 fp16; do
    echo "--- CUDA $p"
    PYTHONPATH=training to 25 python3 scripts/device_check.py record --positions "$pos" --out "$WORK/cuda-$p.json" \
      $LIMIT_POS "$RT/tengen" gtp --model "$NETFILE" --backend $GPU_BACKEND --gpu-precision $p || { rc=1; continue; }
    python3 scripts/device_check.py compare "$ref" "$WORK/cuda-$p.json" --json "$OUTDIR/$NET_NAME-cpu-vs-cuda-$p.json"
  done
  echo "--- CUDA fp32 against KataGo's recorded outputs (tolerance 1e-4; 6e-4 for scores)"
  to 20 "$RT/tengen" testnn --model "$NETFILE" --backend $GPU_BACKEND --gpu-precision fp32 --positions "$pos" \
    --expected Tests/Fixtures/nn/katago-$NET_NAME.json "${only[@]}" | grep -v '^MISMATCH' | tail -20 || rc=1
  return $rc
}

d_presets() {  # the random nets the selected steps use
  local s out=""
  for s in $STEPS; do case $s in
    e|f) out="$out b18c384";; g) out="$out b6c96 b10c128";; h) out="$out b10c128";; esac; done
  [ $DRY = 1 ] && out="$out b6c96 b10c128 b18c384"
  echo $out | tr ' ' '\n' | sort -u | tr '\n' ' '
}
s_d() {
  local presets
  presets=$(d_presets)
  [ -n "$presets" ] || { echo "SKIP: no selected step uses them"; return 0; }
  mkdir -p "$WORK/nets"
  PYTHONPATH=training to $((STEP_CAP - 3)) python3 - "$WORK/nets" $presets <<'EOF'
import sys, time, torch
from tengen_train.model import Model
from tengen_train.katago_format import export_model
out = sys.argv[1]
for preset in sys.argv[2:]:
    t = time.time()
    torch.manual_seed(0)
    m = Model(preset).eval()
    n = sum(p.numel() for p in m.parameters())
    export_model(m, "%s/%s.bin.gz" % (out, preset), name=preset + "-random")
    print("exported %s (%.1f M parameters, random weights) in %.1f s" % (preset, n / 1e6, time.time() - t))
EOF
}

s_e() {
  local batches=1,16,64,256,1024 secs=2 rc=0 net
  [ $DRY = 1 ] && batches=1,16 && secs=0.5
  for net in "$NETFILE" "$WORK/nets/b18c384.bin.gz"; do
    [ -n "$net" ] && [ -f "$net" ] || { echo "(no $net)"; continue; }
    echo "--- tengen CUDA fp16 $(basename "$net")"
    to 28 "$RT/tengen" benchmark-nn --backend $GPU_BACKEND --model "$net" --size 19 --batch $batches --threads 1 --seconds $secs || rc=1
  done
  echo "--- PyTorch eager forward, trainer's b18c384"
  local dev=cuda; [ $DRY = 1 ] && dev=cpu && batches=1
  PYTHONPATH=training to 45 python3 training/scripts/bench_forward.py --preset b18c384 --size 19 \
    --batch $batches --device $dev --dtypes bf16 --seconds $secs --json "$OUTDIR/torch_forward.json" || rc=1
  return $rc
}

s_f() {
  local rc=0 net threads="64 256" secs=4
  [ $DRY = 1 ] && threads="4" && secs=1
  for net in "$NETFILE" "$WORK/nets/b18c384.bin.gz"; do
    [ -n "$net" ] && [ -f "$net" ] || continue
    echo "--- $(basename "$net")"
    to 32 "$RT/tengen" benchmark --model "$net" --backend $GPU_BACKEND --sizes 19 --search-threads $threads --nn-batch 256 \
      --seconds $secs --rounds 1 || rc=1
  done
  return $rc
}

s_g() {
  local rc=0 net size secs=20 games
  [ $DRY = 1 ] && secs=6
  for net in b6c96 b10c128; do for size in 9 19; do
    games=$([ $size = 9 ] && echo 256 || echo 128)
    echo "=== $net ${size}x${size}"
    rm -rf "$WORK/sp-$net-$size"
    to $secs "$RT/tengen" selfplay --model "$WORK/nets/$net.bin.gz" --out "$WORK/sp-$net-$size" --backend $GPU_BACKEND \
      --hours 1 --parallel-games $games --set "boardSizes=$size:1.0" --progress-interval 4 --seed 1
    local r=$?
    [ $r = 0 ] || [ $r = 124 ] || rc=$r   # stopped by its timeout is the plan
  done; done
  return $rc
}

s_h() {
  if [ "$(cat "$RT/RUNTIME")" != full ]; then echo "SKIP: needs the full runtime (OpenBLAS): carry device/cpu"; return 0; fi
  local net="$WORK/nets/b10c128.bin.gz" n rc=0 secs=3
  n=$(nproc)
  [ $DRY = 1 ] && secs=1
  echo "--- benchmark-nn b10c128 19x19, 1 and $n threads"
  to 25 "$RT/tengen" benchmark-nn --model "$net" --size 19 --batch $([ $DRY = 1 ] && echo 8 || echo 16,64) --threads 1,$n --seconds $secs || rc=1
  echo "--- search efficiency, $n NN threads"
  to 22 "$RT/tengen" benchmark --model "$net" --sizes 19 --nn-threads $n --nn-batch 64 \
    --search-threads $([ $DRY = 1 ] && echo 4 || echo "16 64") --seconds $secs --rounds 1 || rc=1
  return $rc
}

s_pytest() {
  if [ "$(cat "$RT/RUNTIME")" != full ]; then echo "SKIP: needs the full runtime: carry device/cpu"; return 0; fi
  local site="$WORK/site"
  if ls "$DEV"/cpu/whl/*.whl >/dev/null 2>&1; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$site" "$DEV"/cpu/whl/*.whl &&
      export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}"
  fi
  # tengen_train from this checkout (what training/tests/conftest.py checks), without pip -e.
  export PYTHONPATH="$ROOT/training${PYTHONPATH:+:$PYTHONPATH}"
  # The tests run the wrapper, which gives the binary the carried libraries.
  export TENGEN_BIN="$RT/tengen" PYTHONUNBUFFERED=1
  local args=(-q training/tests)
  [ $DRY = 1 ] && args=(-q training/tests/test_device_check.py training/tests/test_losses.py)
  to $((STEP_CAP - 5)) python3 -m pytest "${args[@]}" -p no:cacheprovider 2>&1 | tee "$OUTDIR/pytest.log"
  local rc=${PIPESTATUS[0]}
  echo "NOTE: $(tail -1 "$OUTDIR/pytest.log")"
  return $rc
}

run() {
  local steps=()
  for a in "$@"; do case $a in --dry) DRY=1;; *) steps+=("$a");; esac; done
  [ "${DEVICE_CHECK_DRY:-0}" = 1 ] && DRY=1
  if [ ${#steps[@]} = 0 ]; then
    if [ -d "$DEV/gpu" ]; then steps=(a b c d e f); else steps=(a d g h pytest); fi
  fi
  STEPS="${steps[*]}"
  OUTDIR=${OUT:-$ROOT/out/device}
  mkdir -p "$OUTDIR"
  OUTDIR=$(cd "$OUTDIR" && pwd)
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/tengen-device.XXXXXX")
  mkdir -p "$WORK/steps"
  LOG="$OUTDIR/device_check.log"
  : >"$OUTDIR/steps.tsv"
  BUDGET=${DEVICE_CHECK_BUDGET:-420}
  set -m  # each step in its own process group, so that its cap stops everything it started
  T0=$(now)
  export TENGEN_CUDA_LIB_DIRS=${TENGEN_CUDA_LIB_DIRS:-$(needs_cuda_dirs)}
  echo "device check: steps ${steps[*]}$([ $DRY = 1 ] && echo ' (dry run: shortened)'), budget $BUDGET s, $(date -u +%FT%TZ)" | tee "$LOG"
  step unpack 15 s_unpack
  RT="$WORK/rt"
  [ -x "$RT/bin/tengen" ] || { echo "no runtime: stopping" | tee -a "$LOG"; exit 1; }
  NETFILE=$(ls "$WORK/$NET_NAME".bin* 2>/dev/null | head -1)
  # d first when a later step needs its nets
  local caps="a:25 b:70 c:60 d:45 e:95 f:70 g:88 h:50 pytest:180" s cap
  for s in "${steps[@]}"; do
    cap=$(echo "$caps" | tr ' ' '\n' | sed -n "s/^$s://p")
    [ -n "$cap" ] || { echo "unknown step $s (a-h, pytest)"; continue; }
    [ $DRY = 1 ] && [ $s = pytest ] && cap=240
    step "$s" "$cap" "s_$s"
  done
  DEVICE_CHECK_STEPLOGS="$WORK/steps" python3 scripts/device_check.py summarize "$OUTDIR" | tee -a "$LOG"
  echo "total $(elapsed | cut -c1-5) s; results in $OUTDIR (device_check.log, summary.json)" | tee -a "$LOG"
  rm -rf "$WORK"
}

case ${1:-} in
  pack) pack ;;
  run) shift; run "$@" ;;
  pytest) shift; run pytest "$@" ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac
