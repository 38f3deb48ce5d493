#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GPUKernels {
  /// `y = mask[row] == 0 ? 0 : act(x·scale[c] + bias[c])` over `[rows][c]` (y may be x).
  /// One thread per element.
  static func normAct(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "norm_act", storage: t,
      parameters: [
        "const T* x", "T* y", "const float* scale", "const float* bias", "const float* mask", "int rows", "int c",
        "int act",
      ],
      body: """
        if (i >= (long long)rows * c) return;
        long long row = i / c;
        int ch = (int)(i % c);
        float v = 0.0f;
        if (mask[row] != 0.0f) v = tg_act(tg_ld(x[i]) * scale[ch] + bias[ch], act);
        tg_st(&y[i], v);
        """,
      twin: { a in
        let x = a.tensor(0, t), y = a.tensor(1, t), scale = a.f32(2), bias = a.f32(3), mask = a.f32(4)
        let rows = a.int(5), c = a.int(6), act = a.activation(7)
        return { i in
          guard i < rows * c else { return }
          let row = i / c
          let ch = i % c
          var v: Float = 0
          if mask[row] != 0 { v = act.apply(x[i] * scale[ch] + bias[ch]) }
          y[i] = v
        }
      })
  }

  /// `x[row][c] += bias[row / area][c]` (a per-sample bias at every point). One thread per element.
  static func addSampleBias(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "add_sample_bias", storage: t,
      parameters: ["T* x", "const float* bias", "int rows", "int area", "int c"],
      body: """
        if (i >= (long long)rows * c) return;
        long long row = i / c;
        int ch = (int)(i % c);
        tg_st(&x[i], tg_ld(x[i]) + bias[(row / area) * c + ch]);
        """,
      twin: { a in
        let x = a.tensor(0, t), bias = a.f32(1)
        let rows = a.int(2), area = a.int(3), c = a.int(4)
        return { i in
          guard i < rows * c else { return }
          let row = i / c
          let ch = i % c
          x[i] = x[i] + bias[(row / area) * c + ch]
        }
      })
  }

  /// `x[j][c] = act(x[j][c] + bias[c])` over `[count][c]` FP32 (dense-layer bias + activation).
  static func biasAct() -> GPUKernel {
    GPUKernel(
      "bias_act",
      parameters: ["float* x", "const float* bias", "int count", "int c", "int act"],
      body: """
        if (i >= (long long)count * c) return;
        x[i] = tg_act(x[i] + bias[i % c], act);
        """,
      twin: { a in
        let x = a.f32(0), bias = a.f32(1)
        let count = a.int(2), c = a.int(3), act = a.activation(4)
        return { i in
          guard i < count * c else { return }
          x[i] = act.apply(x[i] + bias[i % c])
        }
      })
  }

  /// The transformer RMSNorm per point: `y = mask == 0 ? 0 : x / sqrt(mean(x²) + eps) · weight`
  /// (y may be x). One thread per row.
  static func rmsNorm(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "rms_norm", storage: t,
      parameters: ["const T* x", "T* y", "const float* weight", "const float* mask", "int rows", "int c", "float eps"],
      body: """
        if (i >= rows) return;
        long long base = i * c;
        if (mask[i] == 0.0f) {
          for (int ch = 0; ch < c; ch++) tg_st(&y[base + ch], 0.0f);
          return;
        }
        float sum = 0.0f;
        for (int ch = 0; ch < c; ch++) {
          float v = tg_ld(x[base + ch]);
          sum += v * v;
        }
        float r = 1.0f / sqrtf(sum / c + eps);
        for (int ch = 0; ch < c; ch++) tg_st(&y[base + ch], tg_ld(x[base + ch]) * r * weight[ch]);
        """,
      twin: { a in
        let x = a.tensor(0, t), y = a.tensor(1, t), weight = a.f32(2), mask = a.f32(3)
        let rows = a.int(4), c = a.int(5), eps = a.float(6)
        return { i in
          guard i < rows else { return }
          let base = i * c
          if mask[i] == 0 {
            for ch in 0..<c { y[base + ch] = 0 }
            return
          }
          var sum: Float = 0
          for ch in 0..<c {
            let v = x[base + ch]
            sum += v * v
          }
          let r = 1 / (sum / Float(c) + eps).squareRoot()
          for ch in 0..<c { y[base + ch] = x[base + ch] * r * weight[ch] }
        }
      })
  }

  /// Trunk-tip spatial RMSNorm, step 1: `partial[s][c]` = Σ over on-board points of x².
  /// One thread per (sample, channel).
  static func tipSumSquares(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "tip_sum_squares", storage: t,
      parameters: ["const T* x", "const float* mask", "float* partial", "int n", "int area", "int c"],
      body: """
        if (i >= (long long)n * c) return;
        long long s = i / c;
        int ch = (int)(i % c);
        float sum = 0.0f;
        for (int p = 0; p < area; p++) {
          if (mask[s * area + p] != 0.0f) {
            float v = tg_ld(x[(s * area + p) * c + ch]);
            sum += v * v;
          }
        }
        partial[i] = sum;
        """,
      twin: { a in
        let x = a.tensor(0, t), mask = a.f32(1), partial = a.f32(2)
        let n = a.int(3), area = a.int(4), c = a.int(5)
        return { i in
          guard i < n * c else { return }
          let s = i / c
          let ch = i % c
          var sum: Float = 0
          for p in 0..<area where mask[s * area + p] != 0 {
            let v = x[(s * area + p) * c + ch]
            sum += v * v
          }
          partial[i] = sum
        }
      })
  }

  /// Trunk-tip spatial RMSNorm, step 2: `scale[s] = 1 / sqrt(Σ_c partial[s][c] / (c · maskSum[s]) + eps)`.
  /// One thread per sample.
  static func tipScale() -> GPUKernel {
    GPUKernel(
      "tip_scale",
      parameters: ["const float* partial", "const float* maskSum", "float* scale", "int n", "int c", "float eps"],
      body: """
        if (i >= n) return;
        float sum = 0.0f;
        for (int ch = 0; ch < c; ch++) sum += partial[i * c + ch];
        float a = maskSum[i] > 0.0f ? maskSum[i] : 1.0f;
        scale[i] = 1.0f / sqrtf(sum / (c * a) + eps);
        """,
      twin: { a in
        let partial = a.f32(0), maskSum = a.f32(1), scale = a.f32(2)
        let n = a.int(3), c = a.int(4), eps = a.float(5)
        return { i in
          guard i < n else { return }
          var sum: Float = 0
          for ch in 0..<c { sum += partial[i * c + ch] }
          let area = maskSum[i] > 0 ? maskSum[i] : 1
          scale[i] = 1 / (sum / (Float(c) * area) + eps).squareRoot()
        }
      })
  }

  /// The trunk-tip RMSNorm + activation: `y = mask == 0 ? 0 : act(x · r · gamma + beta)` with
  /// r = `sampleScale[row / area]` when `spatial` != 0, else 1 / sqrt(mean_c(x²) + eps) per
  /// point (y may be x). One thread per row.
  static func tipRMSAct(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "tip_rms_act", storage: t,
      parameters: [
        "const T* x", "T* y", "const float* gamma", "const float* beta", "const float* sampleScale",
        "const float* mask", "int rows", "int area", "int c", "float eps", "int spatial", "int act",
      ],
      body: """
        if (i >= rows) return;
        long long base = i * c;
        if (mask[i] == 0.0f) {
          for (int ch = 0; ch < c; ch++) tg_st(&y[base + ch], 0.0f);
          return;
        }
        float r;
        if (spatial != 0) {
          r = sampleScale[i / area];
        } else {
          float sum = 0.0f;
          for (int ch = 0; ch < c; ch++) {
            float v = tg_ld(x[base + ch]);
            sum += v * v;
          }
          r = 1.0f / sqrtf(sum / c + eps);
        }
        for (int ch = 0; ch < c; ch++) tg_st(&y[base + ch], tg_act(tg_ld(x[base + ch]) * r * gamma[ch] + beta[ch], act));
        """,
      twin: { a in
        let x = a.tensor(0, t), y = a.tensor(1, t), gamma = a.f32(2), beta = a.f32(3)
        let sampleScale = a.f32(4), mask = a.f32(5)
        let rows = a.int(6), area = a.int(7), c = a.int(8), eps = a.float(9), spatial = a.int(10)
        let act = a.activation(11)
        return { i in
          guard i < rows else { return }
          let base = i * c
          if mask[i] == 0 {
            for ch in 0..<c { y[base + ch] = 0 }
            return
          }
          var r: Float
          if spatial != 0 {
            r = sampleScale[i / area]
          } else {
            var sum: Float = 0
            for ch in 0..<c {
              let v = x[base + ch]
              sum += v * v
            }
            r = 1 / (sum / Float(c) + eps).squareRoot()
          }
          for ch in 0..<c { y[base + ch] = act.apply(x[base + ch] * r * gamma[ch] + beta[ch]) }
        }
      })
  }
}
