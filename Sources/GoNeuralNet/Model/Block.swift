/// One residual block of a trunk or of a nested block stack.
public indirect enum Block: Sendable {
  /// `ordinary_block`.
  case ordinary(OrdinaryBlock)
  /// `gpool_block`.
  case globalPooling(GlobalPoolingBlock)
  /// `nested_bottleneck_block`.
  case nestedBottleneck(NestedBottleneckBlock)
  /// `transformer_attention_block`.
  case attention(AttentionBlock)
  /// `transformer_ffn_block`.
  case feedForward(FeedForwardBlock)

  /// The block's name.
  public var name: String {
    switch self {
    case .ordinary(let b): return b.name
    case .globalPooling(let b): return b.name
    case .nestedBottleneck(let b): return b.name
    case .attention(let b): return b.name
    case .feedForward(let b): return b.name
    }
  }

  /// The file keyword of this block kind.
  public var keyword: String {
    switch self {
    case .ordinary: return "ordinary_block"
    case .globalPooling: return "gpool_block"
    case .nestedBottleneck: return "nested_bottleneck_block"
    case .attention: return "transformer_attention_block"
    case .feedForward: return "transformer_ffn_block"
    }
  }
}
