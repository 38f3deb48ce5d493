/* The kernels for AVX-512 F/BW/DQ/VL (16 floats per vector), whatever flags the target is
   compiled with; run only where the CPU has them (Dispatch.c). */
#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "KernelsISA.h"

#pragma clang attribute push(__attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx2,fma"), min_vector_width(512))), apply_to = function)
#define TG_W 16
#define TG_FN(name) name##_avx512
#include "KernelsTemplate.h"
#pragma clang attribute pop
#endif
