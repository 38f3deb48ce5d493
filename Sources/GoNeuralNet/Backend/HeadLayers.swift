/// The policy and value heads as one backend compiled them: the same layers in every backend,
/// each in the backend's own form. `Pointwise` is a 1×1 conv (a matrix over the channels),
/// `Dense` a dense layer with an optional bias, `NormAct` a norm + activation, `Activation` an
/// activation applied on its own.
public struct HeadLayers<Pointwise: Sendable, Dense: Sendable, NormAct: Sendable, Activation: Sendable>: Sendable {
  /// 1×1 conv trunk → P1.
  public let p1Conv: Pointwise
  /// 1×1 conv trunk → G1 (the pooled branch).
  public let g1Conv: Pointwise
  /// Norm + activation of the pooled branch.
  public let g1: NormAct
  /// Pooled 3·G1 → P1 bias.
  public let gpoolToBias: Dense
  /// Norm + activation before the final policy conv.
  public let p1: NormAct
  /// 1×1 conv P1 → policy channels.
  public let p2Conv: Pointwise
  /// Pooled → pass (v15+: with bias and `passActivation`, then `toPass2`).
  public let toPass: Dense
  /// v15+: P1 → pass channels.
  public let toPass2: Dense?
  /// The pass activation (identity before v15).
  public let passActivation: Activation
  /// 1×1 conv trunk → V1.
  public let v1Conv: Pointwise
  /// Norm + activation after `v1Conv`.
  public let v1: NormAct
  /// Pooled 3·V1 → V2, with bias.
  public let v2: Dense
  /// The V2 activation.
  public let v2Activation: Activation
  /// V2 → 3 value logits, with bias.
  public let v3: Dense
  /// V2 → score outputs, with bias.
  public let sv3: Dense
  /// 1×1 conv V1 → ownership.
  public let ownership: Pointwise

  /// Compiles `model`'s heads, layer by layer in the order above: `pointwise` gets each 1×1
  /// conv and whether it reads the trunk output (`p1Conv`, `g1Conv`, `v1Conv`) or a head's own
  /// activations (`p2Conv`, `ownership`); `dense` each dense layer with its bias, if any.
  public init(
    _ model: ModelDescription,
    pointwise: (_ conv: ConvLayer, _ readsTrunk: Bool) throws -> Pointwise,
    dense: (MatMulLayer, MatBiasLayer?) throws -> Dense,
    normAct: (NormActivation) throws -> NormAct,
    activation: (ActivationKind) -> Activation
  ) rethrows {
    let p = model.policyHead
    p1Conv = try pointwise(p.p1Conv, true)
    g1Conv = try pointwise(p.g1Conv, true)
    g1 = try normAct(p.g1)
    gpoolToBias = try dense(p.gpoolToBias, nil)
    p1 = try normAct(p.p1)
    p2Conv = try pointwise(p.p2Conv, false)
    toPass = try dense(p.gpoolToPass, p.gpoolToPassBias)
    passActivation = activation(p.passActivation ?? .identity)
    toPass2 = try p.gpoolToPass2.map { try dense($0, nil) }
    let v = model.valueHead
    v1Conv = try pointwise(v.v1Conv, true)
    v1 = try normAct(v.v1)
    v2 = try dense(v.v2Mul, v.v2Bias)
    v2Activation = activation(v.v2Activation)
    v3 = try dense(v.v3Mul, v.v3Bias)
    sv3 = try dense(v.sv3Mul, v.sv3Bias)
    ownership = try pointwise(v.ownershipConv, false)
  }
}
