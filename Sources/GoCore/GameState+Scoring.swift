/// The counted result of a finished (or hypothetically finished) game.
public struct Score: Sendable, Equatable {
  /// Black's points (area or territory + prisoners, with bonuses).
  public var black: Double
  /// White's points, komi and handicap bonus included.
  public var white: Double
  /// Black's lead: positive when Black wins, negative when White wins, zero for a draw.
  public var margin: Double { black - white }
  public init(black: Double, white: Double) {
    self.black = black
    self.white = white
  }

  /// The winner, or nil for a draw.
  public var winner: Player? { margin > 0 ? .black : (margin < 0 ? .white : nil) }

  /// The result in SGF/GTP notation: `B+3.5`, `W+0.5`, `0` for a draw.
  public var resultString: String {
    let m = abs(margin)
    let num = m == m.rounded() ? String(Int(m)) : String(m)
    switch winner {
    case .black: return "B+" + num
    case .white: return "W+" + num
    case nil: return "0"
    }
  }
}

extension GameState {
  /// Points White receives for Black's handicap stones under the rules.
  public var whiteHandicapBonus: Double {
    let n = handicap <= 1 ? 0 : handicap
    switch rules.whiteHandicapBonus {
    case .zero: return 0
    case .n: return Double(n)
    case .nMinusOne: return Double(max(0, n - 1))
    }
  }

  /// Counts the game under its rules after removing the `dead` stones.
  ///
  /// Area scoring counts stones plus surrounded empty points; territory scoring counts
  /// surrounded empty points plus prisoners (captures and dead stones). A seki tax removes the
  /// eyes of chains in seki; an all tax also charges two points per living group. Komi, the
  /// handicap bonus and the button are added.
  public func score(dead: Set<Point> = []) -> Score {
    let owner = board.areaOwnership(dead: dead)
    let seki: Set<Point> = rules.tax == .none ? [] : board.sekiEyes(dead: dead)
    var black = 0.0
    var white = 0.0
    for p in board.points {
      let o = owner[p.i]
      if o == .empty { continue }
      let isStone = board[p] != .empty && !dead.contains(p)
      if !isStone && seki.contains(p) { continue }
      if rules.scoring == .territory && isStone { continue }
      if o == .black { black += 1 } else { white += 1 }
    }
    if rules.scoring == .territory {
      var deadWhite = 0
      var deadBlack = 0
      for p in dead {
        if board[p] == .white { deadWhite += 1 } else if board[p] == .black { deadBlack += 1 }
      }
      black += Double(board.capturedByBlack + deadWhite)
      white += Double(board.capturedByWhite + deadBlack)
    }
    if rules.tax == .all {
      var cleaned = board
      for p in dead where cleaned[p] != .empty { cleaned.removeStones(at: p) }
      black -= 2 * Double(cleaned.livingGroupCount(.black, owner: owner))
      white -= 2 * Double(cleaned.livingGroupCount(.white, owner: owner))
    }
    white += rules.komi + whiteHandicapBonus
    if rules.hasButton, let taker = buttonTakenBy {
      if taker == .black { black += 0.5 } else { white += 0.5 }
    }
    return Score(black: black, white: white)
  }

  /// Stones of both colours that are pass-alive or inside pass-alive territory, per padded index.
  public func passAliveOwnership() -> [Stone] {
    let b = board.passAlive(.black)
    let w = board.passAlive(.white)
    var owner = [Stone](repeating: .wall, count: Point.capacity)
    for p in board.points {
      owner[p.i] = b[p.i] ? .black : (w[p.i] ? .white : .empty)
    }
    return owner
  }
}
