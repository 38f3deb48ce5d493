/// The value head: win/loss/no-result logits, score outputs and ownership.
public struct ValueHead: Sendable {
  /// Head name.
  public var name: String
  /// 1×1 conv trunkC → V1.
  public var v1Conv: ConvLayer
  /// Norm + activation after v1Conv.
  public var v1: NormActivation
  /// Pooled 3·V1 → V2.
  public var v2Mul: MatMulLayer
  /// V2 bias.
  public var v2Bias: MatBiasLayer
  /// V2 activation.
  public var v2Activation: ActivationKind
  /// V2 → 3 value logits.
  public var v3Mul: MatMulLayer
  /// Value logit bias.
  public var v3Bias: MatBiasLayer
  /// V2 → score outputs.
  public var sv3Mul: MatMulLayer
  /// Score output bias.
  public var sv3Bias: MatBiasLayer
  /// 1×1 conv V1 → 1 ownership plane.
  public var ownershipConv: ConvLayer
}
