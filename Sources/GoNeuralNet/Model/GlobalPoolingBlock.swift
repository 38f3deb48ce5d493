/// A residual block whose middle is biased by globally pooled features of a second conv branch.
public struct GlobalPoolingBlock: Sendable {
  /// Block name.
  public var name: String
  /// Norm + activation before both convs.
  public var pre: NormActivation
  /// The regular conv branch.
  public var regularConv: ConvLayer
  /// The pooled conv branch.
  public var gpoolConv: ConvLayer
  /// Norm + activation of the pooled branch.
  public var gpool: NormActivation
  /// Maps the 3·gpoolC pooled values to a per-channel bias of the regular branch.
  public var gpoolToBias: MatMulLayer
  /// Norm + activation before the final conv.
  public var mid: NormActivation
  /// Final conv.
  public var finalConv: ConvLayer
}
