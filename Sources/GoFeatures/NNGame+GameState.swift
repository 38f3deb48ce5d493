import GoCore

extension NNGame {
  /// The feature view of a GoCore game: its start position, every move and the side to move.
  public init(_ state: GameState) {
    func featureBoard(_ b: Board) -> FeatureBoard {
      var f = FeatureBoard(xSize: b.width, ySize: b.height)
      for y in 0..<b.height {
        for x in 0..<b.width {
          switch b[x, y] {
          case .black: f.setStone(f.index(x, y), 1)
          case .white: f.setStone(f.index(x, y), 2)
          default: break
          }
        }
      }
      return f
    }
    let initial = featureBoard(state.initialBoard)
    self.init(
      initialBoard: initial, initialPlayer: state.initialToMove == .black ? 1 : 2,
      rules: state.rules, komi: Float(state.rules.komi))
    for (player, move) in state.moves {
      let color: UInt8 = player == .black ? 1 : 2
      if let p = move.point {
        play(initial.index(p.x, p.y), color: color)
      } else {
        play(nil, color: color)
      }
    }
    nextPlayer = state.toMove == .black ? 1 : 2
  }
}
