/// Parses the token stream of a KataGo model file into a `ModelDescription`.
struct ModelParser {
  /// The token cursor.
  var r: ModelTokenReader
  /// The model version (known after the header).
  var version = 0

  init(bytes: [UInt8], binary: Bool) {
    r = ModelTokenReader(bytes: bytes, binary: binary)
  }

  /// Parses a whole model file.
  mutating func parse() throws(ModelLoadError) -> ModelDescription {
    let name = try r.token("model name")
    version = try r.int("model version")
    guard (3...17).contains(version) else { throw .unsupportedVersion(version) }
    let numIn = try r.int("numInputChannels", in: 1...1024)
    let numGlobal = try r.int("numInputGlobalChannels", in: 1...1024)
    var post = PostProcessParams()
    if version >= 13 {
      post.tdScoreMultiplier = try positive("tdScoreMultiplier")
      post.scoreMeanMultiplier = try positive("scoreMeanMultiplier")
      post.scoreStdevMultiplier = try positive("scoreStdevMultiplier")
      post.leadMultiplier = try positive("leadMultiplier")
      post.varianceTimeMultiplier = try positive("varianceTimeMultiplier")
      post.shorttermValueErrorMultiplier = try positive("shorttermValueErrorMultiplier")
      post.shorttermScoreErrorMultiplier = try positive("shorttermScoreErrorMultiplier")
    }
    var metaVersion = 0
    var preferPassAlive = false
    if version >= 15 {
      metaVersion = try r.int("metaEncoderVersion", in: 0...1)
      preferPassAlive = try r.bool("preferPassAliveUnderSuicideRules")
      try reserved(6)
    }
    let trunk = try self.trunk(numIn: numIn, numGlobal: numGlobal, metaVersion: metaVersion)
    let policy = try policyHead(trunkC: trunk.channels)
    let value = try valueHead(trunkC: trunk.channels)
    guard r.atEnd() else { throw .trailingData(offset: r.offset) }
    let expectedIn: (Int, Int)
    switch version {
    case 3...5: expectedIn = (22, 14)
    case 6: expectedIn = (13, 12)
    case 7: expectedIn = (22, 16)
    default: expectedIn = (22, 19)
    }
    guard numIn == expectedIn.0 && numGlobal == expectedIn.1 else {
      throw .invalid(
        layer: "model header",
        reason: "version \(version) needs \(expectedIn.0) spatial and \(expectedIn.1) global inputs, "
          + "file has \(numIn) and \(numGlobal)")
    }
    return ModelDescription(
      name: name, version: version, numInputChannels: numIn, numInputGlobalChannels: numGlobal,
      postProcess: post, metaEncoderVersion: metaVersion,
      preferPassAliveUnderSuicideRules: preferPassAlive, trunk: trunk, policyHead: policy,
      valueHead: value)
  }

  private mutating func positive(_ what: String) throws(ModelLoadError) -> Float {
    let v = try r.float(what)
    guard v > 0 else { throw .invalid(layer: "model header", reason: "\(what) \(v) is not positive") }
    return v
  }

  mutating func trunk(numIn: Int, numGlobal: Int, metaVersion: Int) throws(ModelLoadError) -> Trunk {
    let name = try r.name("trunk name")
    let numBlocks = try r.int("numBlocks", in: 1...10000)
    let c = try r.int("trunkChannels", in: 1...1 << 16)
    _ = try r.int("midChannels", in: 1...1 << 16)
    _ = try r.int("regularChannels", in: 1...1 << 16)
    _ = try r.int("dilatedChannels")
    _ = try r.int("gpoolChannels", in: 1...1 << 16)
    var normKind = 0
    if version >= 15 {
      normKind = try r.int("trunkNormKind", in: 0...1)
      try reserved(5)
    }
    let initialConv = try conv()
    try expect(initialConv.inChannels, numIn, "initial conv input channels", in: initialConv.name)
    try expect(initialConv.outChannels, c, "initial conv output channels", in: initialConv.name)
    let initialMatMul = try matMul()
    try expect(initialMatMul.inChannels, numGlobal, "global matmul input", in: initialMatMul.name)
    try expect(initialMatMul.outChannels, c, "global matmul output", in: initialMatMul.name)
    let meta = metaVersion > 0 ? try metadataEncoder(trunkC: c) : nil
    let blocks = try blockStack(count: numBlocks, channels: c, depth: 0)
    let tip: TrunkTip
    if normKind == 0 {
      let n = try norm()
      try expect(n.channels, c, "trunk tip channels", in: n.name)
      tip = .batchNorm(n)
    } else {
      let n = try trunkRMSNorm()
      try expect(n.channels, c, "trunk tip channels", in: n.name)
      tip = .rmsNorm(n)
    }
    let act = try activation()
    return Trunk(
      name: name, channels: c, initialConv: initialConv, initialMatMul: initialMatMul,
      metadataEncoder: meta, blocks: blocks, tip: tip, tipActivation: act)
  }

