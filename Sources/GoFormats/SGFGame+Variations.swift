public import GoCore

extension SGFGame {
  /// One node of the game tree with the position it leaves (`SGFGame.nodePositions`).
  public struct NodePosition: Sendable {
    /// The index of the parent node in the list; nil for the root.
    public var parent: Int?
    /// The last move the node plays, if it plays one.
    public var move: (player: Player, move: Move)?
    /// The board after the node's setup and moves.
    public var board: Board
    /// The player to move after the node.
    public var toMove: Player
    /// The node's comment (`C`), if any.
    public var comment: String?
    /// Moves from the root up to and including this node, in order.
    public var depth: Int
  }

  /// Every node of the tree, variations included, in depth-first order (the main line's
  /// nodes first at each branch), each with the position after it; node 0 is the root.
  ///
  /// Each line is replayed as `replay` replays the main line (the same per-node rules), so a
  /// variation with an illegal move or a malformed point throws as the main line would.
  /// - Parameter rules: the rules to play under (default: `rules()` of the record).
  public func nodePositions(rules: Rules? = nil) throws(SGFError) -> [NodePosition] {
    var result: [NodePosition] = []
    let start = GameState(width: info.width, height: info.height, rules: rules ?? self.rules())
    try walk(tree, state: start, played: 0, parent: nil, into: &result)
    return result
  }

  /// Appends the nodes of `tree` (and its variations) played from `state` to `result`.
  private func walk(
    _ tree: SGFTree, state: GameState, played: Int, parent: Int?,
    into result: inout [NodePosition]
  ) throws(SGFError) {
    var state = state
    var played = played
    var parent = parent
    for node in tree.nodes {
      let before = state.moves.count
      _ = try apply(node, to: &state, played: &played, stoppingBefore: nil)
      let move = state.moves.count > before ? state.moves.last : nil
      let depth = parent.map { result[$0].depth } ?? 0
      result.append(
        NodePosition(
          parent: parent, move: move, board: state.board, toMove: state.toMove,
          comment: node["C"], depth: depth + (move == nil ? 0 : 1)))
      parent = result.count - 1
    }
    for variation in tree.variations {
      try walk(variation, state: state, played: played, parent: parent, into: &result)
    }
  }
}
