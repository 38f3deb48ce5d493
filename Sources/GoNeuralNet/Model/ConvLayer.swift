/// A 2-D convolution: "same" zero padding, stride 1, no bias.
public struct ConvLayer: Sendable {
  /// The layer name from the model file (informational).
  public var name: String
  /// Kernel height.
  public var kernelY: Int
  /// Kernel width.
  public var kernelX: Int
  /// Input channels.
  public var inChannels: Int
  /// Output channels.
  public var outChannels: Int
  /// Weights in file order `[y][x][in][out]` (output channel fastest).
  public var weights: [Float]

  /// Creates a convolution from its file-order weights.
  public init(
    name: String, kernelY: Int, kernelX: Int, inChannels: Int, outChannels: Int, weights: [Float]
  ) {
    self.name = name
    self.kernelY = kernelY
    self.kernelX = kernelX
    self.inChannels = inChannels
    self.outChannels = outChannels
    self.weights = weights
  }

  /// The weight of kernel tap (ky, kx) from input channel `i` to output channel `o`.
  @inlinable
  public func weight(_ ky: Int, _ kx: Int, _ i: Int, _ o: Int) -> Float {
    weights[((ky * kernelX + kx) * inChannels + i) * outChannels + o]
  }
}
