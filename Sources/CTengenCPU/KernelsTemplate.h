/* The CPU backend's kernels for one vector width, included once per instruction set:
   KernelsGeneric.c (TG_W 1, portable C), KernelsAVX2.c (TG_W 8, AVX2 + FMA) and KernelsAVX512.c
   (TG_W 16, AVX-512 F/BW/DQ/VL). The two x86 files wrap the include in a
   `#pragma clang attribute push(target(...))`, so one binary carries all three and
   Dispatch.c picks one at run time; no compile flag of the target needs AVX-512.

   Every width computes every element with the same operations in the same order: products
   are one fused multiply-add chain per element in k order, elementwise kernels use the same
   fused and unfused steps, and sums keep 16 partial sums (one per logical lane: 16 scalars,
   two 8-lane vectors or one 16-lane vector) added up in one fixed order. So the three
   instruction sets give bit-identical outputs, and the tests compare them bit for bit.

   Before including: TG_W (1, 8 or 16) and TG_FN(name) (the exported name of `name`). */

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "KernelsISA.h"

/* ---- One vector of TG_W floats ------------------------------------------------------------ */

#if TG_W == 16 || TG_W == 8
/* The operations both x86 widths spell alike: P is the intrinsics' prefix, SI the integer
   vector's suffix. */
