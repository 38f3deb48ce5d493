/// The policy head: board logits and pass logits, `outChannels` of each.
public struct PolicyHead: Sendable {
  /// Head name.
  public var name: String
  /// Policy output channels (1, 2 or 4).
  public var outChannels: Int
  /// 1×1 conv trunkC → P1.
  public var p1Conv: ConvLayer
  /// 1×1 conv trunkC → G1 (pooled branch).
  public var g1Conv: ConvLayer
  /// Norm + activation of the pooled branch.
  public var g1: NormActivation
  /// Pooled 3·G1 → P1 bias.
  public var gpoolToBias: MatMulLayer
  /// Norm + activation before the final conv.
  public var p1: NormActivation
  /// 1×1 conv P1 → outChannels.
  public var p2Conv: ConvLayer
  /// Pooled 3·G1 → pass (v < 15: outChannels; v ≥ 15: P1).
  public var gpoolToPass: MatMulLayer
  /// v15+: pass bias.
  public var gpoolToPassBias: MatBiasLayer?
  /// v15+: pass activation.
  public var passActivation: ActivationKind?
  /// v15+: P1 → outChannels.
  public var gpoolToPass2: MatMulLayer?
}
