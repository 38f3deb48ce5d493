public import GoCore

extension GoEngine {
  /// Whether `player`, asked for a `kgs-genmove_cleanup` move, still has work to do: stones of
  /// the opponent that this engine judges dead stand on the board and a legal move that does
  /// not fill one of `player`'s own eyes exists. Until then the engine must not pass; after it,
  /// passing is its ordinary choice (a cleanup that forbade passing outright would fill its own
  /// territory and throw stones into the opponent's until the move limit).
  /// - Complexity: one dead-stone judgement (one evaluation, or the rollout engine's ownership
  ///   playouts) and O(area) legality checks.
  public func mustCapture(in state: GameState, for player: Player) -> Bool {
    let board = state.board
    let anyMove = board.points.contains {
      board[$0] == .empty && !board.isEye($0, of: player) && state.isLegal(.play($0))
    }
    guard anyMove else { return false }
    let dead = (try? deadStones(in: state)) ?? []
    return dead.contains { board[$0] == player.opponent.stone }
  }
}
