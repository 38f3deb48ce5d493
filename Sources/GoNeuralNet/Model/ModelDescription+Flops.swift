extension ModelDescription {
  /// Nominal floating-point operations of one evaluation on an nnX × nnY grid: 2 per
  /// multiply-add of every convolution, per-point matmul and attention product (norms,
  /// activations and pooling not counted).
  public func nominalFlops(nnXLen: Int, nnYLen: Int) -> Double {
    let s = Double(nnXLen * nnYLen)
    func conv(_ c: ConvLayer) -> Double {
      2 * s * Double(c.kernelX * c.kernelY * c.inChannels * c.outChannels)
    }
    func mm(_ m: MatMulLayer) -> Double { 2 * s * Double(m.inChannels * m.outChannels) }
    func block(_ b: Block) -> Double {
      switch b {
      case .ordinary(let o): return conv(o.regularConv) + conv(o.finalConv)
      case .globalPooling(let g): return conv(g.regularConv) + conv(g.gpoolConv) + conv(g.finalConv)
      case .nestedBottleneck(let n):
        return conv(n.preConv) + n.inner.reduce(0) { $0 + block($1) } + conv(n.postConv)
      case .attention(let a):
        let core = 2 * s * s * Double(a.numHeads * (a.qHeadDim + a.vHeadDim))
        return mm(a.qProj) + mm(a.kProj) + mm(a.vProj) + mm(a.outProj) + core
      case .feedForward(let f):
        return mm(f.linear1) + (f.gate.map(mm) ?? 0) + mm(f.linear2)
      }
    }
    var total = conv(trunk.initialConv) + trunk.blocks.reduce(0) { $0 + block($1) }
    total += conv(policyHead.p1Conv) + conv(policyHead.g1Conv) + conv(policyHead.p2Conv)
    total += conv(valueHead.v1Conv) + conv(valueHead.ownershipConv)
    return total
  }
}
