extension ModelDescription {
  /// Number of parameters, counted the way KataGo does (weights, biases, norm scales/biases,
  /// RMSNorm weights and RoPE frequencies; not BN means/variances).
  public var parameterCount: Int {
    var n = trunk.initialConv.weights.count + trunk.initialMatMul.weights.count
    if let m = trunk.metadataEncoder {
      n += m.mul1.weights.count + m.bias1.bias.count + m.mul2.weights.count + m.bias2.bias.count
      n += m.mul3.weights.count
    }
    n += trunk.blocks.reduce(0) { $0 + Self.parameters($1) }
    switch trunk.tip {
    case .batchNorm(let b): n += Self.parameters(b)
    case .rmsNorm(let r): n += r.gamma.count + r.beta.count
    }
    let p = policyHead
    n += p.p1Conv.weights.count + p.g1Conv.weights.count + Self.parameters(p.g1.norm)
    n += p.gpoolToBias.weights.count + Self.parameters(p.p1.norm) + p.p2Conv.weights.count
    n += p.gpoolToPass.weights.count + (p.gpoolToPassBias?.bias.count ?? 0)
    n += p.gpoolToPass2?.weights.count ?? 0
    let v = valueHead
    n += v.v1Conv.weights.count + Self.parameters(v.v1.norm) + v.v2Mul.weights.count
    n += v.v2Bias.bias.count + v.v3Mul.weights.count + v.v3Bias.bias.count
    n += v.sv3Mul.weights.count + v.sv3Bias.bias.count + v.ownershipConv.weights.count
    return n
  }

  static func parameters(_ norm: NormLayer) -> Int {
    (norm.scale?.count ?? 0) + (norm.bias?.count ?? 0)
  }

  static func parameters(_ block: Block) -> Int {
    switch block {
    case .ordinary(let b):
      return parameters(b.pre.norm) + b.regularConv.weights.count + parameters(b.mid.norm)
        + b.finalConv.weights.count
    case .globalPooling(let b):
      return parameters(b.pre.norm) + b.regularConv.weights.count + b.gpoolConv.weights.count
        + parameters(b.gpool.norm) + b.gpoolToBias.weights.count + parameters(b.mid.norm)
        + b.finalConv.weights.count
    case .nestedBottleneck(let b):
      return parameters(b.pre.norm) + b.preConv.weights.count
        + b.inner.reduce(0) { $0 + parameters($1) } + parameters(b.post.norm)
        + b.postConv.weights.count
    case .attention(let b):
      var n = b.norm.weight.count + b.qProj.weights.count + b.kProj.weights.count
      n += b.vProj.weights.count + b.outProj.weights.count
      if case .learned(let f) = b.rope { n += f.count }
      return n
    case .feedForward(let b):
      return b.norm.weight.count + b.linear1.weights.count + (b.gate?.weights.count ?? 0)
        + b.linear2.weights.count
    }
  }

  /// A short multi-line description: name, version, shapes and the block list.
  public var summary: String {
    var lines = [
      "model \(name) version \(version) inputs \(numInputChannels)/\(numInputGlobalChannels)",
      "trunk \(trunk.blocks.count) blocks, \(trunk.channels) channels, tip "
        + (trunkTipIsRMSNorm ? "RMSNorm" : "BatchNorm") + " " + trunk.tipActivation.token,
      "policy channels \(numPolicyChannels), score outputs \(numScoreOutputs), "
        + "metadata encoder \(metaEncoderVersion), parameters \(parameterCount)",
    ]
    func describe(_ blocks: [Block], indent: String) {
      for b in blocks {
        switch b {
        case .nestedBottleneck(let n):
          lines.append("\(indent)\(b.keyword) \(n.name) inner \(n.preConv.outChannels) channels")
          describe(n.inner, indent: indent + "  ")
        case .attention(let a):
          lines.append(
            "\(indent)\(b.keyword) \(a.name) heads \(a.numHeads)/\(a.numKVHeads) dims \(a.qHeadDim)/\(a.vHeadDim)")
        case .feedForward(let f):
          lines.append("\(indent)\(b.keyword) \(f.name) ffn \(f.linear1.outChannels)")
        case .ordinary(let o):
          lines.append("\(indent)\(b.keyword) \(o.name) \(o.regularConv.kernelY)x\(o.regularConv.kernelX) mid \(o.regularConv.outChannels)")
        case .globalPooling(let g):
          lines.append("\(indent)\(b.keyword) \(g.name) mid \(g.regularConv.outChannels) gpool \(g.gpoolConv.outChannels)")
        }
      }
    }
    describe(trunk.blocks, indent: "  ")
    return lines.joined(separator: "\n")
  }

  /// Whether the trunk tip is an RMSNorm.
  public var trunkTipIsRMSNorm: Bool {
    if case .rmsNorm = trunk.tip { return true }
    return false
  }
}
