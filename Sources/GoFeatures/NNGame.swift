import GoCore

/// A position as the network features see it: a GoCore `GameState` (its board, its last moves and
/// boards for the history planes, its superko memory, its rules and komi) and the side the
/// network evaluates for, which `kata-raw-nn COLOR` may override. Nothing is replayed: the
/// features read the state as it is.
public struct NNGame: Sendable {
  /// The game.
  public private(set) var state: GameState
  /// The side to move as the features see it (1 black, 2 white); may differ from `state.toMove`.
  public var nextPlayer: UInt8

  /// The features' view of `state`, for its player to move.
  public init(_ state: GameState) {
    self.state = state
    nextPlayer = state.toMove.rawValue
  }

  /// A game from a setup position with no history.
  public init(initialBoard: Board, initialPlayer: UInt8, rules: Rules, komi: Float) {
    self.init(
      GameState(board: initialBoard, toMove: Player(nnColor: initialPlayer), rules: rules.withKomi(Double(komi))))
  }

  /// Rules, komi included.
  public var rules: Rules {
    get { state.rules }
    set { state.rules = newValue }
  }
  /// Komi (points given to White), as the features use it.
  public var komi: Float {
    get { Float(state.rules.komi) }
    set { state.rules.komi = Double(newValue) }
  }

  /// The current board.
  public var board: Board { state.board }

  /// Moves so far.
  public var moves: [(player: Player, move: Move)] { state.moves }

  /// Plays a move (nil: a pass) for `color`, who need not be the player to move.
  /// - Throws: GoCore's `IllegalMove` if the game forbids it; the game is then unchanged.
  public mutating func play(_ point: Point?, color: UInt8) throws(GameState.IllegalMove) {
    try state.play(point.map { .play($0) } ?? .pass, by: Player(nnColor: color))
    nextPlayer = state.toMove.rawValue
  }

  /// Whether the game has ended with two consecutive passes.
  public var isFinished: Bool {
    let moves = state.moves
    return moves.count >= 2 && moves[moves.count - 1].move == .pass && moves[moves.count - 2].move == .pass
  }

  /// Points the side to move may not play because of superko (not the simple-ko point), from the
  /// game's superko memory.
  public func superkoBanned(for pla: UInt8) -> Set<Point> {
    guard rules.ko == .positional || rules.ko == .situational || rules.ko == .spight else {
      return []
    }
    var out = Set<Point>()
    let b = state.board
    let player = Player(nnColor: pla)
    for p in b.points
    where b.isLegal(p, for: player, multiStoneSuicide: rules.multiStoneSuicideLegal)
      && state.illegality(.play(p), by: player) == .superko
    {
      out.insert(p)
    }
    return out
  }

  /// Whether `pla` may play at board point `p` now.
  public func isLegal(_ p: Point, for pla: UInt8, banned: Set<Point>) -> Bool {
    board.isLegal(p, for: Player(nnColor: pla), multiStoneSuicide: rules.multiStoneSuicideLegal)
      && !banned.contains(p)
  }

  /// The number of handicap stones KataGo assumes (0 when it would be 1): Black's setup stones
  /// when White has none, plus Black's moves before White's first move.
  public var handicapStones: Int {
    let initial = state.initialBoard
    var n = initial.stoneCount(.white) == 0 ? initial.stoneCount(.black) : 0
    for m in state.moves {
      guard m.player == .black && m.move != .pass else { break }
      n += 1
    }
    return n <= 1 ? 0 : n
  }

  /// White's total komi: komi + handicap bonus + territory-scoring stone adjustments.
  public var whiteKomiTotal: Float {
    var total = komi
    let n = handicapStones
    switch rules.whiteHandicapBonus {
    case .zero: break
    case .n: total += Float(n)
    case .nMinusOne: total += Float(max(n - 1, 0))
    }
    if rules.scoring == .territory {
      // KataGo's stone balance: setup stones plus board moves of each colour.
      let initial = state.initialBoard
      var balance = initial.stoneCount(.black) - initial.stoneCount(.white)
      for m in state.moves where m.move != .pass { balance += m.player == .black ? 1 : -1 }
      total += Float(balance)
    }
    return total
  }
}

extension Player {
  /// The player of a feature colour (1 black, 2 white).
  init(nnColor: UInt8) { self = nnColor == 1 ? .black : .white }
}
