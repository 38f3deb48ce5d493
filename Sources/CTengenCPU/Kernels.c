#include <math.h>
#include <stdint.h>
#include <string.h>

#include "CTengenCPU.h"

/* exp(x): Cephes-style range reduction and degree-6 polynomial; float "magic number" rounding
   keeps every step vectorisable. Relative error about 2e-7. */
static inline float tengen_exp(float x) {
  x = x < -87.3f ? -87.3f : (x > 88.3f ? 88.3f : x);
  float t = x * 1.44269504f + 12582912.0f;
  float n = t - 12582912.0f;
  float r = x - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  float e = p * r * r + r + 1.0f;
  int32_t bits;
  memcpy(&bits, &t, 4);
  bits = (bits - 0x4B400000 + 127) << 23;
  float scale;
  memcpy(&scale, &bits, 4);
  return e * scale;
}

static inline float tengen_act(float x, int kind) {
  switch (kind) {
  case 1:
    return x > 0.0f ? x : 0.0f;
  case 2: {
    float xc = x > 20.0f ? 20.0f : x;
    float e = tengen_exp(xc);
    float n = e * (e + 2.0f);
    float y = x * n / (n + 2.0f);
    return x > 20.0f ? x : y;
  }
  case 3:
    return x / (1.0f + tengen_exp(-x));
  default:
    return x;
  }
}

void tengen_softmax_masked(float *logits, int rows, int cols, const float *keyMask,
                           const float *rowMask) {
  /* Eight independent lanes for the max and the sum so that the loops vectorise without
     reassociating floating-point reductions. */
  enum { L = 8 };
  int full = cols / L * L;
  for (int q = 0; q < rows; q++) {
    float *lr = logits + (long)q * cols;
    if (rowMask[q] == 0.0f) {
      memset(lr, 0, sizeof(float) * (size_t)cols);
      continue;
    }
    float mx8[L];
    for (int j = 0; j < L; j++) mx8[j] = -INFINITY;
    for (int k = 0; k < full; k += L)
      for (int j = 0; j < L; j++) {
        float v = keyMask[k + j] != 0.0f ? lr[k + j] : -INFINITY;
        mx8[j] = v > mx8[j] ? v : mx8[j];
      }
    float mx = -INFINITY;
    for (int j = 0; j < L; j++) mx = mx8[j] > mx ? mx8[j] : mx;
    for (int k = full; k < cols; k++)
      if (keyMask[k] != 0.0f && lr[k] > mx) mx = lr[k];
    /* Elementwise exp first (a plain map loop vectorises), then an 8-lane sum. */
    for (int k = 0; k < cols; k++) lr[k] = tengen_exp(lr[k] - mx) * keyMask[k];
    float sum8[L] = {0};
    for (int k = 0; k < full; k += L)
      for (int j = 0; j < L; j++) sum8[j] += lr[k + j];
    float total = 0.0f;
    for (int j = 0; j < L; j++) total += sum8[j];
    for (int k = full; k < cols; k++) total += lr[k];
    float inv = 1.0f / total;
    for (int k = 0; k < cols; k++) lr[k] *= inv;
  }
}

void tengen_activate(float *x, long n, int kind) {
  switch (kind) {
  case 1:
    for (long i = 0; i < n; i++) x[i] = tengen_act(x[i], 1);
    break;
  case 2:
    for (long i = 0; i < n; i++) x[i] = tengen_act(x[i], 2);
    break;
  case 3:
    for (long i = 0; i < n; i++) x[i] = tengen_act(x[i], 3);
    break;
  default:
    break;
  }
}

void tengen_norm_act(const float *src, float *dst, long rows, int channels, const float *scale,
                     const float *bias, const float *mask, int kind) {
  for (long r = 0; r < rows; r++) {
    const float *in = src + r * channels;
    float *out = dst + r * channels;
    if (mask[r] == 0.0f) {
      memset(out, 0, sizeof(float) * (size_t)channels);
      continue;
    }
    switch (kind) {
    case 1:
      for (int c = 0; c < channels; c++) out[c] = tengen_act(in[c] * scale[c] + bias[c], 1);
      break;
    case 2:
      for (int c = 0; c < channels; c++) out[c] = tengen_act(in[c] * scale[c] + bias[c], 2);
      break;
    case 3:
      for (int c = 0; c < channels; c++) out[c] = tengen_act(in[c] * scale[c] + bias[c], 3);
      break;
    default:
      for (int c = 0; c < channels; c++) out[c] = in[c] * scale[c] + bias[c];
      break;
    }
  }
}

void tengen_silu_gate(float *a, const float *g, long n) {
  for (long i = 0; i < n; i++) a[i] = tengen_act(a[i], 3) * g[i];
}