  mutating func metadataEncoder(trunkC: Int) throws(ModelLoadError) -> MetadataEncoder {
    let name = try r.name("metadata encoder name")
    let n = try r.int("numInputMetaChannels")
    try expect(n, 192, "metadata inputs", in: name)
    let m1 = try matMul()
    let b1 = try matBias()
    let a1 = try activation()
    let m2 = try matMul()
    let b2 = try matBias()
    let a2 = try activation()
    let m3 = try matMul()
    try expect(m1.inChannels, n, "mul1 input", in: name)
    try expect(b1.channels, m1.outChannels, "bias1 channels", in: name)
    try expect(m2.inChannels, m1.outChannels, "mul2 input", in: name)
    try expect(b2.channels, m2.outChannels, "bias2 channels", in: name)
    try expect(m3.inChannels, m2.outChannels, "mul3 input", in: name)
    try expect(m3.outChannels, trunkC, "mul3 output", in: name)
    return MetadataEncoder(
      name: name, numInputs: n, mul1: m1, bias1: b1, act1: a1, mul2: m2, bias2: b2, act2: a2,
      mul3: m3)
  }

  mutating func policyHead(trunkC: Int) throws(ModelLoadError) -> PolicyHead {
    let name = try r.name("policy head name")
    var outC: Int
    switch version {
    case ...11: outC = 1
    case 12...15: outC = 2
    case 16: outC = 4
    default:
      outC = try r.int("policyOutChannels")
      guard outC == 2 || outC == 4 else {
        throw .invalid(layer: name, reason: "policy channels \(outC), must be 2 or 4")
      }
      try reserved(3)
    }
    let p1 = try conv()
    let g1 = try conv()
    let g1na = try normActivation()
    let toBias = try matMul()
    let p1na = try normActivation()
    let p2 = try conv()
    let toPass = try matMul()
    var passBias: MatBiasLayer? = nil
    var passAct: ActivationKind? = nil
    var toPass2: MatMulLayer? = nil
    if version >= 15 {
      passBias = try matBias()
      passAct = try activation()
      toPass2 = try matMul()
    }
    let p1C = p1.outChannels
    let g1C = g1.outChannels
    try expect(p1.inChannels, trunkC, "p1 conv input", in: name)
    try expect(g1.inChannels, trunkC, "g1 conv input", in: name)
    try expect(p1.kernelX * p1.kernelY * g1.kernelX * g1.kernelY * p2.kernelX * p2.kernelY, 1, "head kernel size", in: name)
    try expect(g1na.norm.channels, g1C, "g1 norm channels", in: name)
    try expect(toBias.inChannels, 3 * g1C, "gpool-to-bias input", in: name)
    try expect(toBias.outChannels, p1C, "gpool-to-bias output", in: name)
    try expect(p1na.norm.channels, p1C, "p1 norm channels", in: name)
    try expect(p2.inChannels, p1C, "p2 conv input", in: name)
    try expect(p2.outChannels, outC, "p2 conv output", in: name)
    try expect(toPass.inChannels, 3 * g1C, "gpool-to-pass input", in: name)
    if let b = passBias, let m2 = toPass2 {
      try expect(toPass.outChannels, p1C, "gpool-to-pass output", in: name)
      try expect(b.channels, p1C, "pass bias channels", in: name)
      try expect(m2.inChannels, p1C, "pass matmul 2 input", in: name)
      try expect(m2.outChannels, outC, "pass matmul 2 output", in: name)
    } else {
      try expect(toPass.outChannels, outC, "gpool-to-pass output", in: name)
    }
    return PolicyHead(
      name: name, outChannels: outC, p1Conv: p1, g1Conv: g1, g1: g1na, gpoolToBias: toBias,
      p1: p1na, p2Conv: p2, gpoolToPass: toPass, gpoolToPassBias: passBias,
      passActivation: passAct, gpoolToPass2: toPass2)
  }

  mutating func valueHead(trunkC: Int) throws(ModelLoadError) -> ValueHead {
    let name = try r.name("value head name")
    if version >= 17 { try reserved(3) }
    let v1 = try conv()
    let v1na = try normActivation()
    let v2 = try matMul()
    let v2b = try matBias()
    let v2a = try activation()
    let v3 = try matMul()
    let v3b = try matBias()
    let sv3 = try matMul()
    let sv3b = try matBias()
    let own = try conv()
    let v1C = v1.outChannels
    let scoreCount: Int
    switch version {
    case 3: scoreCount = 1
    case 4...7: scoreCount = 2
    case 8: scoreCount = 4
    default: scoreCount = 6
    }
    try expect(v1.inChannels, trunkC, "v1 conv input", in: name)
    try expect(v1.kernelX * v1.kernelY * own.kernelX * own.kernelY, 1, "head kernel size", in: name)
    try expect(v1na.norm.channels, v1C, "v1 norm channels", in: name)
    try expect(v2.inChannels, 3 * v1C, "v2 input", in: name)
    try expect(v2b.channels, v2.outChannels, "v2 bias channels", in: name)
    try expect(v3.inChannels, v2.outChannels, "v3 input", in: name)
    try expect(v3.outChannels, 3, "value outputs", in: name)
    try expect(v3b.channels, 3, "value bias channels", in: name)
    try expect(sv3.inChannels, v2.outChannels, "score head input", in: name)
    try expect(sv3.outChannels, scoreCount, "score outputs", in: name)
    try expect(sv3b.channels, scoreCount, "score bias channels", in: name)
    try expect(own.inChannels, v1C, "ownership conv input", in: name)
    try expect(own.outChannels, 1, "ownership conv output", in: name)
    return ValueHead(
      name: name, v1Conv: v1, v1: v1na, v2Mul: v2, v2Bias: v2b, v2Activation: v2a, v3Mul: v3,
      v3Bias: v3b, sv3Mul: sv3, sv3Bias: sv3b, ownershipConv: own)
  }
}
