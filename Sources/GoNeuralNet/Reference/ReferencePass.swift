#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One sample's forward pass in the reference backend; tensors are `[channel][y][x]`.
struct ReferencePass {
  let model: ModelDescription
  let w: Int
  let h: Int
  let area: Int
  let input: [Float]
  let mask: [Float]
  let maskSum: Double

  init(model: ModelDescription, w: Int, h: Int, spatial: [Float]) {
    self.model = model
    self.w = w
    self.h = h
    area = w * h
    input = spatial
    mask = Array(spatial[0..<w * h])
    maskSum = mask.reduce(0) { $0 + Double($1) }
  }

  /// The raw outputs of one sample.
  struct Result {
    var policy: [Float]
    var pass: [Float]
    var value: [Float]
    var score: [Float]
    var ownership: [Float]
  }

  mutating func run(global: [Float], metadata: [Float]) -> Result {
    let t = model.trunk
    var x = conv(input, t.initialConv)
    var bias = matMul(global, t.initialMatMul)
    if let m = t.metadataEncoder, !metadata.isEmpty {
      var a = matMul(metadata, m.mul1)
      for i in a.indices { a[i] = m.act1.apply(a[i] + m.bias1.bias[i]) }
      var b = matMul(a, m.mul2)
      for i in b.indices { b[i] = m.act2.apply(b[i] + m.bias2.bias[i]) }
      let c = matMul(b, m.mul3)
      for i in bias.indices { bias[i] += c[i] }
    }
    for c in 0..<t.channels { for p in 0..<area { x[c * area + p] += bias[c] } }
    x = stack(x, t.blocks)
    switch t.tip {
    case .batchNorm(let n): x = normAct(x, NormActivation(norm: n, activation: t.tipActivation))
    case .rmsNorm(let n): x = trunkRMSNorm(x, n, t.tipActivation)
    }
    var result = policyHead(x)
    valueHead(x, into: &result)
    return result
  }

  // MARK: layers

  func conv(_ x: [Float], _ l: ConvLayer) -> [Float] {
    var y = [Float](repeating: 0, count: l.outChannels * area)
    let ry = l.kernelY / 2
    let rx = l.kernelX / 2
    for o in 0..<l.outChannels {
      for py in 0..<h {
        for px in 0..<w {
          var s = 0.0
          for ky in 0..<l.kernelY {
            let sy = py + ky - ry
            if sy < 0 || sy >= h { continue }
            for kx in 0..<l.kernelX {
              let sx = px + kx - rx
              if sx < 0 || sx >= w { continue }
              for i in 0..<l.inChannels {
                s += Double(x[i * area + sy * w + sx]) * Double(l.weight(ky, kx, i, o))
              }
            }
          }
          y[o * area + py * w + px] = Float(s)
        }
      }
    }
    return y
  }

  func matMul(_ v: [Float], _ l: MatMulLayer) -> [Float] {
    (0..<l.outChannels).map { o in
      var s = 0.0
      for i in 0..<l.inChannels { s += Double(v[i]) * Double(l.weights[i * l.outChannels + o]) }
      return Float(s)
    }
  }

  /// Applies a dense layer at every point: `x` is `[inC][area]`, the result `[outC][area]`.
  func pointwise(_ x: [Float], _ l: MatMulLayer) -> [Float] {
    var y = [Float](repeating: 0, count: l.outChannels * area)
    for p in 0..<area {
      for o in 0..<l.outChannels {
        var s = 0.0
        for i in 0..<l.inChannels {
          s += Double(x[i * area + p]) * Double(l.weights[i * l.outChannels + o])
        }
        y[o * area + p] = Float(s)
      }
    }
    return y
  }

  func normAct(_ x: [Float], _ na: NormActivation) -> [Float] {
    let s = na.norm.mergedScale
    let b = na.norm.mergedBias
    var y = x
    for c in 0..<na.norm.channels {
      for p in 0..<area {
        y[c * area + p] = na.activation.apply(x[c * area + p] * s[c] + b[c]) * mask[p]
      }
    }
    return y
  }

  func trunkRMSNorm(_ x: [Float], _ n: TrunkRMSNormLayer, _ act: ActivationKind) -> [Float] {
    let c = n.channels
    var y = x
    if n.spatial {
      var sum = 0.0
      for i in 0..<c { for p in 0..<area where mask[p] != 0 { sum += Double(x[i * area + p] * x[i * area + p]) } }
      let r = Float(1 / (sum / (Double(c) * maskSum) + Double(n.epsilon)).squareRoot())
      for i in 0..<c {
        for p in 0..<area {
          y[i * area + p] = act.apply(x[i * area + p] * r * n.gamma[i] + n.beta[i]) * mask[p]
        }
      }
    } else {
      for p in 0..<area {
        var sum = 0.0
        for i in 0..<c { sum += Double(x[i * area + p] * x[i * area + p]) }
        let r = Float(1 / (sum / Double(c) + Double(n.epsilon)).squareRoot())
        for i in 0..<c {
          y[i * area + p] = act.apply(x[i * area + p] * r * n.gamma[i] + n.beta[i]) * mask[p]
        }
      }
    }
    return y
  }

  func transformerNorm(_ x: [Float], _ n: TransformerNormLayer) -> [Float] {
    var y = x
    for p in 0..<area {
      var sum = 0.0
      for i in 0..<n.channels { sum += Double(x[i * area + p] * x[i * area + p]) }
      let r = Float(1 / (sum / Double(n.channels) + Double(n.epsilon)).squareRoot())
      for i in 0..<n.channels { y[i * area + p] = mask[p] == 0 ? 0 : x[i * area + p] * r * n.weight[i] }
    }
    return y
  }

  /// KataGo's 3C global pooling: mean, mean·(sqrt(A)−14)/10, max over on-board points.
  func pool(_ x: [Float], channels c: Int) -> [Float] {
    var out = [Float](repeating: 0, count: 3 * c)
    let scale = (maskSum.squareRoot() - 14) / 10
    for i in 0..<c {
      var sum = 0.0
      var mx = -Float.infinity
      for p in 0..<area where mask[p] != 0 {
        sum += Double(x[i * area + p])
        mx = max(mx, x[i * area + p])
      }
      let mean = sum / maskSum
      out[i] = Float(mean)
      out[c + i] = Float(mean * scale)
      out[2 * c + i] = mx
    }
    return out
  }

  /// Value-head pooling: mean, mean·(sqrt(A)−14)/10, mean·((sqrt(A)−14)²/100 − 0.1).
  func valuePool(_ x: [Float], channels c: Int) -> [Float] {
    var out = [Float](repeating: 0, count: 3 * c)
    let d = maskSum.squareRoot() - 14
    for i in 0..<c {
      var sum = 0.0
      for p in 0..<area where mask[p] != 0 { sum += Double(x[i * area + p]) }
      let mean = sum / maskSum
      out[i] = Float(mean)
      out[c + i] = Float(mean * d / 10)
      out[2 * c + i] = Float(mean * (d * d / 100 - 0.1))
    }
    return out
  }
}
