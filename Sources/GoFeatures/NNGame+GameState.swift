import GoCore

extension NNRules {
  /// The network's view of GoCore rules.
  public init(_ rules: Rules) {
    let ko: KoRule
    switch rules.ko {
    case .simple: ko = .simple
    case .positional: ko = .positional
    case .situational: ko = .situational
    case .spight: ko = .spight
    }
    let bonus: HandicapBonus
    switch rules.whiteHandicapBonus {
    case .zero: bonus = .zero
    case .n: bonus = .n
    case .nMinusOne: bonus = .nMinusOne
    }
    self.init(
      koRule: ko, scoring: rules.scoring == .area ? .area : .territory,
      tax: rules.tax == .none ? .none : rules.tax == .seki ? .seki : .all,
      multiStoneSuicideLegal: rules.multiStoneSuicideLegal, hasButton: rules.hasButton,
      whiteHandicapBonus: bonus)
  }
}

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
      rules: NNRules(state.rules), komi: Float(state.rules.komi))
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
