extension ModelParser {
  /// Reads `count` blocks of a stack whose stream has `channels` channels.
  mutating func blockStack(count: Int, channels: Int, depth: Int) throws(ModelLoadError) -> [Block] {
    guard depth < 8 else { throw .invalid(layer: r.layer, reason: "block nesting deeper than 8") }
    var blocks: [Block] = []
    for _ in 0..<count {
      let start = r.offset
      let keyword = try r.token("block kind")
      switch keyword {
      case "ordinary_block": blocks.append(.ordinary(try ordinaryBlock(channels)))
      case "gpool_block": blocks.append(.globalPooling(try gpoolBlock(channels)))
      case "nested_bottleneck_block":
        blocks.append(.nestedBottleneck(try nestedBlock(channels, depth: depth)))
      case "transformer_attention_block": blocks.append(.attention(try attentionBlock(channels)))
      case "transformer_ffn_block": blocks.append(.feedForward(try ffnBlock(channels)))
      default:
        throw .malformed(expected: "block kind", found: keyword, offset: start, layer: r.layer)
      }
    }
    return blocks
  }

  mutating func ordinaryBlock(_ c: Int) throws(ModelLoadError) -> OrdinaryBlock {
    let name = try r.name("block name")
    let pre = try normActivation()
    let regular = try conv()
    let mid = try normActivation()
    let final = try conv()
    try expect(pre.norm.channels, c, "pre norm channels", in: name)
    try expect(regular.inChannels, c, "regular conv input channels", in: name)
    try expect(mid.norm.channels, regular.outChannels, "mid norm channels", in: name)
    try expect(final.inChannels, regular.outChannels, "final conv input channels", in: name)
    try expect(final.outChannels, c, "final conv output channels", in: name)
    return OrdinaryBlock(name: name, pre: pre, regularConv: regular, mid: mid, finalConv: final)
  }

  mutating func gpoolBlock(_ c: Int) throws(ModelLoadError) -> GlobalPoolingBlock {
    let name = try r.name("block name")
    let pre = try normActivation()
    let regular = try conv()
    let gconv = try conv()
    let gnorm = try normActivation()
    let toBias = try matMul()
    let mid = try normActivation()
    let final = try conv()
    try expect(pre.norm.channels, c, "pre norm channels", in: name)
    try expect(regular.inChannels, c, "regular conv input channels", in: name)
    try expect(gconv.inChannels, c, "gpool conv input channels", in: name)
    try expect(gnorm.norm.channels, gconv.outChannels, "gpool norm channels", in: name)
    try expect(toBias.inChannels, 3 * gconv.outChannels, "gpool matmul input", in: name)
    try expect(toBias.outChannels, regular.outChannels, "gpool matmul output", in: name)
    try expect(mid.norm.channels, regular.outChannels, "mid norm channels", in: name)
    try expect(final.inChannels, regular.outChannels, "final conv input channels", in: name)
    try expect(final.outChannels, c, "final conv output channels", in: name)
    return GlobalPoolingBlock(
      name: name, pre: pre, regularConv: regular, gpoolConv: gconv, gpool: gnorm,
      gpoolToBias: toBias, mid: mid, finalConv: final)
  }

  mutating func nestedBlock(_ c: Int, depth: Int) throws(ModelLoadError) -> NestedBottleneckBlock {
    let name = try r.name("block name")
    let n = try r.int("numInnerBlocks", in: 1...1000)
    let pre = try normActivation()
    let preConv = try conv()
    try expect(pre.norm.channels, c, "pre norm channels", in: name)
    try expect(preConv.inChannels, c, "pre conv input channels", in: name)
    let inner = try blockStack(count: n, channels: preConv.outChannels, depth: depth + 1)
    let post = try normActivation()
    let postConv = try conv()
    try expect(post.norm.channels, preConv.outChannels, "post norm channels", in: name)
    try expect(postConv.inChannels, preConv.outChannels, "post conv input channels", in: name)
    try expect(postConv.outChannels, c, "post conv output channels", in: name)
    return NestedBottleneckBlock(
      name: name, pre: pre, preConv: preConv, inner: inner, post: post, postConv: postConv)
  }

