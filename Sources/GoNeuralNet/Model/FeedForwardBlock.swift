/// A pre-norm feed-forward block: SwiGLU (SiLU(x·W1) ⊙ x·Wgate)·W2.
public struct FeedForwardBlock: Sendable {
  /// Block name.
  public var name: String
  /// The pre-FFN RMSNorm.
  public var norm: TransformerNormLayer
  /// First linear layer C → ffnC (SiLU applied to its output).
  public var linear1: MatMulLayer
  /// Gate linear layer C → ffnC; nil for the plain (unsupported) FFN.
  public var gate: MatMulLayer?
  /// Output linear layer ffnC → C.
  public var linear2: MatMulLayer
}
