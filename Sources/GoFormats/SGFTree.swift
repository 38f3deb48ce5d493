/// An SGF game tree: a sequence of nodes followed by zero or more variations.
///
/// The first variation continues the main line. Trees are values; a file (collection) is an
/// array of them.
public struct SGFTree: Equatable, Sendable {
  /// The nodes of this sequence, in order (at least one in a valid file).
  public var nodes: [SGFNode]
  /// Variations that follow the last node; the first is the main line.
  public var variations: [SGFTree]

  public init(nodes: [SGFNode] = [], variations: [SGFTree] = []) {
    self.nodes = nodes
    self.variations = variations
  }

  /// The root node (first node of the sequence).
  public var root: SGFNode? { nodes.first }

  /// Every node on the main line, from the root, following first variations.
  public var mainLine: [SGFNode] {
    var result: [SGFNode] = []
    var tree: SGFTree? = self
    while let t = tree {
      result += t.nodes
      tree = t.variations.first
    }
    return result
  }

  /// Total number of nodes in the tree, all variations included.
  public var nodeCount: Int {
    var count = 0
    var stack: [SGFTree] = [self]
    while let t = stack.popLast() {
      count += t.nodes.count
      stack += t.variations
    }
    return count
  }

  /// Deepest nesting of variations (a tree with no variations has depth 1).
  public var depth: Int {
    var best = 0
    var stack: [(SGFTree, Int)] = [(self, 1)]
    while let (t, d) = stack.popLast() {
      best = max(best, d)
      for v in t.variations { stack.append((v, d + 1)) }
    }
    return best
  }
}