  mutating func attentionBlock(_ c: Int) throws(ModelLoadError) -> AttentionBlock {
    let name = try r.name("block name")
    let heads = try r.int("numHeads", in: 1...4096)
    let kvHeads = try r.int("numKVHeads", in: 1...4096)
    let dq = try r.int("qHeadDim", in: 1...1 << 14)
    let dv = try r.int("vHeadDim", in: 1...1 << 14)
    let useRope = try r.bool("useRope")
    let learnable = try r.bool("learnableRope")
    guard heads % kvHeads == 0 else {
      throw .invalid(layer: name, reason: "numHeads \(heads) not divisible by numKVHeads \(kvHeads)")
    }
    guard !useRope || dq % 2 == 0 else {
      throw .invalid(layer: name, reason: "qHeadDim \(dq) must be even with rotary encoding")
    }
    let norm = try transformerNorm()
    let q = try matMul()
    let k = try matMul()
    let v = try matMul()
    let out = try matMul()
    try expect(norm.channels, c, "norm channels", in: name)
    try expect(q.inChannels, c, "q_proj input", in: name)
    try expect(q.outChannels, heads * dq, "q_proj output", in: name)
    try expect(k.inChannels, c, "k_proj input", in: name)
    try expect(k.outChannels, kvHeads * dq, "k_proj output", in: name)
    try expect(v.inChannels, c, "v_proj input", in: name)
    try expect(v.outChannels, kvHeads * dv, "v_proj output", in: name)
    try expect(out.inChannels, heads * dv, "out_proj input", in: name)
    try expect(out.outChannels, c, "out_proj output", in: name)
    var rope = RotaryEncoding.none
    if useRope && learnable {
      _ = try r.name("rope frequencies name")
      try expect(try r.int("rope kv heads"), kvHeads, "rope kv heads", in: name)
      try expect(try r.int("rope pairs"), dq / 2, "rope pairs", in: name)
      try expect(try r.int("rope axes"), 2, "rope axes", in: name)
      rope = .learned(freqs: try r.floats(kvHeads * dq, "rope frequencies"))
    } else if useRope {
      _ = try r.name("rope theta name")
      let theta = try r.float("rope theta")
      guard theta > 0 else { throw .invalid(layer: name, reason: "rope theta \(theta) is not positive") }
      rope = .fixed(theta: theta)
    }
    return AttentionBlock(
      name: name, numHeads: heads, numKVHeads: kvHeads, qHeadDim: dq, vHeadDim: dv, norm: norm,
      qProj: q, kProj: k, vProj: v, outProj: out, rope: rope)
  }

  mutating func ffnBlock(_ c: Int) throws(ModelLoadError) -> FeedForwardBlock {
    let name = try r.name("block name")
    let cc = try r.int("channels", in: 1...1 << 16)
    let ffnC = try r.int("ffn channels", in: 1...1 << 16)
    let swiglu = try r.bool("useSwiGLU")
    let norm = try transformerNorm()
    let l1 = try matMul()
    let gate = swiglu ? try matMul() : nil
    let l2 = try matMul()
    try expect(cc, c, "channels", in: name)
    try expect(norm.channels, c, "norm channels", in: name)
    try expect(l1.inChannels, c, "linear1 input", in: name)
    try expect(l1.outChannels, ffnC, "linear1 output", in: name)
    if let g = gate {
      try expect(g.inChannels, c, "gate input", in: name)
      try expect(g.outChannels, ffnC, "gate output", in: name)
    }
    try expect(l2.inChannels, ffnC, "linear2 input", in: name)
    try expect(l2.outChannels, c, "linear2 output", in: name)
    guard swiglu else {
      throw .invalid(layer: name, reason: "non-SwiGLU transformer FFN blocks are not supported")
    }
    return FeedForwardBlock(name: name, norm: norm, linear1: l1, gate: gate, linear2: l2)
  }
}
