/// A residual block: conv(BNAct(conv(BNAct(x)))).
public struct OrdinaryBlock: Sendable {
  /// Block name.
  public var name: String
  /// Norm + activation before the first conv.
  public var pre: NormActivation
  /// First conv.
  public var regularConv: ConvLayer
  /// Norm + activation between the convs.
  public var mid: NormActivation
  /// Second conv.
  public var finalConv: ConvLayer
}
