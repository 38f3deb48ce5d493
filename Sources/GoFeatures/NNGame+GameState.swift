import GoCore

extension NNGame {
  /// The feature view of a GoCore game: its start position, every move and the side to move.
  public init(_ state: GameState) {
    var initial = state.initialBoard
    initial.clearKo()
    self.init(
      initialBoard: initial, initialPlayer: state.initialToMove == .black ? 1 : 2,
      rules: state.rules, komi: Float(state.rules.komi))
    for (player, move) in state.moves {
      let color: UInt8 = player == .black ? 1 : 2
      if case .play(let p) = move {
        play(p, color: color)
      } else {
        play(nil, color: color)
      }
    }
    nextPlayer = state.toMove == .black ? 1 : 2
  }
}
