import CTengenCPU
import GoNeuralNet

extension CPUPass {
  /// dst = mask · act(src·scale + bias), per channel (src may equal dst).
  func normAct(
    _ na: CompiledNormAct, _ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>
  ) {
    let c = na.channels
    let s = na.scale.pointer
    let b = na.bias.pointer
    let act = na.activation
    timed("norm + activation") {
      parallelRows { r in
        tengen_norm_act(
          self.isa, src + r.lowerBound * c, dst + r.lowerBound * c, r.count, Int32(c), s, b,
          self.mask + r.lowerBound, act.code)
      }
    }
  }

  /// dst = mask · x / sqrt(mean_c(x²) + eps) · weight, per point (transformer RMSNorm).
  func rmsNorm(_ norm: CompiledRMSNorm, _ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
    let c = norm.channels
    let g = norm.weight.pointer
    timed("RMSNorm") {
      parallelRows { r in
        tengen_rms_norm(
          self.isa, src + r.lowerBound * c, dst + r.lowerBound * c, r.count, Int32(c), g, norm.epsilon,
          self.mask + r.lowerBound)
      }
    }
  }

  /// The trunk-tip RMSNorm + activation + mask.
  func trunkRMS(
    _ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ c: Int,
    _ gamma: UnsafePointer<Float>, _ beta: UnsafePointer<Float>, _ eps: Float, _ spatial: Bool
  ) {
    var sampleScale = [Float](repeating: 1, count: n)
    if spatial {
      for s in 0..<n {
        var sum: Double = 0
        for p in 0..<area where mask[s * area + p] != 0 {
          let inp = src + (s * area + p) * c
          var part: Float = 0
          for ch in 0..<c { part += inp[ch] * inp[ch] }
          sum += Double(part)
        }
        sampleScale[s] = Float(1 / (sum / Double(Float(c) * maskSum[s]) + Double(eps)).squareRoot())
      }
    }
    let act = backend.tipActivation
    sampleScale.withUnsafeBufferPointer { scales in
      parallelRows { r in
        for row in r {
          let out = dst + row * c
          if self.mask[row] == 0 {
            out.update(repeating: 0, count: c)
            continue
          }
          let inp = src + row * c
          var scale = scales[row / self.area]
          if !spatial {
            var sum: Float = 0
            for ch in 0..<c { sum += inp[ch] * inp[ch] }
            scale = 1 / (sum / Float(c) + eps).squareRoot()
          }
          for ch in 0..<c { out[ch] = inp[ch] * scale * gamma[ch] + beta[ch] }
          tengen_activate(self.isa, out, c, act.code)
        }
      }
    }
  }

  /// KataGo's 3C pooling per sample: mean, mean·(sqrt(A)−14)/10, max (on-board points).
  func globalPool(_ src: UnsafePointer<Float>, _ c: Int, _ out: UnsafeMutablePointer<Float>) {
    for s in 0..<n {
      let o = out + s * 3 * c
      for ch in 0..<c {
        o[ch] = 0
        o[2 * c + ch] = -.infinity
      }
      for p in 0..<area where mask[s * area + p] != 0 {
        let inp = src + (s * area + p) * c
        for ch in 0..<c {
          o[ch] += inp[ch]
          o[2 * c + ch] = max(o[2 * c + ch], inp[ch])
        }
      }
      let a = maskSum[s]
      let f = (a.squareRoot() - 14) / 10
      for ch in 0..<c {
        o[ch] /= a
        o[c + ch] = o[ch] * f
      }
    }
  }

  /// Value-head pooling per sample: mean, mean·(sqrt(A)−14)/10, mean·((sqrt(A)−14)²/100 − 0.1).
  func valuePool(_ src: UnsafePointer<Float>, _ c: Int, _ out: UnsafeMutablePointer<Float>) {
    for s in 0..<n {
      let o = out + s * 3 * c
      for ch in 0..<c { o[ch] = 0 }
      for p in 0..<area where mask[s * area + p] != 0 {
        let inp = src + (s * area + p) * c
        for ch in 0..<c { o[ch] += inp[ch] }
      }
      let a = maskSum[s]
      let d = a.squareRoot() - 14
      for ch in 0..<c {
        o[ch] /= a
        o[c + ch] = o[ch] * d / 10
        o[2 * c + ch] = o[ch] * (d * d / 100 - 0.1)
      }
    }
  }

  /// x[row][c] += bias[sample][c].
  func addSampleBias(_ x: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ c: Int) {
    parallelRows { r in
      for row in r {
        let b = bias + (row / self.area) * c
        let xr = x + row * c
        for ch in 0..<c { xr[ch] += b[ch] }
      }
    }
  }
}
