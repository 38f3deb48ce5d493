/// A batch-norm-style per-channel affine layer (all training-time norm variants export to this).
public struct NormLayer: Sendable {
  /// The layer name from the model file.
  public var name: String
  /// Number of channels.
  public var channels: Int
  /// Epsilon added to the variance.
  public var epsilon: Float
  /// Per-channel mean.
  public var mean: [Float]
  /// Per-channel variance.
  public var variance: [Float]
  /// Per-channel scale, if stored (else 1).
  public var scale: [Float]?
  /// Per-channel bias, if stored (else 0).
  public var bias: [Float]?

  /// Creates a norm layer from its stored parameters.
  public init(
    name: String, channels: Int, epsilon: Float, mean: [Float], variance: [Float],
    scale: [Float]?, bias: [Float]?
  ) {
    self.name = name
    self.channels = channels
    self.epsilon = epsilon
    self.mean = mean
    self.variance = variance
    self.scale = scale
    self.bias = bias
  }

  /// The merged multiplier s = scale / sqrt(variance + epsilon) per channel.
  public var mergedScale: [Float] {
    (0..<channels).map { c in (scale?[c] ?? 1) / (variance[c] + epsilon).squareRoot() }
  }

  /// The merged offset b = bias − s·mean per channel.
  public var mergedBias: [Float] {
    let s = mergedScale
    return (0..<channels).map { c in (bias?[c] ?? 0) - s[c] * mean[c] }
  }
}
