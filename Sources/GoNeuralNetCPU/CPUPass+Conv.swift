import GoNeuralNet

extension CPUPass {
  /// out = conv(input) (+ beta·out), NHWC.
  func conv(
    _ c: CompiledConv, _ input: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
    beta: Float
  ) {
    switch c.method {
    case .pointwise:
      matmul(input, lda: c.inC, c.weights.pointer, inC: c.inC, outC: c.outC, out, ldc: c.outC, beta: beta)
    case .winograd:
      let f = 2 * Double(rows) * 9 * Double(c.inC) * Double(c.outC)
      timed("3x3 conv (Winograd)", flops: f) { winograd(c, input, out, accumulate: beta != 0) }
    case .im2col:
      let f = 2 * Double(rows) * Double(c.kernel * c.kernel) * Double(c.inC) * Double(c.outC)
      timed("\(c.kernel)x\(c.kernel) conv (im2col)", flops: f) { im2col(c, input, out, beta: beta) }
    }
  }

  /// Row-split gemm without profiling (used inside already-timed layers).
  func gemmRows(
    _ a: UnsafePointer<Float>, lda: Int, _ wt: UnsafePointer<Float>, inC: Int, outC: Int,
    _ c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float
  ) {
    parallelRows { r in
      self.gemm.gemm(
        transA: false, transB: false, m: r.count, n: outC, k: inC, alpha: 1,
        a: a + r.lowerBound * lda, lda: lda, b: wt, ldb: outC, beta: beta,
        c: c + r.lowerBound * ldc, ldc: ldc)
    }
  }

  /// A k×k convolution as im2col + one gemm (weights `[ky][kx][in][out]`).
  func im2col(
    _ c: CompiledConv, _ input: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
    beta: Float
  ) {
    let k = c.kernel
    let r = k / 2
    let cols = k * k * c.inC
    let buf = ws.get(Slot.im2col, rows * cols)
    parallelRows { range in
      for row in range {
        let s = row / self.area
        let p = row % self.area
        let y = p / self.w
        let x = p % self.w
        let dst = buf + row * cols
        for ky in 0..<k {
          for kx in 0..<k {
            let sy = y + ky - r
            let sx = x + kx - r
            let d = dst + (ky * k + kx) * c.inC
            if sy < 0 || sy >= self.h || sx < 0 || sx >= self.w {
              d.update(repeating: 0, count: c.inC)
            } else {
              d.update(from: input + ((s * self.area) + sy * self.w + sx) * c.inC, count: c.inC)
            }
          }
        }
      }
    }
    gemmRows(buf, lda: cols, c.weights.pointer, inC: cols, outC: c.outC, out, ldc: c.outC, beta: beta)
  }

  /// A 3×3 convolution with Winograd F(4×4,3×3): input transform, 36 gemms, output transform.
  func winograd(
    _ c: CompiledConv, _ input: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
    accumulate: Bool
  ) {
    let tilesY = (h + 3) / 4
    let tilesX = (w + 3) / 4
    let tilesPer = tilesY * tilesX
    let tiles = n * tilesPer
    let inC = c.inC
    let outC = c.outC
    let v = ws.get(Slot.winogradV, 36 * tiles * inC)
    let m = ws.get(Slot.winogradM, 36 * tiles * outC)
    parallelRows(tiles) { range in
      for t in range {
        let s = t / tilesPer
        let ty = (t % tilesPer) / tilesX
        let tx = t % tilesX
        var ch = 0
        while ch + 8 <= inC {
          self.inputTile(SIMD8<Float>.self, input, v, s: s, y0: ty * 4 - 1, x0: tx * 4 - 1, ch: ch, inC: inC, t: t, tiles: tiles)
          ch += 8
        }
        while ch < inC {
          self.inputTile(Float.self, input, v, s: s, y0: ty * 4 - 1, x0: tx * 4 - 1, ch: ch, inC: inC, t: t, tiles: tiles)
          ch += 1
        }
      }
    }
    let wt = c.weights.pointer
    let g = gemm
    pool.run(36) { e, _ in
      g.gemm(
        transA: false, transB: false, m: tiles, n: outC, k: inC, alpha: 1,
        a: v + e * tiles * inC, lda: inC, b: wt + e * inC * outC, ldb: outC, beta: 0,
        c: m + e * tiles * outC, ldc: outC)
    }
    parallelRows(tiles) { range in
      for t in range {
        let s = t / tilesPer
        let ty = (t % tilesPer) / tilesX
        let tx = t % tilesX
        var ch = 0
        while ch + 8 <= outC {
          self.outputTile(SIMD8<Float>.self, m, out, s: s, y0: ty * 4, x0: tx * 4, ch: ch, outC: outC, t: t, tiles: tiles, accumulate: accumulate)
          ch += 8
        }
        while ch < outC {
          self.outputTile(Float.self, m, out, s: s, y0: ty * 4, x0: tx * 4, ch: ch, outC: outC, t: t, tiles: tiles, accumulate: accumulate)
          ch += 1
        }
      }
    }
  }

