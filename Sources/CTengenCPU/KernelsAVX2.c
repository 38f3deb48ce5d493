/* The kernels for AVX2 + FMA (8 floats per vector), whatever flags the target is compiled with. */
#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "KernelsISA.h"

#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define TG_W 8
#define TG_FN(name) name##_avx2
#include "KernelsTemplate.h"
#pragma clang attribute pop
#endif