#define TG_X86_OPS(P, SI)                                                                         \
  static inline vf v_load(const float *p) { return P##_loadu_ps(p); }                             \
  static inline void v_store(float *p, vf v) { P##_storeu_ps(p, v); }                             \
  static inline vf v_set1(float x) { return P##_set1_ps(x); }                                     \
  static inline vf v_bcast(const float *p) { return P##_set1_ps(*p); }                            \
  static inline vf v_zero(void) { return P##_setzero_ps(); }                                      \
  static inline vf v_add(vf a, vf b) { return P##_add_ps(a, b); }                                 \
  static inline vf v_sub(vf a, vf b) { return P##_sub_ps(a, b); }                                 \
  static inline vf v_mul(vf a, vf b) { return P##_mul_ps(a, b); }                                 \
  static inline vf v_div(vf a, vf b) { return P##_div_ps(a, b); }                                 \
  static inline vf v_fma(vf a, vf b, vf c) { return P##_fmadd_ps(a, b, c); }                      \
  /* a > b ? a : b and a < b ? a : b (the x86 max/min: b when either is NaN). */                  \
  static inline vf v_max(vf a, vf b) { return P##_max_ps(a, b); }                                 \
  static inline vf v_min(vf a, vf b) { return P##_min_ps(a, b); }                                 \
  /* 2^(bits of t − magic), the exponent step of v_exp. */                                        \
  static inline vf v_exp_scale(vf t) {                                                            \
    return P##_castsi##SI##_ps(P##_slli_epi32(                                                    \
        P##_sub_epi32(P##_castps_si##SI(t), P##_set1_epi32(0x4B400000 - 127)), 23));              \
  }                                                                                               \
  static inline void v_to_array(float *out, vf v) { P##_storeu_ps(out, v); }
#endif

#if TG_W == 16
typedef __m512 vf;
TG_X86_OPS(_mm512, 512)
/* The first n (1...16) lanes; the others read as zero / are not written. */
static inline vf v_load_n(const float *p, int n) { return _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), p); }
static inline void v_store_n(float *p, vf v, int n) { _mm512_mask_storeu_ps(p, (__mmask16)((1u << n) - 1), v); }
/* m != 0 ? a : b */
static inline vf v_select_nz(vf m, vf a, vf b) {
  return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(m, _mm512_setzero_ps(), _CMP_NEQ_UQ), b, a);
}
/* a > b ? c : d */
static inline vf v_select_gt(vf a, vf b, vf c, vf d) {
  return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(a, b, _CMP_GT_OQ), d, c);
}
#elif TG_W == 8
typedef __m256 vf;
TG_X86_OPS(_mm256, 256)
static inline __m256i v_lane_mask(int n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
static inline vf v_load_n(const float *p, int n) { return _mm256_maskload_ps(p, v_lane_mask(n)); }
static inline void v_store_n(float *p, vf v, int n) { _mm256_maskstore_ps(p, v_lane_mask(n), v); }
static inline vf v_select_nz(vf m, vf a, vf b) {
  return _mm256_blendv_ps(b, a, _mm256_cmp_ps(m, _mm256_setzero_ps(), _CMP_NEQ_UQ));
}
static inline vf v_select_gt(vf a, vf b, vf c, vf d) {
  return _mm256_blendv_ps(d, c, _mm256_cmp_ps(a, b, _CMP_GT_OQ));
}
#elif TG_W == 1
typedef float vf;
static inline vf v_load(const float *p) { return *p; }
static inline void v_store(float *p, vf v) { *p = v; }
static inline vf v_load_n(const float *p, int n) { return n > 0 ? *p : 0.0f; }
static inline void v_store_n(float *p, vf v, int n) { if (n > 0) *p = v; }
static inline vf v_set1(float x) { return x; }
static inline vf v_bcast(const float *p) { return *p; }
static inline vf v_zero(void) { return 0.0f; }
static inline vf v_add(vf a, vf b) { return a + b; }
static inline vf v_sub(vf a, vf b) { return a - b; }
static inline vf v_mul(vf a, vf b) { return a * b; }
static inline vf v_div(vf a, vf b) { return a / b; }
static inline vf v_fma(vf a, vf b, vf c) { return fmaf(a, b, c); }
static inline vf v_max(vf a, vf b) { return a > b ? a : b; }
static inline vf v_min(vf a, vf b) { return a < b ? a : b; }
static inline vf v_select_nz(vf m, vf a, vf b) { return m != 0.0f ? a : b; }
static inline vf v_select_gt(vf a, vf b, vf c, vf d) { return a > b ? c : d; }
static inline vf v_exp_scale(vf t) {
  int32_t i;
  memcpy(&i, &t, 4);
  i = (int32_t)((uint32_t)(i - (0x4B400000 - 127)) << 23);
  float s;
  memcpy(&s, &i, 4);
  return s;
}
static inline void v_to_array(float *out, vf v) { *out = v; }
#else
#error "TG_W must be 1, 8 or 16"
#endif

/* Partial sums of a reduction: 16 logical lanes as NL vectors. */
#define NL (16 / TG_W)

/* The 16 partial sums added in lane order. */
static inline float sum_lanes(const vf *acc) {
  float lanes[16];
  for (int i = 0; i < NL; i++) v_to_array(lanes + i * TG_W, acc[i]);
  float s = lanes[0];
  for (int i = 1; i < 16; i++) s += lanes[i];
  return s;
}

/* exp(x): Cephes-style range reduction and degree-6 polynomial; the float "magic number"
   rounding keeps every step in vector registers. Relative error about 2e-7. */
static inline vf v_exp(vf x) {
  x = v_min(v_max(x, v_set1(-87.3f)), v_set1(88.3f));
  vf magic = v_set1(12582912.0f); /* 1.5 · 2^23: t's low mantissa bits hold round(x·log2 e) */
  vf t = v_fma(x, v_set1(1.44269504f), magic);
  vf n = v_sub(t, magic);
  vf r = v_fma(n, v_set1(-0.693359375f), x);
  r = v_fma(n, v_set1(2.12194440e-4f), r);
  vf p = v_set1(1.9875691500e-4f);
  p = v_fma(p, r, v_set1(1.3981999507e-3f));
  p = v_fma(p, r, v_set1(8.3334519073e-3f));
  p = v_fma(p, r, v_set1(4.1665795894e-2f));
  p = v_fma(p, r, v_set1(1.6666665459e-1f));
  p = v_fma(p, r, v_set1(5.0000001201e-1f));
  vf e = v_add(v_fma(v_mul(p, r), r, r), v_set1(1.0f));
  return v_mul(e, v_exp_scale(t));
}

/* Activation kinds: 0 identity, 1 ReLU, 2 Mish, 3 SiLU. */
static inline vf v_act(vf x, int kind) {
  switch (kind) {
  case 1:
    return v_max(x, v_zero());
  case 2: {
    vf e = v_exp(v_min(x, v_set1(20.0f)));
    vf n = v_mul(e, v_add(e, v_set1(2.0f)));
    vf y = v_div(v_mul(x, n), v_add(n, v_set1(2.0f)));
    return v_select_gt(x, v_set1(20.0f), x, y);
  }
  case 3:
    return v_div(x, v_add(v_set1(1.0f), v_exp(v_sub(v_zero(), x))));
  default:
    return x;
  }
}

/* ---- Row-stable sgemm --------------------------------------------------------------------- */

/* The main tile: GEMM_MR rows × GEMM_NV vectors (GEMM_NR columns). */
#if TG_W == 16
#define GEMM_MR 12
#define GEMM_NV 2
#elif TG_W == 8
#define GEMM_MR 6
#define GEMM_NV 2
#else
#define GEMM_MR 4
#define GEMM_NV 4
#endif
/* Rows of the tiles for what is left of a row block (enough accumulators to hide the
   multiply-add latency), before single rows. */
#define GEMM_MR_EDGE (GEMM_MR / 3)
#define GEMM_NR (GEMM_NV * TG_W)
/* Rows per block: the block's A rows stay in L2 while every column panel passes over them. */
#define GEMM_MC (GEMM_MR * 32)
/* A column panel of B whose rows lie more than two panels apart is copied into contiguous rows
   (at most this many floats, on the stack) when a row block uses it this many times: rows of a
   wide B otherwise collide in a few L1 sets. */
#define GEMM_PACK_FLOATS 8192
#define GEMM_PACK_MIN_TILES 4

/* C[mr][nv·W, the last vector `last` wide] = alpha · A·B + beta · C, one fused multiply-add
   chain per element over p = 0..k-1. Inlined with constant mr/nv, the accumulators live in
   registers. */
static inline __attribute__((always_inline)) void gemm_tile(
    int mr, int nv, int last, int k, const float *a, int lda, const float *b, int ldb, float *c,
    int ldc, float alpha, float beta) {
  vf acc[GEMM_MR][GEMM_NV];
  for (int r = 0; r < mr; r++)
    for (int v = 0; v < nv; v++) acc[r][v] = v_zero();
  for (int p = 0; p < k; p++) {
    const float *bp = b + (size_t)p * ldb;
    vf bv[GEMM_NV];
    for (int v = 0; v < nv; v++) bv[v] = (v == nv - 1 && last < TG_W) ? v_load_n(bp + v * TG_W, last) : v_load(bp + v * TG_W);
    for (int r = 0; r < mr; r++) {
      vf x = v_bcast(a + (size_t)r * lda + p);
      for (int v = 0; v < nv; v++) acc[r][v] = v_fma(x, bv[v], acc[r][v]);
    }
  }
  vf va = v_set1(alpha), vb = v_set1(beta);
  for (int r = 0; r < mr; r++) {
    float *cr = c + (size_t)r * ldc;
    for (int v = 0; v < nv; v++) {
      int partial = v == nv - 1 && last < TG_W;
      vf o = v_mul(acc[r][v], va);
      if (beta != 0.0f) o = v_add(o, v_mul(vb, partial ? v_load_n(cr + v * TG_W, last) : v_load(cr + v * TG_W)));
      if (partial)
        v_store_n(cr + v * TG_W, o, last);
      else
        v_store(cr + v * TG_W, o);
    }
  }
}

/* Rows [i0, i1) of one full column panel (GEMM_NR columns) whose B rows are ldb apart. */
static void gemm_panel(int i0, int i1, int k, float alpha, const float *a, int lda, const float *b,
                       int ldb, float beta, float *c, int ldc) {
  int i = i0;
#define TILE(mr) gemm_tile(mr, GEMM_NV, TG_W, k, a + (size_t)i * lda, lda, b, ldb, c + (size_t)i * ldc, ldc, alpha, beta)
  for (; i + GEMM_MR <= i1; i += GEMM_MR) TILE(GEMM_MR);
  for (; i + GEMM_MR_EDGE <= i1; i += GEMM_MR_EDGE) TILE(GEMM_MR_EDGE);
  for (; i < i1; i++) TILE(1);
#undef TILE
}

/* Rows [i0, i1) of one vector of columns, `width` (1...W) wide. */
static void gemm_column(int i0, int i1, int width, int k, float alpha, const float *a, int lda,
                        const float *b, int ldb, float beta, float *c, int ldc) {
  int i = i0;
#define TILE(mr, w) gemm_tile(mr, 1, w, k, a + (size_t)i * lda, lda, b, ldb, c + (size_t)i * ldc, ldc, alpha, beta)
  if (width == TG_W) {
    for (; i + GEMM_MR <= i1; i += GEMM_MR) TILE(GEMM_MR, TG_W);
    for (; i + GEMM_MR_EDGE <= i1; i += GEMM_MR_EDGE) TILE(GEMM_MR_EDGE, TG_W);
    for (; i < i1; i++) TILE(1, TG_W);
  } else {
    for (; i + GEMM_MR <= i1; i += GEMM_MR) TILE(GEMM_MR, width);
    for (; i + GEMM_MR_EDGE <= i1; i += GEMM_MR_EDGE) TILE(GEMM_MR_EDGE, width);
    for (; i < i1; i++) TILE(1, width);
  }
#undef TILE
}

/* C[m][n] = alpha · A[m][k] · B[k][n] + beta · C, row-major. */
static void gemm(int m, int n, int k, float alpha, const float *a, int lda, const float *b, int ldb,
                 float beta, float *c, int ldc) {
  float packed[GEMM_PACK_FLOATS];
  int pack = (size_t)k * GEMM_NR <= GEMM_PACK_FLOATS && ldb > 2 * GEMM_NR;
  for (int i0 = 0; i0 < m; i0 += GEMM_MC) {
    int i1 = i0 + GEMM_MC < m ? i0 + GEMM_MC : m;
    int j = 0;
    for (; j + GEMM_NR <= n; j += GEMM_NR) {
      if (pack && i1 - i0 >= GEMM_PACK_MIN_TILES * GEMM_MR) {
        for (int p = 0; p < k; p++)
          for (int v = 0; v < GEMM_NV; v++)
            v_store(packed + (size_t)p * GEMM_NR + v * TG_W, v_load(b + (size_t)p * ldb + j + v * TG_W));
        gemm_panel(i0, i1, k, alpha, a, lda, packed, GEMM_NR, beta, c + j, ldc);
      } else {
        gemm_panel(i0, i1, k, alpha, a, lda, b + j, ldb, beta, c + j, ldc);
      }
    }
    for (; j < n; j += TG_W) {
      int width = n - j < TG_W ? n - j : TG_W;
      gemm_column(i0, i1, width, k, alpha, a, lda, b + j, ldb, beta, c + j, ldc);
    }
  }
}

void TG_FN(tengen_sgemm_rows)(int m, int n, int k, float alpha, const float *a, int lda,
                              const float *b, int ldb, float beta, float *c, int ldc) {
  gemm(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/* ---- Attention ---------------------------------------------------------------------------- */

/* ATT_QB and ATT_PAD: KernelsISA.h. */

/* In place over a row of sp logits (sp a multiple of 16, km 0 beyond the real keys):
   x[j] = exp(x[j] − max) · km[j], the max over keys with km ≠ 0. Returns Σ x[j]. */
static float softmax_row(float *x, const float *km, int sp) {
  vf mx = v_set1(-INFINITY);
  for (int j = 0; j < sp; j += TG_W) mx = v_max(v_select_nz(v_load(km + j), v_load(x + j), v_set1(-INFINITY)), mx);
  float lanes[TG_W];
  v_to_array(lanes, mx);
  float m = lanes[0];
  for (int i = 1; i < TG_W; i++) m = lanes[i] > m ? lanes[i] : m;
  vf vm = v_set1(m);
  vf acc[NL];
  for (int i = 0; i < NL; i++) acc[i] = v_zero();
  for (int j = 0; j < sp; j += 16)
    for (int i = 0; i < NL; i++) {
      float *xp = x + j + i * TG_W;
      vf e = v_mul(v_exp(v_sub(v_load(xp), vm)), v_load(km + j + i * TG_W));
      v_store(xp, e);
      acc[i] = v_add(acc[i], e);
    }
  return sum_lanes(acc);
}

void TG_FN(tengen_attention)(int s, int dq, int dv, float scale, const float *q, int ldq,
                             const float *k, int ldk, const float *v, int ldv, const float *mask,
                             float *out, int ldo, float *scratch) {
  int sp = (int)tengen_attention_keys(s);
  /* Scratch: K transposed into column panels [sp / NR][dq][NR] (each panel a packed B of the
     logits product), the key mask padded with zeros, V packed [s][dv], one block of logits. */
  float *kt = scratch;
  float *km = kt + (size_t)dq * sp;
  float *vp = km + sp;
  float *lg = vp + (size_t)s * dv;
  for (int j0 = 0; j0 < sp; j0 += GEMM_NR) {
    int width = sp - j0 < GEMM_NR ? sp - j0 : GEMM_NR; /* the last panel may be one vector */
    float *panel = kt + (size_t)j0 * dq;
    int real = s - j0 < width ? s - j0 : width;
    for (int jj = 0; jj < real; jj++) {
      const float *kr = k + (size_t)(j0 + jj) * ldk;
      for (int p = 0; p < dq; p++) panel[p * width + jj] = kr[p];
    }
    for (int jj = real; jj < width; jj++)
      for (int p = 0; p < dq; p++) panel[p * width + jj] = 0.0f;
  }
  for (int j = 0; j < sp; j++) km[j] = j < s ? mask[j] : 0.0f;
  for (int j = 0; j < s; j++) memcpy(vp + (size_t)j * dv, v + (size_t)j * ldv, sizeof(float) * (size_t)dv);
  for (int q0 = 0; q0 < s; q0 += ATT_QB) {
    int rows = s - q0 < ATT_QB ? s - q0 : ATT_QB;
    const float *qb = q + (size_t)q0 * ldq;
    for (int j0 = 0; j0 < sp; j0 += GEMM_NR) {
      if (sp - j0 >= GEMM_NR)
        gemm_panel(0, rows, dq, scale, qb, ldq, kt + (size_t)j0 * dq, GEMM_NR, 0.0f, lg + j0, sp);
      else
        for (int jv = j0; jv < sp; jv += TG_W)
          gemm_column(0, rows, TG_W, dq, scale, qb, ldq, kt + (size_t)jv * dq, sp - j0, 0.0f, lg + jv, sp);
    }
    float inv[ATT_QB];
    for (int r = 0; r < rows; r++) {
      float *row = lg + (size_t)r * sp;
      if (mask[q0 + r] == 0.0f) {
        memset(row, 0, sizeof(float) * (size_t)sp);
        inv[r] = 0.0f;
      } else {
        inv[r] = 1.0f / softmax_row(row, km, sp);
      }
    }
    float *ob = out + (size_t)q0 * ldo;
    gemm(rows, dv, s, 1.0f, lg, sp, vp, dv, 0.0f, ob, ldo);
    for (int r = 0; r < rows; r++) {
      float *o = ob + (size_t)r * ldo;
      vf vi = v_set1(inv[r]);
      int d = 0;
      for (; d + TG_W <= dv; d += TG_W) v_store(o + d, v_mul(v_load(o + d), vi));
      if (d < dv) v_store_n(o + d, v_mul(v_load_n(o + d, dv - d), vi), dv - d);
    }
  }
}

/* ---- Elementwise and per-row kernels ------------------------------------------------------ */

/* y[i] = act(x[i]) (or act(x[i]) · g[i] with a gate) over n values. */
static inline __attribute__((always_inline)) void map_act(const float *x, const float *g, float *y,
                                                        long n, int kind) {
  long i = 0;
  for (; i + TG_W <= n; i += TG_W) {
    vf r = v_act(v_load(x + i), kind);
    if (g) r = v_mul(r, v_load(g + i));
    v_store(y + i, r);
  }
  if (i < n) {
    int rest = (int)(n - i);
    vf r = v_act(v_load_n(x + i, rest), kind);
    if (g) r = v_mul(r, v_load_n(g + i, rest));
    v_store_n(y + i, r, rest);
  }
}

void TG_FN(tengen_activate)(float *x, long n, int kind) {
  switch (kind) {
  case 1: map_act(x, NULL, x, n, 1); break;
  case 2: map_act(x, NULL, x, n, 2); break;
  case 3: map_act(x, NULL, x, n, 3); break;
  default: break;
  }
}

void TG_FN(tengen_silu_gate)(float *a, const float *g, long n) { map_act(a, g, a, n, 3); }

/* Zeroes a row of `channels` floats whose mask is 0 (an off-board point); 1 if it did. */
static inline int zero_masked_row(float *out, int channels, float mask) {
  if (mask != 0.0f) return 0;
  memset(out, 0, sizeof(float) * (size_t)channels);
  return 1;
}

/* One row of norm_act with a constant activation kind. */
static inline __attribute__((always_inline)) void norm_act_row(const float *in, float *out, int channels,
                                                             const float *scale, const float *bias,
                                                             int kind) {
  int c = 0;
  for (; c + TG_W <= channels; c += TG_W)
    v_store(out + c, v_act(v_fma(v_load(in + c), v_load(scale + c), v_load(bias + c)), kind));
  if (c < channels) {
    int rest = channels - c;
    vf y = v_fma(v_load_n(in + c, rest), v_load_n(scale + c, rest), v_load_n(bias + c, rest));
    v_store_n(out + c, v_act(y, kind), rest);
  }
}

void TG_FN(tengen_norm_act)(const float *src, float *dst, long rows, int channels,
                            const float *scale, const float *bias, const float *mask, int kind) {
  for (long r = 0; r < rows; r++) {
    const float *in = src + r * channels;
    float *out = dst + r * channels;
    if (zero_masked_row(out, channels, mask[r])) continue;
    switch (kind) {
    case 1: norm_act_row(in, out, channels, scale, bias, 1); break;
    case 2: norm_act_row(in, out, channels, scale, bias, 2); break;
    case 3: norm_act_row(in, out, channels, scale, bias, 3); break;
    default: norm_act_row(in, out, channels, scale, bias, 0); break;
    }
  }
}

void TG_FN(tengen_rms_norm)(const float *src, float *dst, long rows, int channels,
                            const float *weight, float eps, const float *mask) {
  for (long r = 0; r < rows; r++) {
    const float *in = src + r * channels;
    float *out = dst + r * channels;
    if (zero_masked_row(out, channels, mask[r])) continue;
    vf acc[NL];
    for (int i = 0; i < NL; i++) acc[i] = v_zero();
    for (int c0 = 0; c0 < channels; c0 += 16)
      for (int i = 0; i < NL; i++) {
        int c = c0 + i * TG_W;
        if (c >= channels) break;
        vf x = channels - c >= TG_W ? v_load(in + c) : v_load_n(in + c, channels - c);
        acc[i] = v_fma(x, x, acc[i]);
      }
    float scale = 1.0f / sqrtf(sum_lanes(acc) / (float)channels + eps);
    vf vs = v_set1(scale);
    int c = 0;
    for (; c + TG_W <= channels; c += TG_W) v_store(out + c, v_mul(v_mul(v_load(in + c), vs), v_load(weight + c)));
    if (c < channels) {
      int rest = channels - c;
      v_store_n(out + c, v_mul(v_mul(v_load_n(in + c, rest), vs), v_load_n(weight + c, rest)), rest);
    }
  }
}

void TG_FN(tengen_rope)(float *x, const float *cosines, const float *sines, int pairs) {
  /* Plain loops: the compiler vectorises them for the file's instruction set; products and
     differences are not fused, so every width rounds alike. */
  for (int p = 0; p < pairs; p++) {
    float a = x[2 * p], b = x[2 * p + 1];
    x[2 * p] = a * cosines[p] - b * sines[p];
    x[2 * p + 1] = a * sines[p] + b * cosines[p];
  }
}
