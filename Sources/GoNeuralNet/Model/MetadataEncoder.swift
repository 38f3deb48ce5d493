/// The SGF-metadata encoder of human-SL models: three dense layers producing a trunk bias.
public struct MetadataEncoder: Sendable {
  /// Encoder name.
  public var name: String
  /// Number of metadata inputs (192).
  public var numInputs: Int
  /// First dense layer.
  public var mul1: MatMulLayer
  /// First bias.
  public var bias1: MatBiasLayer
  /// First activation.
  public var act1: ActivationKind
  /// Second dense layer.
  public var mul2: MatMulLayer
  /// Second bias.
  public var bias2: MatBiasLayer
  /// Second activation.
  public var act2: ActivationKind
  /// Output layer to trunkC.
  public var mul3: MatMulLayer
}
