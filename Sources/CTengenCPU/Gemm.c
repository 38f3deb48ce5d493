#include <math.h>
#include <stddef.h>

#include "CTengenCPU.h"

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define TENGEN_GEMM_AVX2 1
#endif

/* Row-stable sgemm: C[m][n] = alpha * A[m][k] * B[k][n] + beta * C, all row-major.

   Every element is the same chain of fused multiply-adds over p = 0..k-1, started from zero,
   then scaled and added to beta * C in the same way, whichever kernel computes it (6 rows x 16
   columns, one row x 16, 8 or 1 columns). So a row's result never depends on how many rows the
   call has or where the row sits: a network's output for a position is the same in any batch.
   BLAS libraries do not promise that (their edge kernels differ from their main kernels). */

#define MR 6
#define NR 16
#define MC 192

static inline float tengen_finish(float acc, float alpha, float beta, const float *c) {
  float v = acc * alpha;
  return beta != 0.0f ? v + beta * *c : v;
}

/* One row, columns [j, j + width) with width 1 (scalar fallback). */
static void row_scalar(int k, const float *a, const float *b, int ldb, float *c, int j, float alpha,
                       float beta) {
  float acc = 0.0f;
  for (int p = 0; p < k; p++) acc = fmaf(a[p], b[(size_t)p * ldb + j], acc);
  c[j] = tengen_finish(acc, alpha, beta, c + j);
}

#ifdef TENGEN_GEMM_AVX2
static inline void store8(float *c, __m256 acc, float alpha, float beta) {
  __m256 v = _mm256_mul_ps(acc, _mm256_set1_ps(alpha));
  if (beta != 0.0f) v = _mm256_add_ps(v, _mm256_mul_ps(_mm256_set1_ps(beta), _mm256_loadu_ps(c)));
  _mm256_storeu_ps(c, v);
}

/* MR rows x 16 columns at (i, j). */
static void kernel_6x16(int k, const float *a, int lda, const float *b, int ldb, float *c, int ldc,
                        float alpha, float beta) {
  __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
  __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
  __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
  __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
  __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
  __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
  const float *a0 = a, *a1 = a + lda, *a2 = a + 2 * (size_t)lda, *a3 = a + 3 * (size_t)lda,
              *a4 = a + 4 * (size_t)lda, *a5 = a + 5 * (size_t)lda;
  for (int p = 0; p < k; p++) {
    const float *bp = b + (size_t)p * ldb;
    __m256 b0 = _mm256_loadu_ps(bp), b1 = _mm256_loadu_ps(bp + 8);
    __m256 x;
    x = _mm256_broadcast_ss(a0 + p); c00 = _mm256_fmadd_ps(x, b0, c00); c01 = _mm256_fmadd_ps(x, b1, c01);
    x = _mm256_broadcast_ss(a1 + p); c10 = _mm256_fmadd_ps(x, b0, c10); c11 = _mm256_fmadd_ps(x, b1, c11);
    x = _mm256_broadcast_ss(a2 + p); c20 = _mm256_fmadd_ps(x, b0, c20); c21 = _mm256_fmadd_ps(x, b1, c21);
    x = _mm256_broadcast_ss(a3 + p); c30 = _mm256_fmadd_ps(x, b0, c30); c31 = _mm256_fmadd_ps(x, b1, c31);
    x = _mm256_broadcast_ss(a4 + p); c40 = _mm256_fmadd_ps(x, b0, c40); c41 = _mm256_fmadd_ps(x, b1, c41);
    x = _mm256_broadcast_ss(a5 + p); c50 = _mm256_fmadd_ps(x, b0, c50); c51 = _mm256_fmadd_ps(x, b1, c51);
  }
  store8(c, c00, alpha, beta); store8(c + 8, c01, alpha, beta); c += ldc;
  store8(c, c10, alpha, beta); store8(c + 8, c11, alpha, beta); c += ldc;
  store8(c, c20, alpha, beta); store8(c + 8, c21, alpha, beta); c += ldc;
  store8(c, c30, alpha, beta); store8(c + 8, c31, alpha, beta); c += ldc;
  store8(c, c40, alpha, beta); store8(c + 8, c41, alpha, beta); c += ldc;
  store8(c, c50, alpha, beta); store8(c + 8, c51, alpha, beta);
}

/* One row x 16 columns. */
static void kernel_1x16(int k, const float *a, const float *b, int ldb, float *c, float alpha,
                        float beta) {
  __m256 c0 = _mm256_setzero_ps(), c1 = _mm256_setzero_ps();
  for (int p = 0; p < k; p++) {
    const float *bp = b + (size_t)p * ldb;
    __m256 x = _mm256_broadcast_ss(a + p);
    c0 = _mm256_fmadd_ps(x, _mm256_loadu_ps(bp), c0);
    c1 = _mm256_fmadd_ps(x, _mm256_loadu_ps(bp + 8), c1);
  }
  store8(c, c0, alpha, beta);
  store8(c + 8, c1, alpha, beta);
}

/* One row x 8 columns. */
static void kernel_1x8(int k, const float *a, const float *b, int ldb, float *c, float alpha,
                       float beta) {
  __m256 c0 = _mm256_setzero_ps();
  for (int p = 0; p < k; p++) c0 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + p), _mm256_loadu_ps(b + (size_t)p * ldb), c0);
  store8(c, c0, alpha, beta);
}
#endif

void tengen_sgemm_rows(int m, int n, int k, float alpha, const float *a, int lda, const float *b,
                       int ldb, float beta, float *c, int ldc) {
  for (int i0 = 0; i0 < m; i0 += MC) {
    int i1 = i0 + MC < m ? i0 + MC : m;
    int j = 0;
#ifdef TENGEN_GEMM_AVX2
    for (; j + NR <= n; j += NR) {
      int i = i0;
      for (; i + MR <= i1; i += MR)
        kernel_6x16(k, a + (size_t)i * lda, lda, b + j, ldb, c + (size_t)i * ldc + j, ldc, alpha, beta);
      for (; i < i1; i++) kernel_1x16(k, a + (size_t)i * lda, b + j, ldb, c + (size_t)i * ldc + j, alpha, beta);
    }
    for (; j + 8 <= n; j += 8)
      for (int i = i0; i < i1; i++) kernel_1x8(k, a + (size_t)i * lda, b + j, ldb, c + (size_t)i * ldc + j, alpha, beta);
#endif
    for (; j < n; j++)
      for (int i = i0; i < i1; i++) row_scalar(k, a + (size_t)i * lda, b, ldb, c + (size_t)i * ldc, j, alpha, beta);
  }
}
