import GoNeuralNet

/// A residual block compiled for the CPU backend.
indirect enum CompiledBlock: Sendable {
  case ordinary(pre: CompiledNormAct, conv1: CompiledConv, mid: CompiledNormAct, conv2: CompiledConv)
  case globalPooling(
    pre: CompiledNormAct, conv1: CompiledConv, gconv: CompiledConv, gnorm: CompiledNormAct,
    toBias: CompiledMatMul, mid: CompiledNormAct, conv2: CompiledConv)
  case nested(
    pre: CompiledNormAct, preConv: CompiledConv, inner: [CompiledBlock], post: CompiledNormAct,
    postConv: CompiledConv)
  case attention(CompiledAttention)
  case feedForward(norm: CompiledRMSNorm, linear1: CompiledMatMul, gate: CompiledMatMul, linear2: CompiledMatMul)

  init(_ b: Block) {
    switch b {
    case .ordinary(let o):
      self = .ordinary(
        pre: CompiledNormAct(o.pre), conv1: CompiledConv(o.regularConv), mid: CompiledNormAct(o.mid),
        conv2: CompiledConv(o.finalConv))
    case .globalPooling(let g):
      self = .globalPooling(
        pre: CompiledNormAct(g.pre), conv1: CompiledConv(g.regularConv),
        gconv: CompiledConv(g.gpoolConv), gnorm: CompiledNormAct(g.gpool),
        toBias: CompiledMatMul(g.gpoolToBias), mid: CompiledNormAct(g.mid),
        conv2: CompiledConv(g.finalConv))
    case .nestedBottleneck(let n):
      self = .nested(
        pre: CompiledNormAct(n.pre), preConv: CompiledConv(n.preConv),
        inner: n.inner.map(CompiledBlock.init), post: CompiledNormAct(n.post),
        postConv: CompiledConv(n.postConv))
    case .attention(let a):
      self = .attention(CompiledAttention(a))
    case .feedForward(let f):
      // The loader only accepts SwiGLU FFN blocks, so the gate exists.
      self = .feedForward(
        norm: CompiledRMSNorm(f.norm), linear1: CompiledMatMul(f.linear1),
        gate: CompiledMatMul(f.gate ?? f.linear1), linear2: CompiledMatMul(f.linear2))
    }
  }
}

/// An attention block compiled for the CPU backend.
struct CompiledAttention: Sendable {
  let source: AttentionBlock
  let norm: CompiledRMSNorm
  /// q, k and v projections fused into one `[C][(H + 2·Hkv)·d]` matrix when dq == dv.
  let qkv: CompiledMatMul
  let outProj: CompiledMatMul
  let heads: Int
  let kvHeads: Int
  let dq: Int
  let dv: Int

  init(_ a: AttentionBlock) {
    source = a
    norm = CompiledRMSNorm(a.norm)
    heads = a.numHeads
    kvHeads = a.numKVHeads
    dq = a.qHeadDim
    dv = a.vHeadDim
    // Concatenate the three projections column-wise: one gemm computes q|k|v.
    let c = a.qProj.inChannels
    let widths = [a.qProj.outChannels, a.kProj.outChannels, a.vProj.outChannels]
    let total = widths.reduce(0, +)
    var w = [Float](repeating: 0, count: c * total)
    var col = 0
    for (layer, width) in zip([a.qProj, a.kProj, a.vProj], widths) {
      for i in 0..<c {
        for o in 0..<width { w[i * total + col + o] = layer.weights[i * width + o] }
      }
      col += width
    }
    qkv = CompiledMatMul(MatMulLayer(name: a.name + ".qkv", inChannels: c, outChannels: total, weights: w))
    outProj = CompiledMatMul(a.outProj)
  }
}
