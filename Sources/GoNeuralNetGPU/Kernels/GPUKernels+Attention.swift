#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GPUKernels {
  /// Rotary encoding in place on the fused `[row][q | k | v]` projections (`width` per row):
  /// pair p of query head h (channels h·dq + 2p, +1) or of KV head g (kOffset + g·dq + 2p, +1)
  /// is rotated by the angle whose cos/sin are `cosT/sinT[(kvHead · area + pos) · dq/2 + p]`
  /// (query head h uses KV head h·kvHeads/heads). One thread per (row, head, pair).
  static func rope(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "rope", storage: t,
      parameters: [
        "T* qkv", "const float* cosT", "const float* sinT", "int rows", "int area", "int width", "int heads",
        "int kvHeads", "int dq", "int kOffset",
      ],
      body: """
        int pairs = dq / 2;
        int all = heads + kvHeads;
        if (i >= (long long)rows * all * pairs) return;
        int p = (int)(i % pairs);
        int hd = (int)((i / pairs) % all);
        long long row = i / ((long long)pairs * all);
        int pos = (int)(row % area);
        int kvh = hd < heads ? hd * kvHeads / heads : hd - heads;
        long long base = row * width + (hd < heads ? hd * dq : kOffset + (hd - heads) * dq);
        long long t = ((long long)kvh * area + pos) * pairs + p;
        float a = tg_ld(qkv[base + 2 * p]);
        float b = tg_ld(qkv[base + 2 * p + 1]);
        float cs = cosT[t];
        float sn = sinT[t];
        tg_st(&qkv[base + 2 * p], a * cs - b * sn);
        tg_st(&qkv[base + 2 * p + 1], a * sn + b * cs);
        """,
      twin: { a in
        let qkv = a.tensor(0, t), cosT = a.f32(1), sinT = a.f32(2)
        let rows = a.int(3), area = a.int(4), width = a.int(5), heads = a.int(6), kvHeads = a.int(7)
        let dq = a.int(8), kOffset = a.int(9)
        return { i in
          let pairs = dq / 2
          let all = heads + kvHeads
          guard i < rows * all * pairs else { return }
          let p = i % pairs
          let hd = (i / pairs) % all
          let row = i / (pairs * all)
          let pos = row % area
          let kvh = hd < heads ? hd * kvHeads / heads : hd - heads
          let base = row * width + (hd < heads ? hd * dq : kOffset + (hd - heads) * dq)
          let t = (kvh * area + pos) * pairs + p
          let x0 = qkv[base + 2 * p]
          let x1 = qkv[base + 2 * p + 1]
          let cs = cosT[t]
          let sn = sinT[t]
          qkv[base + 2 * p] = x0 * cs - x1 * sn
          qkv[base + 2 * p + 1] = x0 * sn + x1 * cs
        }
      })
  }

  /// Masked softmax of attention logits: row i = s·area + query point of `logits[rows][area]`
  /// (FP32) → `probs` (storage T); off-board keys get 0, an off-board query a zero row.
  /// One thread per row.
  static func softmax(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "softmax", storage: t,
      parameters: ["const float* logits", "T* probs", "const float* mask", "int rows", "int area"],
      body: """
        if (i >= rows) return;
        long long s = i / area;
        long long base = i * area;
        if (mask[i] == 0.0f) {
          for (int kp = 0; kp < area; kp++) tg_st(&probs[base + kp], 0.0f);
          return;
        }
        float mx = TG_NEG_INF;
        for (int kp = 0; kp < area; kp++) {
          if (mask[s * area + kp] != 0.0f) mx = fmaxf(mx, logits[base + kp]);
        }
        float sum = 0.0f;
        for (int kp = 0; kp < area; kp++) {
          if (mask[s * area + kp] != 0.0f) sum += expf(logits[base + kp] - mx);
        }
        for (int kp = 0; kp < area; kp++) {
          float e = mask[s * area + kp] != 0.0f ? expf(logits[base + kp] - mx) / sum : 0.0f;
          tg_st(&probs[base + kp], e);
        }
        """,
      twin: { a in
        let logits = a.f32(0), probs = a.tensor(1, t), mask = a.f32(2)
        let rows = a.int(3), area = a.int(4)
        return { i in
          guard i < rows else { return }
          let s = i / area
          let base = i * area
          if mask[i] == 0 {
            for kp in 0..<area { probs[base + kp] = 0 }
            return
          }
          var mx = -Float.infinity
          for kp in 0..<area where mask[s * area + kp] != 0 { mx = max(mx, logits[base + kp]) }
          var sum: Float = 0
          for kp in 0..<area where mask[s * area + kp] != 0 { sum += expf(logits[base + kp] - mx) }
          for kp in 0..<area {
            probs[base + kp] = mask[s * area + kp] != 0 ? expf(logits[base + kp] - mx) / sum : 0
          }
        }
      })
  }

  /// SwiGLU in place: `a = mask == 0 ? 0 : silu(a) · g` over `[rows][f]`. One thread per element.
  static func swiglu(_ t: GPUScalarType) -> GPUKernel {
    GPUKernel(
      "swiglu", storage: t,
      parameters: ["T* a", "const T* g", "const float* mask", "int rows", "int f"],
      body: """
        if (i >= (long long)rows * f) return;
        long long row = i / f;
        float v = 0.0f;
        if (mask[row] != 0.0f) {
          float x = tg_ld(a[i]);
          v = x / (1.0f + expf(-x)) * tg_ld(g[i]);
        }
        tg_st(&a[i], v);
        """,
      twin: { a in
        let x = a.tensor(0, t), g = a.tensor(1, t), mask = a.f32(2)
        let rows = a.int(3), f = a.int(4)
        return { i in
          guard i < rows * f else { return }
          let row = i / f
          var v: Float = 0
          if mask[row] != 0 {
            let xi = x[i]
            v = xi / (1 + expf(-xi)) * g[i]
          }
          x[i] = v
        }
      })
  }
}
