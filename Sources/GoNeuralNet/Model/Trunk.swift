/// The trunk: input conv + global bias, residual blocks, tip norm + activation.
public struct Trunk: Sendable {
  /// Trunk name token.
  public var name: String
  /// Trunk channel count.
  public var channels: Int
  /// Input conv (spatial planes → trunkC).
  public var initialConv: ConvLayer
  /// Global inputs → trunkC bias.
  public var initialMatMul: MatMulLayer
  /// Optional SGF metadata encoder.
  public var metadataEncoder: MetadataEncoder?
  /// The residual blocks.
  public var blocks: [Block]
  /// The tip norm.
  public var tip: TrunkTip
  /// The tip activation.
  public var tipActivation: ActivationKind
}
