/// A norm followed by an activation (always followed by the board mask in the forward pass).
public struct NormActivation: Sendable {
  /// The norm.
  public var norm: NormLayer
  /// The activation applied after the norm.
  public var activation: ActivationKind

  /// Pairs a norm with its activation.
  public init(norm: NormLayer, activation: ActivationKind) {
    self.norm = norm
    self.activation = activation
  }
}
