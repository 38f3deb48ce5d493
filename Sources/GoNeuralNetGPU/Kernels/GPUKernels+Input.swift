extension GPUKernels {
  /// NCHW FP32 input planes → NHWC `[row][plane]` in storage `t`; plane 0 (the on-board mask)
  /// also to `mask[row]` in FP32. One thread per output element.
  static func inputNHWC(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "input_nhwc", storage: t,
      parameters: ["const float* spatial", "T* out", "float* mask", "int n", "int planes", "int area"],
      body: """
        long long total = (long long)n * area * planes;
        if (i >= total) return;
        long long row = i / planes;
        int c = (int)(i % planes);
        long long s = row / area;
        int p = (int)(row % area);
        float v = spatial[(s * planes + c) * area + p];
        tg_st(&out[i], v);
        if (c == 0) mask[row] = v;
        """,
      twin: { a in
        let spatial = a.f32(0), out = a.tensor(1, t), mask = a.f32(2)
        let n = a.int(3), planes = a.int(4), area = a.int(5)
        return { i in
          guard i < n * area * planes else { return }
          let row = i / planes
          let c = i % planes
          let s = row / area
          let p = row % area
          let v = spatial[(s * planes + c) * area + p]
          out[i] = v
          if c == 0 { mask[row] = v }
        }
      })
  }

  /// `maskSum[s]` = on-board points of sample s. One thread per sample.
  static func maskSum() -> GPUKernel {
    GPUKernel(
      "mask_sum",
      parameters: ["const float* mask", "float* maskSum", "int n", "int area"],
      body: """
        if (i >= n) return;
        float sum = 0.0f;
        for (int p = 0; p < area; p++) sum += mask[i * area + p];
        maskSum[i] = sum;
        """,
      twin: { a in
        let mask = a.f32(0), maskSum = a.f32(1)
        let n = a.int(2), area = a.int(3)
        return { i in
          guard i < n else { return }
          var sum: Float = 0
          for p in 0..<area { sum += mask[i * area + p] }
          maskSum[i] = sum
        }
      })
  }

  /// im2col of NHWC `x` (`[n·h·w][c]`) for a ky × kx "same" convolution: `cols[row][tap][c]`
  /// with tap = dy·kx + dx, zero outside the grid. One thread per output element.
  static func im2col(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "im2col", storage: t,
      parameters: ["const T* x", "T* cols", "int n", "int w", "int h", "int c", "int ky", "int kx"],
      body: """
        int taps = ky * kx;
        int area = w * h;
        long long total = (long long)n * area * taps * c;
        if (i >= total) return;
        int ch = (int)(i % c);
        int t = (int)((i / c) % taps);
        long long row = i / ((long long)c * taps);
        long long s = row / area;
        int p = (int)(row % area);
        int y = p / w + t / kx - ky / 2;
        int xx = p % w + t % kx - kx / 2;
        float v = 0.0f;
        if (y >= 0 && y < h && xx >= 0 && xx < w) v = tg_ld(x[(s * area + y * w + xx) * c + ch]);
        tg_st(&cols[i], v);
        """,
      twin: { a in
        let x = a.tensor(0, t), cols = a.tensor(1, t)
        let n = a.int(2), w = a.int(3), h = a.int(4), c = a.int(5), ky = a.int(6), kx = a.int(7)
        return { i in
          let taps = ky * kx
          let area = w * h
          guard i < n * area * taps * c else { return }
          let ch = i % c
          let t = (i / c) % taps
          let row = i / (c * taps)
          let s = row / area
          let p = row % area
          let y = p / w + t / kx - ky / 2
          let xx = p % w + t % kx - kx / 2
          var v: Float = 0
          if y >= 0 && y < h && xx >= 0 && xx < w { v = x[(s * area + y * w + xx) * c + ch] }
          cols[i] = v
        }
      })
  }
}
