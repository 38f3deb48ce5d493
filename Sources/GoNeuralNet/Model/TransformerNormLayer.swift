/// The per-point RMSNorm inside transformer blocks: y = x / sqrt(mean(x²) + eps) · weight.
public struct TransformerNormLayer: Sendable {
  /// The layer name from the model file.
  public var name: String
  /// Number of channels.
  public var channels: Int
  /// Epsilon inside the square root.
  public var epsilon: Float
  /// Per-channel gain.
  public var weight: [Float]

  /// Creates a transformer RMSNorm.
  public init(name: String, channels: Int, epsilon: Float, weight: [Float]) {
    self.name = name
    self.channels = channels
    self.epsilon = epsilon
    self.weight = weight
  }
}
