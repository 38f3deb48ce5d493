#!/usr/bin/env bash
# Checks Sources/CTengenCUDA's hand-written CUDA declarations against NVIDIA's headers and the
# symbols its libraries export (see scripts/cuda_header_check.c). Needs no GPU.
# Usage: bash scripts/cuda_header_check.sh INCLUDE_DIR [LIB_DIR]
#   e.g. with pip's wheels: INCLUDE_DIR=.../site-packages/nvidia/cu13/include, LIB_DIR=.../cu13/lib
# cuBLAS is checked too when INCLUDE_DIR holds cublas_v2.h.
set -euo pipefail
cd "$(dirname "$0")/.."
inc="$1"
lib="${2:-}"
flags=(-std=c11 -Wall -Werror -fsyntax-only -I "$inc" -I Sources/CTengenCUDA/include)
# pip's nvidia-cuda-cccl puts <nv/target> (which cuda_fp16.h, included by cublas_api.h, needs) here.
if [ -d "$inc/cccl" ]; then flags+=(-I "$inc/cccl"); fi
if [ -f "$inc/cublas_v2.h" ]; then flags+=(-DTG_CHECK_CUBLAS); echo "checking cuBLAS too"; fi
cc "${flags[@]}" scripts/cuda_header_check.c
echo "declarations match the headers in $inc"
if [ -n "$lib" ]; then
  # Every name the loader looks up must be exported by a library of LIB_DIR that is present.
  names=$(grep -oE '^  LOOKUP\([a-z]+, [A-Z]+\.label, [A-Za-z0-9_]+\)' Sources/CTengenCUDA/Loader.c | sed -E 's/.*, ([A-Za-z0-9_]+)\)$/\1/')
  missing=0
  for so in libcudart.so.13 libcudart.so.12 libcublas.so.13 libcublas.so.12 libnvrtc.so.13 libnvrtc.so.12 libcuda.so.1; do
    [ -f "$lib/$so" ] || continue
    exported=$(nm -D --defined-only "$lib/$so" | awk '{print $3}' | sed 's/@.*//')
    prefix=$(case $so in libcudart*) echo cuda;; libcublas*) echo cublas;; libnvrtc*) echo nvrtc;; libcuda.so*) echo cu;; esac)
    for n in $names; do
      case $so in libcuda.so*) [[ $n == cu[A-Z]* ]] || continue;; *) [[ $n == $prefix* ]] || continue;; esac
      if ! grep -qx "$n" <<<"$exported"; then echo "$so does not export $n"; missing=1; fi
    done
    echo "$so exports the looked-up names"
  done
  exit $missing
fi
