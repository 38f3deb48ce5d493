extension ModelParser {
  /// Reads a conv layer descriptor.
  mutating func conv() throws(ModelLoadError) -> ConvLayer {
    let name = try r.name("conv layer name")
    let ky = try r.int("kernelY", in: 1...31)
    let kx = try r.int("kernelX", in: 1...31)
    let inC = try r.int("inChannels", in: 1...1 << 16)
    let outC = try r.int("outChannels", in: 1...1 << 16)
    let dy = try r.int("dilationY", in: 1...1 << 10)
    let dx = try r.int("dilationX", in: 1...1 << 10)
    guard ky % 2 == 1 && kx % 2 == 1 else {
      throw .invalid(layer: name, reason: "kernel \(ky)x\(kx) is not odd")
    }
    guard dy == 1 && dx == 1 else {
      throw .invalid(layer: name, reason: "dilation \(dy)x\(dx) is not supported")
    }
    let w = try r.floats(ky * kx * inC * outC, "conv weights")
    return ConvLayer(name: name, kernelY: ky, kernelX: kx, inChannels: inC, outChannels: outC, weights: w)
  }

  /// Reads a batch-norm-style descriptor.
  mutating func norm() throws(ModelLoadError) -> NormLayer {
    let name = try r.name("norm layer name")
    let c = try r.int("channels", in: 1...1 << 16)
    let eps = try r.float("epsilon")
    guard eps > 0 else { throw .invalid(layer: name, reason: "epsilon \(eps) is not positive") }
    let hasScale = try r.bool("hasScale")
    let hasBias = try r.bool("hasBias")
    let mean = try r.floats(c, "mean")
    let variance = try r.floats(c, "variance")
    let scale = hasScale ? try r.floats(c, "scale") : nil
    let bias = hasBias ? try r.floats(c, "bias") : nil
    for v in variance where v + eps <= 0 {
      throw .invalid(layer: name, reason: "variance + epsilon is not positive")
    }
    return NormLayer(
      name: name, channels: c, epsilon: eps, mean: mean, variance: variance, scale: scale,
      bias: bias)
  }

  /// Reads an activation descriptor (kind token from version 11 on).
  mutating func activation() throws(ModelLoadError) -> ActivationKind {
    _ = try r.name("activation layer name")
    guard version >= 11 else { return .relu }
    let start = r.offset
    let t = try r.token("activation kind")
    guard let kind = ActivationKind(token: t) else {
      throw .malformed(expected: "activation kind", found: t, offset: start, layer: r.layer)
    }
    return kind
  }

  /// Reads a norm followed by its activation.
  mutating func normActivation() throws(ModelLoadError) -> NormActivation {
    let n = try norm()
    let a = try activation()
    return NormActivation(norm: n, activation: a)
  }

  /// Reads a matmul descriptor.
  mutating func matMul() throws(ModelLoadError) -> MatMulLayer {
    let name = try r.name("matmul layer name")
    let inC = try r.int("inChannels", in: 1...1 << 16)
    let outC = try r.int("outChannels", in: 1...1 << 16)
    let w = try r.floats(inC * outC, "matmul weights")
    return MatMulLayer(name: name, inChannels: inC, outChannels: outC, weights: w)
  }

  /// Reads a bias descriptor.
  mutating func matBias() throws(ModelLoadError) -> MatBiasLayer {
    let name = try r.name("bias layer name")
    let c = try r.int("channels", in: 1...1 << 16)
    let b = try r.floats(c, "bias")
    return MatBiasLayer(name: name, channels: c, bias: b)
  }

  /// Reads the trunk-tip RMSNorm descriptor.
  mutating func trunkRMSNorm() throws(ModelLoadError) -> TrunkRMSNormLayer {
    let name = try r.name("rmsnorm layer name")
    let c = try r.int("channels", in: 1...1 << 16)
    let eps = try r.float("epsilon")
    guard eps > 0 && eps <= 1 else {
      throw .invalid(layer: name, reason: "epsilon \(eps) is not in (0, 1]")
    }
    let spatial = try r.bool("spatial")
    let group = try r.int("cgroupSize")
    guard group == 0 else {
      throw .invalid(layer: name, reason: "grouped RMSNorm (cgroupSize \(group)) is not supported")
    }
    let gamma = try r.floats(c, "gamma")
    let beta = try r.floats(c, "beta")
    return TrunkRMSNormLayer(
      name: name, channels: c, epsilon: eps, spatial: spatial, gamma: gamma, beta: beta)
  }

  /// Reads a transformer RMSNorm descriptor.
  mutating func transformerNorm() throws(ModelLoadError) -> TransformerNormLayer {
    let name = try r.name("rmsnorm layer name")
    let c = try r.int("channels", in: 1...1 << 16)
    let eps = try r.float("epsilon")
    guard eps > 0 && eps <= 1 else {
      throw .invalid(layer: name, reason: "epsilon \(eps) is not in (0, 1]")
    }
    let w = try r.floats(c, "weight")
    return TransformerNormLayer(name: name, channels: c, epsilon: eps, weight: w)
  }

  /// Fails unless `actual == expected`.
  func expect(_ actual: Int, _ expected: Int, _ what: String, in layer: String) throws(ModelLoadError) {
    guard actual == expected else {
      throw .invalid(layer: layer, reason: "\(what) is \(actual), expected \(expected)")
    }
  }

  /// Reads `count` ints that must all be 0.
  mutating func reserved(_ count: Int) throws(ModelLoadError) {
    for _ in 0..<count {
      let v = try r.int("reserved field")
      guard v == 0 else { throw .invalid(layer: r.layer, reason: "reserved field is \(v), must be 0") }
    }
  }
}
