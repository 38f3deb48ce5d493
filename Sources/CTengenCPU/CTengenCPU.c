#include "CTengenCPU.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>

unsigned int tengen_fp_state(void) { return _mm_getcsr(); }
void tengen_set_fp_state(unsigned int state) { _mm_setcsr(state); }
void tengen_flush_denormals(void) { _mm_setcsr(_mm_getcsr() | 0x8040); }
#else
unsigned int tengen_fp_state(void) { return 0; }
void tengen_set_fp_state(unsigned int state) { (void)state; }
void tengen_flush_denormals(void) {}
#endif

int tengen_isa_supported(int isa) {
  switch (isa) {
  case TENGEN_ISA_GENERIC:
    return 1;
#if defined(__x86_64__)
  /* __builtin_cpu_supports also checks that the OS saves the wider registers (XCR0). */
  case TENGEN_ISA_AVX2:
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  case TENGEN_ISA_AVX512:
    __builtin_cpu_init();
    return tengen_isa_supported(TENGEN_ISA_AVX2) && __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
#endif
  default:
    return 0;
  }
}

int tengen_isa_best(void) {
  if (tengen_isa_supported(TENGEN_ISA_AVX512)) return TENGEN_ISA_AVX512;
  if (tengen_isa_supported(TENGEN_ISA_AVX2)) return TENGEN_ISA_AVX2;
  return TENGEN_ISA_GENERIC;
}

const char *tengen_isa_name(int isa) {
  switch (isa) {
  case TENGEN_ISA_AVX2: return "avx2";
  case TENGEN_ISA_AVX512: return "avx512";
  default: return "generic";
  }
}

int tengen_isa_choose(const char *want) {
  int best = tengen_isa_best();
  if (!want || !*want) return best;
  for (int isa = TENGEN_ISA_GENERIC; isa <= TENGEN_ISA_AVX512; isa++) {
    if (strcmp(want, tengen_isa_name(isa)) != 0) continue;
    if (tengen_isa_supported(isa)) return isa;
    fprintf(stderr, "TENGEN_CPU_ISA=%s: not supported by this CPU, using %s\n", want, tengen_isa_name(best));
    return best;
  }
  fprintf(stderr, "TENGEN_CPU_ISA=%s: unknown (generic, avx2 or avx512), using %s\n", want, tengen_isa_name(best));
  return best;
}

static int chosen_isa;
static pthread_once_t chosen_once = PTHREAD_ONCE_INIT;
static void choose_once(void) { chosen_isa = tengen_isa_choose(getenv("TENGEN_CPU_ISA")); }

int tengen_isa_default(void) {
  pthread_once(&chosen_once, choose_once);
  return chosen_isa;
}
