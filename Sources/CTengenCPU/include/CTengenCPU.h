#ifndef CTENGENCPU_H
#define CTENGENCPU_H

/// Returns the current floating-point control state of this thread (x86 MXCSR; 0 elsewhere).
unsigned int tengen_fp_state(void);

/// Sets this thread's floating-point control state (as returned by tengen_fp_state).
void tengen_set_fp_state(unsigned int state);

/// Makes this thread flush denormal results and inputs to zero (x86 FTZ + DAZ; no-op elsewhere).
void tengen_flush_denormals(void);

#endif

/// Masked softmax of `rows` rows of `cols` logits in place: keys with keyMask 0 get weight 0;
/// rows with rowMask 0 become all zero.
void tengen_softmax_masked(float *logits, int rows, int cols, const float *keyMask,
                           const float *rowMask);

/// Applies an activation in place to n values: 0 identity, 1 ReLU, 2 Mish, 3 SiLU.
void tengen_activate(float *x, long n, int kind);

/// dst[r][c] = mask[r] * act(src[r][c] * scale[c] + bias[c]) for rows × channels (src may be dst).
void tengen_norm_act(const float *src, float *dst, long rows, int channels, const float *scale,
                     const float *bias, const float *mask, int kind);

/// a[i] = silu(a[i]) * g[i] for n values.
void tengen_silu_gate(float *a, const float *g, long n);

/// Row-stable sgemm, row-major: C[m][n] = alpha * A[m][k] * B[k][n] + beta * C. Each element is
/// one chain of fused multiply-adds in k order whichever kernel computes it, so a row's result
/// does not depend on the number of rows in the call or the row's place among them.
void tengen_sgemm_rows(int m, int n, int k, float alpha, const float *a, int lda, const float *b,
                       int ldb, float beta, float *c, int ldc);
