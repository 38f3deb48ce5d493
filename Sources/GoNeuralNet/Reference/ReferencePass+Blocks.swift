#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReferencePass {
  /// Runs a block stack: x += residual(x) for each block.
  func stack(_ x: [Float], _ blocks: [Block]) -> [Float] {
    var x = x
    for b in blocks {
      let r = residual(x, b)
      for i in x.indices { x[i] += r[i] }
    }
    return x
  }

  func residual(_ x: [Float], _ block: Block) -> [Float] {
    switch block {
    case .ordinary(let b):
      let a = conv(normAct(x, b.pre), b.regularConv)
      return conv(normAct(a, b.mid), b.finalConv)
    case .globalPooling(let b):
      let a = normAct(x, b.pre)
      var r = conv(a, b.regularConv)
      let g = normAct(conv(a, b.gpoolConv), b.gpool)
      let bias = matMul(pool(g, channels: b.gpoolConv.outChannels), b.gpoolToBias)
      for c in 0..<b.regularConv.outChannels { for p in 0..<area { r[c * area + p] += bias[c] } }
      return conv(normAct(r, b.mid), b.finalConv)
    case .nestedBottleneck(let b):
      let m = stack(conv(normAct(x, b.pre), b.preConv), b.inner)
      return conv(normAct(m, b.post), b.postConv)
    case .attention(let b): return attention(x, b)
    case .feedForward(let b):
      let n = transformerNorm(x, b.norm)
      let a = pointwise(n, b.linear1)
      var hidden = a
      if let gate = b.gate {
        let g = pointwise(n, gate)
        for i in hidden.indices { hidden[i] = ActivationKind.silu.apply(a[i]) * g[i] }
      }
      var r = pointwise(hidden, b.linear2)
      for c in 0..<b.linear2.outChannels { for p in 0..<area { r[c * area + p] *= mask[p] } }
      return r
    }
  }

  /// The rotation angle of pair `p` at point `pos` for KV head `kvh`, in `Double`.
  func ropeAngle(_ b: AttentionBlock, kvh: Int, pair p: Int, pos: Int) -> Double {
    b.ropeAngle(kvHead: kvh, pair: p, x: Double(pos % w), y: Double(pos / w))
  }

  /// Rotates the pairs of one head's vector (channels [base, base+dq)) at every point.
  func rotate(_ t: inout [Float], base: Int, _ b: AttentionBlock, kvh: Int) {
    guard case .none = b.rope else {
      for pos in 0..<area {
        for p in 0..<b.qHeadDim / 2 {
          let th = ropeAngle(b, kvh: kvh, pair: p, pos: pos)
          let i0 = (base + 2 * p) * area + pos
          let i1 = (base + 2 * p + 1) * area + pos
          let a = Double(t[i0])
          let c = Double(t[i1])
          t[i0] = Float(a * cos(th) - c * sin(th))
          t[i1] = Float(a * sin(th) + c * cos(th))
        }
      }
      return
    }
  }

  func attention(_ x: [Float], _ b: AttentionBlock) -> [Float] {
    let n = transformerNorm(x, b.norm)
    var q = pointwise(n, b.qProj)
    var k = pointwise(n, b.kProj)
    let v = pointwise(n, b.vProj)
    let dq = b.qHeadDim
    let dv = b.vHeadDim
    for hd in 0..<b.numHeads { rotate(&q, base: hd * dq, b, kvh: b.kvHead(forQueryHead: hd)) }
    for kvh in 0..<b.numKVHeads { rotate(&k, base: kvh * dq, b, kvh: kvh) }
    var o = [Float](repeating: 0, count: b.numHeads * dv * area)
    let scale = 1 / Double(dq).squareRoot()
    var logits = [Double](repeating: 0, count: area)
    for hd in 0..<b.numHeads {
      let kvh = b.kvHead(forQueryHead: hd)
      for qp in 0..<area {
        var mx = -Double.infinity
        for kp in 0..<area {
          guard mask[kp] != 0 else { logits[kp] = -.infinity; continue }
          var s = 0.0
          for d in 0..<dq { s += Double(q[(hd * dq + d) * area + qp]) * Double(k[(kvh * dq + d) * area + kp]) }
          logits[kp] = s * scale
          mx = max(mx, logits[kp])
        }
        var total = 0.0
        for kp in 0..<area {
          logits[kp] = mask[kp] == 0 ? 0 : exp(logits[kp] - mx)
          total += logits[kp]
        }
        for d in 0..<dv {
          var s = 0.0
          for kp in 0..<area where mask[kp] != 0 { s += logits[kp] * Double(v[(kvh * dv + d) * area + kp]) }
          o[(hd * dv + d) * area + qp] = Float(s / total)
        }
      }
    }
    var r = pointwise(o, b.outProj)
    for c in 0..<b.outProj.outChannels { for p in 0..<area { r[c * area + p] *= mask[p] } }
    return r
  }
}
