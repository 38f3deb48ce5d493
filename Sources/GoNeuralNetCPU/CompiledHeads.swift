import GoNeuralNet

/// The policy and value heads compiled for the CPU backend: every 1×1 conv and dense layer a
/// `CompiledMatMul`.
typealias CompiledHeads = HeadLayers<CompiledMatMul, CompiledMatMul, CompiledNormAct, ActivationCode>

extension CompiledHeads {
  /// Compiles `m`'s heads.
  init(_ m: ModelDescription) {
    self.init(
      m,
      // Head convs are 1×1 (checked by the loader): their file weights are `[in][out]` matrices.
      pointwise: { c, _ in
        CompiledMatMul(
          MatMulLayer(name: c.name, inChannels: c.inChannels, outChannels: c.outChannels, weights: c.weights))
      },
      dense: { CompiledMatMul($0, bias: $1) }, normAct: { CompiledNormAct($0) }, activation: { ActivationCode($0) })
  }
}
