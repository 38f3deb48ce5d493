/// A bottleneck: project down, run an inner block stack, project back up.
public struct NestedBottleneckBlock: Sendable {
  /// Block name.
  public var name: String
  /// Norm + activation before the down projection.
  public var pre: NormActivation
  /// Down projection (trunkC → innerC).
  public var preConv: ConvLayer
  /// The inner blocks (any kinds), running on innerC channels.
  public var inner: [Block]
  /// Norm + activation before the up projection.
  public var post: NormActivation
  /// Up projection (innerC → trunkC).
  public var postConv: ConvLayer
}