  @inline(__always)
  func inputTile<V: WinogradLane>(
    _: V.Type, _ input: UnsafePointer<Float>, _ v: UnsafeMutablePointer<Float>, s: Int, y0: Int,
    x0: Int, ch: Int, inC: Int, t: Int, tiles: Int
  ) {
    // d[a][b] = input at (y0 + a, x0 + b), zero outside the grid (stack scratch, no heap).
    withUnsafeTemporaryAllocation(of: V.self, capacity: 36) { d in
    d.initialize(repeating: V.zeroLane)
    for a in 0..<6 {
      let y = y0 + a
      if y < 0 || y >= h { continue }
      for b in 0..<6 {
        let x = x0 + b
        if x < 0 || x >= w { continue }
        d[a * 6 + b] = V.load(input + ((s * area) + y * w + x) * inC + ch)
      }
    }
    // Columns then rows: V = Bᵀ d B.
    for b in 0..<6 {
      let r = Winograd.inputTransform((d[b], d[6 + b], d[12 + b], d[18 + b], d[24 + b], d[30 + b]))
      d[b] = r.0; d[6 + b] = r.1; d[12 + b] = r.2; d[18 + b] = r.3; d[24 + b] = r.4; d[30 + b] = r.5
    }
    for a in 0..<6 {
      let r = Winograd.inputTransform((d[a * 6], d[a * 6 + 1], d[a * 6 + 2], d[a * 6 + 3], d[a * 6 + 4], d[a * 6 + 5]))
      let base = v + ch + t * inC
      let stride = tiles * inC
      r.0.store(base + (a * 6) * stride)
      r.1.store(base + (a * 6 + 1) * stride)
      r.2.store(base + (a * 6 + 2) * stride)
      r.3.store(base + (a * 6 + 3) * stride)
      r.4.store(base + (a * 6 + 4) * stride)
      r.5.store(base + (a * 6 + 5) * stride)
    }
    }
  }

  @inline(__always)
  func outputTile<V: WinogradLane>(
    _: V.Type, _ m: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, s: Int, y0: Int,
    x0: Int, ch: Int, outC: Int, t: Int, tiles: Int, accumulate: Bool
  ) {
    let stride = tiles * outC
    let base = m + ch + t * outC
    withUnsafeTemporaryAllocation(of: V.self, capacity: 24) { tmp in
    for b in 0..<6 {
      let r = Winograd.outputTransform((
        V.load(base + b * stride), V.load(base + (6 + b) * stride), V.load(base + (12 + b) * stride),
        V.load(base + (18 + b) * stride), V.load(base + (24 + b) * stride), V.load(base + (30 + b) * stride)
      ))
      tmp[b] = r.0; tmp[6 + b] = r.1; tmp[12 + b] = r.2; tmp[18 + b] = r.3
    }
    for i in 0..<4 {
      let y = y0 + i
      if y >= h { break }
      let r = Winograd.outputTransform((tmp[i * 6], tmp[i * 6 + 1], tmp[i * 6 + 2], tmp[i * 6 + 3], tmp[i * 6 + 4], tmp[i * 6 + 5]))
      for j in 0..<min(4, w - x0) {
        let v = j == 0 ? r.0 : j == 1 ? r.1 : j == 2 ? r.2 : r.3
        let dst = out + ((s * area) + y * w + x0 + j) * outC + ch
        if accumulate { (V.load(dst) + v).store(dst) } else { v.store(dst) }
      }
    }
    }
  }
}
