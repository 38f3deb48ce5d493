#ifndef CTENGENCPU_H
#define CTENGENCPU_H

/// Returns the current floating-point control state of this thread (x86 MXCSR; 0 elsewhere).
unsigned int tengen_fp_state(void);

/// Sets this thread's floating-point control state (as returned by tengen_fp_state).
void tengen_set_fp_state(unsigned int state);

/// Makes this thread flush denormal results and inputs to zero (x86 FTZ + DAZ; no-op elsewhere).
void tengen_flush_denormals(void);

/// Instruction sets of the kernels below: every kernel takes one as its first argument.
/// GENERIC is portable C; AVX2 is AVX2 + FMA (8 lanes); AVX512 is AVX-512 F/BW/DQ/VL (16 lanes).
/// The AVX2 and AVX-512 kernels give bit-identical results: every element is computed by the
/// same operations in the same order, and reductions keep 16 partial sums at both widths.
enum { TENGEN_ISA_GENERIC = 0, TENGEN_ISA_AVX2 = 1, TENGEN_ISA_AVX512 = 2 };

/// 1 when this CPU (and its operating system) can run the kernels of `isa` and they are
/// compiled in (x86-64 only for AVX2 and AVX-512).
int tengen_isa_supported(int isa);

/// The widest supported instruction set.
int tengen_isa_best(void);

/// The instruction set a TENGEN_CPU_ISA value asks for: `want` (generic, avx2 or avx512) when
/// supported, else the widest supported one (also for NULL or ""); an unknown or unsupported
/// value is reported on stderr.
int tengen_isa_choose(const char *want);

/// The instruction set to use, chosen once per process: tengen_isa_choose of the TENGEN_CPU_ISA
/// environment variable.
int tengen_isa_default(void);

/// "generic", "avx2" or "avx512".
const char *tengen_isa_name(int isa);

/// Applies an activation in place to n values: 0 identity, 1 ReLU, 2 Mish, 3 SiLU.
void tengen_activate(int isa, float *x, long n, int kind);

/// dst[r][c] = mask[r] * act(src[r][c] * scale[c] + bias[c]) for rows × channels (src may be dst).
void tengen_norm_act(int isa, const float *src, float *dst, long rows, int channels,
                     const float *scale, const float *bias, const float *mask, int kind);

/// a[i] = silu(a[i]) * g[i] for n values.
void tengen_silu_gate(int isa, float *a, const float *g, long n);

/// Transformer RMSNorm: dst[r][c] = mask[r] * src[r][c] / sqrt(mean_c(src[r]²) + eps) * weight[c]
/// for rows × channels (src may be dst).
void tengen_rms_norm(int isa, const float *src, float *dst, long rows, int channels,
                     const float *weight, float eps, const float *mask);

/// Rotary encoding of one head vector in place: each pair (x[2p], x[2p+1]) = (a, b) becomes
/// (a·cos[p] − b·sin[p], a·sin[p] + b·cos[p]) for p < pairs.
void tengen_rope(int isa, float *x, const float *cosines, const float *sines, int pairs);

/// Row-stable sgemm, row-major: C[m][n] = alpha * A[m][k] * B[k][n] + beta * C. Each element is
/// one chain of fused multiply-adds in k order whichever kernel computes it, so a row's result
/// does not depend on the number of rows in the call or the row's place among them.
void tengen_sgemm_rows(int isa, int m, int n, int k, float alpha, const float *a, int lda,
                       const float *b, int ldb, float beta, float *c, int ldc);

/// Floats of scratch that tengen_attention needs for s points and head widths dq, dv.
long tengen_attention_scratch(int s, int dq, int dv);

/// One attention head of one sample over s points: out[i] = Σ_j p_ij · v[j] with
/// p_i = softmax_j(scale · q[i]·k[j]) over the keys with mask[j] ≠ 0; rows with mask[i] = 0 get
/// zeros. q, k, v and out are rows of dq, dq, dv floats with strides ldq, ldk, ldv, ldo.
/// Fused: K is transposed once, then per block of queries the logits, the softmax and P·V stay
/// in cache; the logits and P·V products are row-stable sgemm chains.
void tengen_attention(int isa, int s, int dq, int dv, float scale, const float *q, int ldq,
                      const float *k, int ldk, const float *v, int ldv, const float *mask,
                      float *out, int ldo, float *scratch);

#endif
