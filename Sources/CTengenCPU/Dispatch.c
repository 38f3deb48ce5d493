/* The public kernels: each runs the instruction set its caller names (tengen_isa_default()
   unless a test asks for another), falling back to the portable kernels where that one is not
   compiled in. */
#include "CTengenCPU.h"
#include "KernelsISA.h"

#if defined(__x86_64__)
#define DISPATCH(isa, name, ...)                                                                 \
  switch (isa) {                                                                                 \
  case TENGEN_ISA_AVX512: name##_avx512(__VA_ARGS__); return;                                    \
  case TENGEN_ISA_AVX2: name##_avx2(__VA_ARGS__); return;                                        \
  default: name##_generic(__VA_ARGS__); return;                                                  \
  }
#else
#define DISPATCH(isa, name, ...)                                                                 \
  (void)(isa);                                                                                   \
  name##_generic(__VA_ARGS__);
#endif

void tengen_sgemm_rows(int isa, int m, int n, int k, float alpha, const float *a, int lda,
                       const float *b, int ldb, float beta, float *c, int ldc) {
  DISPATCH(isa, tengen_sgemm_rows, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

long tengen_attention_scratch(int s, int dq, int dv) {
  /* K transposed (dq rows of padded keys), the key mask, V packed, one block of logits. */
  long sp = tengen_attention_keys(s);
  return (long)dq * sp + sp + (long)s * dv + ATT_QB * sp;
}

void tengen_attention(int isa, int s, int dq, int dv, float scale, const float *q, int ldq,
                      const float *k, int ldk, const float *v, int ldv, const float *mask,
                      float *out, int ldo, float *scratch) {
  DISPATCH(isa, tengen_attention, s, dq, dv, scale, q, ldq, k, ldk, v, ldv, mask, out, ldo, scratch)
}

void tengen_activate(int isa, float *x, long n, int kind) {
  DISPATCH(isa, tengen_activate, x, n, kind)
}

void tengen_silu_gate(int isa, float *a, const float *g, long n) {
  DISPATCH(isa, tengen_silu_gate, a, g, n)
}

void tengen_norm_act(int isa, const float *src, float *dst, long rows, int channels,
                     const float *scale, const float *bias, const float *mask, int kind) {
  DISPATCH(isa, tengen_norm_act, src, dst, rows, channels, scale, bias, mask, kind)
}

void tengen_rms_norm(int isa, const float *src, float *dst, long rows, int channels,
                     const float *weight, float eps, const float *mask) {
  DISPATCH(isa, tengen_rms_norm, src, dst, rows, channels, weight, eps, mask)
}

void tengen_rope(int isa, float *x, const float *cosines, const float *sines, int pairs) {
  DISPATCH(isa, tengen_rope, x, cosines, sines, pairs)
}
