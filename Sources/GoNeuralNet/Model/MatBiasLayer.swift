/// A per-channel bias: y[c] += bias[c].
public struct MatBiasLayer: Sendable {
  /// The layer name from the model file.
  public var name: String
  /// Number of channels.
  public var channels: Int
  /// The bias values.
  public var bias: [Float]

  /// Creates a bias layer.
  public init(name: String, channels: Int, bias: [Float]) {
    self.name = name
    self.channels = channels
    self.bias = bias
  }
}
