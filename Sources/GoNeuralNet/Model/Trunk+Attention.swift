extension Trunk {
  /// The attention blocks in traversal order (nested bottlenecks' inner blocks in place): the
  /// order the backends index their RoPE tables in.
  public var attentionBlocks: [AttentionBlock] {
    var out: [AttentionBlock] = []
    func visit(_ blocks: [Block]) {
      for b in blocks {
        switch b {
        case .nestedBottleneck(let n): visit(n.inner)
        case .attention(let a): out.append(a)
        default: break
        }
      }
    }
    visit(blocks)
    return out
  }
}
