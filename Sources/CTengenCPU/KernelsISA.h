/* The kernels of each instruction set (KernelsTemplate.h instantiated per file), for Dispatch.c. */
#ifndef TENGEN_KERNELS_ISA_H
#define TENGEN_KERNELS_ISA_H

/* Attention: queries per block (the block's logits, ATT_QB × padded keys, stay in cache
   between the logits product, the softmax and the P·V product), and keys padded to a multiple
   of ATT_PAD (whole vectors at every width). */
#define ATT_QB 24
#define ATT_PAD 16
static inline long tengen_attention_keys(int s) { return (s + ATT_PAD - 1) / ATT_PAD * ATT_PAD; }

#define TENGEN_DECLARE_KERNELS(suffix)                                                           \
  void tengen_sgemm_rows_##suffix(int m, int n, int k, float alpha, const float *a, int lda,   \
                                  const float *b, int ldb, float beta, float *c, int ldc);     \
  void tengen_attention_##suffix(int s, int dq, int dv, float scale, const float *q, int ldq,  \
                                 const float *k, int ldk, const float *v, int ldv,             \
                                 const float *mask, float *out, int ldo, float *scratch);      \
  void tengen_activate_##suffix(float *x, long n, int kind);                                   \
  void tengen_silu_gate_##suffix(float *a, const float *g, long n);                            \
  void tengen_norm_act_##suffix(const float *src, float *dst, long rows, int channels,         \
                                const float *scale, const float *bias, const float *mask,      \
                                int kind);                                                     \
  void tengen_rms_norm_##suffix(const float *src, float *dst, long rows, int channels,         \
                                const float *weight, float eps, const float *mask);             \
  void tengen_rope_##suffix(float *x, const float *cosines, const float *sines, int pairs);

TENGEN_DECLARE_KERNELS(generic)
#if defined(__x86_64__)
TENGEN_DECLARE_KERNELS(avx2)
TENGEN_DECLARE_KERNELS(avx512)
#endif

#endif
