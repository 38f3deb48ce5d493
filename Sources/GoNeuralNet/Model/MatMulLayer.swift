/// A dense layer without bias: y[o] = Σ_i x[i]·W[i][o].
public struct MatMulLayer: Sendable {
  /// The layer name from the model file.
  public var name: String
  /// Input width.
  public var inChannels: Int
  /// Output width.
  public var outChannels: Int
  /// Weights in file order `[in][out]` (output fastest).
  public var weights: [Float]

  /// Creates a matmul layer from file-order weights.
  public init(name: String, inChannels: Int, outChannels: Int, weights: [Float]) {
    self.name = name
    self.inChannels = inChannels
    self.outChannels = outChannels
    self.weights = weights
  }
}
