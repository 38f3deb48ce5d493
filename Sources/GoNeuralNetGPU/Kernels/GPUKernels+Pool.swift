extension GPUKernels {
  /// KataGo's 3C global pooling over on-board points, FP32 out `[n][3c]`: mean,
  /// mean·(√A − 14)/10, max (A = maskSum[s]; an empty board gives zeros, as padded samples have).
  /// One thread per (sample, channel).
  static func globalPool(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "global_pool", storage: t,
      parameters: ["const T* x", "const float* mask", "const float* maskSum", "float* out", "int n", "int area", "int c"],
      body: """
        if (i >= (long long)n * c) return;
        long long s = i / c;
        int ch = (int)(i % c);
        float sum = 0.0f;
        float mx = TG_NEG_INF;
        for (int p = 0; p < area; p++) {
          if (mask[s * area + p] != 0.0f) {
            float v = tg_ld(x[(s * area + p) * c + ch]);
            sum += v;
            mx = fmaxf(mx, v);
          }
        }
        float a = maskSum[s];
        float mean = a > 0.0f ? sum / a : 0.0f;
        out[s * 3 * c + ch] = mean;
        out[s * 3 * c + c + ch] = mean * (sqrtf(a) - 14.0f) / 10.0f;
        out[s * 3 * c + 2 * c + ch] = a > 0.0f ? mx : 0.0f;
        """,
      twin: { a in
        let x = a.tensor(0, t), mask = a.f32(1), maskSum = a.f32(2), out = a.f32(3)
        let n = a.int(4), area = a.int(5), c = a.int(6)
        return { i in
          guard i < n * c else { return }
          let s = i / c
          let ch = i % c
          var sum: Float = 0
          var mx = -Float.infinity
          for p in 0..<area where mask[s * area + p] != 0 {
            let v = x[(s * area + p) * c + ch]
            sum += v
            mx = max(mx, v)
          }
          let area = maskSum[s]
          let mean = area > 0 ? sum / area : 0
          out[s * 3 * c + ch] = mean
          out[s * 3 * c + c + ch] = mean * (area.squareRoot() - 14) / 10
          out[s * 3 * c + 2 * c + ch] = area > 0 ? mx : 0
        }
      })
  }

  /// The value head's pooling, FP32 out `[n][3c]`: mean, mean·d/10, mean·(d²/100 − 0.1) with
  /// d = √A − 14. One thread per (sample, channel).
  static func valuePool(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "value_pool", storage: t,
      parameters: ["const T* x", "const float* mask", "const float* maskSum", "float* out", "int n", "int area", "int c"],
      body: """
        if (i >= (long long)n * c) return;
        long long s = i / c;
        int ch = (int)(i % c);
        float sum = 0.0f;
        for (int p = 0; p < area; p++) {
          if (mask[s * area + p] != 0.0f) sum += tg_ld(x[(s * area + p) * c + ch]);
        }
        float a = maskSum[s];
        float mean = a > 0.0f ? sum / a : 0.0f;
        float d = sqrtf(a) - 14.0f;
        out[s * 3 * c + ch] = mean;
        out[s * 3 * c + c + ch] = mean * d / 10.0f;
        out[s * 3 * c + 2 * c + ch] = mean * (d * d / 100.0f - 0.1f);
        """,
      twin: { a in
        let x = a.tensor(0, t), mask = a.f32(1), maskSum = a.f32(2), out = a.f32(3)
        let n = a.int(4), area = a.int(5), c = a.int(6)
        return { i in
          guard i < n * c else { return }
          let s = i / c
          let ch = i % c
          var sum: Float = 0
          for p in 0..<area where mask[s * area + p] != 0 { sum += x[(s * area + p) * c + ch] }
          let area = maskSum[s]
          let mean = area > 0 ? sum / area : 0
          let d = area.squareRoot() - 14
          out[s * 3 * c + ch] = mean
          out[s * 3 * c + c + ch] = mean * d / 10
          out[s * 3 * c + 2 * c + ch] = mean * (d * d / 100 - 0.1)
        }
      })
  }
}
