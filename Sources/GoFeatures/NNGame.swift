import GoCore

/// A game as the network features need it: the setup, every move with the board after it, the
/// simple-ko point, superko history, passes and the rules and komi.
public struct NNGame: Sendable {
  /// A move: a board cell index of `FeatureBoard`, or nil for a pass.
  public struct Move: Sendable, Hashable {
    /// 1 black, 2 white.
    public var color: UInt8
    /// The cell index, nil for pass.
    public var point: Int?
  }

  /// Rules, komi included.
  public var rules: Rules
  /// Komi (points given to White), as the features use it.
  public var komi: Float {
    get { Float(rules.komi) }
    set { rules.komi = Double(newValue) }
  }
  /// The board before any move.
  public let initialBoard: FeatureBoard
  /// The player to move before any move (1 black, 2 white).
  public let initialPlayer: UInt8
  /// Moves so far.
  public private(set) var moves: [Move] = []
  /// `boards[i]` is the board after `i` moves.
  public private(set) var boards: [FeatureBoard]
  /// The side to move (may be overridden, as `kata-raw-nn COLOR` does).
  public var nextPlayer: UInt8
  /// Number of black board moves minus white board moves (territory-scoring bookkeeping).
  private var stoneBalance = 0

  private struct Situation: Hashable {
    var cells: [UInt8]
    var toMove: UInt8
  }
  private var situations: Set<Situation> = []
  private var positions: Set<[UInt8]> = []

  /// A game from a setup position.
  public init(initialBoard: FeatureBoard, initialPlayer: UInt8, rules: Rules, komi: Float) {
    self.initialBoard = initialBoard
    self.initialPlayer = initialPlayer
    self.rules = rules.withKomi(Double(komi))
    boards = [initialBoard]
    nextPlayer = initialPlayer
    positions.insert(initialBoard.cells)
    situations.insert(Situation(cells: initialBoard.cells, toMove: initialPlayer))
  }

  /// The current board.
  public var board: FeatureBoard { boards[boards.count - 1] }

  /// Plays a move for `color` (tolerant: the point only has to be empty).
  public mutating func play(_ point: Int?, color: UInt8) {
    var b = board
    if let p = point {
      precondition(b.cells[p] == 0, "point is occupied")
      b.play(p, color)
      stoneBalance += color == 1 ? 1 : -1
    } else {
      b.koPoint = -1
    }
    moves.append(Move(color: color, point: point))
    boards.append(b)
    nextPlayer = 3 - color
    positions.insert(b.cells)
    situations.insert(Situation(cells: b.cells, toMove: nextPlayer))
  }

  /// Whether the game has ended with two consecutive passes.
  public var isFinished: Bool {
    moves.count >= 2 && moves[moves.count - 1].point == nil && moves[moves.count - 2].point == nil
  }

  /// Points the side to move may not play because of superko (not the simple-ko point).
  public func superkoBanned(for pla: UInt8) -> Set<Int> {
    guard rules.ko == .positional || rules.ko == .situational || rules.ko == .spight else {
      return []
    }
    var out = Set<Int>()
    let b = board
    for p in b.points where b.cells[p] == 0 && b.isLegal(p, pla, suicideLegal: rules.multiStoneSuicideLegal) {
      var next = b
      next.play(p, pla)
      let repeated =
        rules.ko == .positional
        ? positions.contains(next.cells)
        : situations.contains(Situation(cells: next.cells, toMove: 3 - pla))
      if repeated { out.insert(p) }
    }
    return out
  }

  /// Whether `pla` may play at board point `p` now.
  public func isLegal(_ p: Int, for pla: UInt8, banned: Set<Int>) -> Bool {
    board.isLegal(p, pla, suicideLegal: rules.multiStoneSuicideLegal) && !banned.contains(p)
  }

  /// The number of handicap stones KataGo assumes (0 when it would be 1).
  public var handicapStones: Int {
    var black = 0
    var white = 0
    for p in initialBoard.points {
      if initialBoard.cells[p] == 1 { black += 1 } else if initialBoard.cells[p] == 2 { white += 1 }
    }
    var n = white == 0 ? black : 0
    for m in moves {
      guard m.color == 1 && m.point != nil else { break }
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
      var initialBalance = 0
      for p in initialBoard.points {
        if initialBoard.cells[p] == 1 { initialBalance += 1 } else if initialBoard.cells[p] == 2 { initialBalance -= 1 }
      }
      total += Float(initialBalance + stoneBalance)
    }
    return total
  }
}
