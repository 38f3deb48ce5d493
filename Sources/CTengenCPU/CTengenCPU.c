#include "CTengenCPU.h"

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
