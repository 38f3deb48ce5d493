/// A pre-norm multi-head (grouped-query) self-attention block over the board points.
public struct AttentionBlock: Sendable {
  /// Block name.
  public var name: String
  /// Number of query heads.
  public var numHeads: Int
  /// Number of key/value heads (divides numHeads).
  public var numKVHeads: Int
  /// Query/key head width.
  public var qHeadDim: Int
  /// Value head width.
  public var vHeadDim: Int
  /// The pre-attention RMSNorm.
  public var norm: TransformerNormLayer
  /// Query projection C → H·dq.
  public var qProj: MatMulLayer
  /// Key projection C → Hkv·dq.
  public var kProj: MatMulLayer
  /// Value projection C → Hkv·dv.
  public var vProj: MatMulLayer
  /// Output projection H·dv → C.
  public var outProj: MatMulLayer
  /// The rotary position encoding.
  public var rope: RotaryEncoding

  /// The KV head used by query head `h`.
  @inlinable
  public func kvHead(forQueryHead h: Int) -> Int { h * numKVHeads / numHeads }
}
