import GoNeuralNet

/// The policy and value heads compiled for the CPU backend.
struct CompiledHeads: Sendable {
  let p1Conv: CompiledMatMul
  let g1Conv: CompiledMatMul
  let g1: CompiledNormAct
  let gpoolToBias: CompiledMatMul
  let p1: CompiledNormAct
  let p2Conv: CompiledMatMul
  let toPass: CompiledMatMul
  let toPass2: CompiledMatMul?
  let passActivation: ActivationCode
  let v1Conv: CompiledMatMul
  let v1: CompiledNormAct
  let v2: CompiledMatMul
  let v2Activation: ActivationCode
  let v3: CompiledMatMul
  let sv3: CompiledMatMul
  let ownership: CompiledMatMul

  init(_ m: ModelDescription) {
    let p = m.policyHead
    // Head convs are 1×1 (checked by the loader): their file weights are `[in][out]` matrices.
    func mat(_ c: ConvLayer) -> CompiledMatMul {
      CompiledMatMul(
        MatMulLayer(name: c.name, inChannels: c.inChannels, outChannels: c.outChannels, weights: c.weights))
    }
    p1Conv = mat(p.p1Conv)
    g1Conv = mat(p.g1Conv)
    g1 = CompiledNormAct(p.g1)
    gpoolToBias = CompiledMatMul(p.gpoolToBias)
    p1 = CompiledNormAct(p.p1)
    p2Conv = mat(p.p2Conv)
    toPass = CompiledMatMul(p.gpoolToPass, bias: p.gpoolToPassBias)
    toPass2 = p.gpoolToPass2.map { CompiledMatMul($0) }
    passActivation = ActivationCode(p.passActivation ?? .identity)
    let v = m.valueHead
    v1Conv = mat(v.v1Conv)
    v1 = CompiledNormAct(v.v1)
    v2 = CompiledMatMul(v.v2Mul, bias: v.v2Bias)
    v2Activation = ActivationCode(v.v2Activation)
    v3 = CompiledMatMul(v.v3Mul, bias: v.v3Bias)
    sv3 = CompiledMatMul(v.sv3Mul, bias: v.sv3Bias)
    ownership = mat(v.ownershipConv)
  }
}
