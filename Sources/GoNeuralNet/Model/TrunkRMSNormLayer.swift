/// The RMSNorm at the trunk tip (trunkNormKind 1): y = x·r·gamma + beta.
public struct TrunkRMSNormLayer: Sendable {
  /// The layer name from the model file.
  public var name: String
  /// Number of channels.
  public var channels: Int
  /// Epsilon inside the square root.
  public var epsilon: Float
  /// True: one r per sample over all channels and on-board points; false: one r per point.
  public var spatial: Bool
  /// Per-channel gain.
  public var gamma: [Float]
  /// Per-channel offset.
  public var beta: [Float]

  /// Creates a trunk-tip RMSNorm.
  public init(
    name: String, channels: Int, epsilon: Float, spatial: Bool, gamma: [Float], beta: [Float]
  ) {
    self.name = name
    self.channels = channels
    self.epsilon = epsilon
    self.spatial = spatial
    self.gamma = gamma
    self.beta = beta
  }
}
