import GoCore

/// A game as the network features need it: the setup, every move with the board after it, the
/// simple-ko point, superko history, passes and the rules and komi. Boards are GoCore `Board`s.
public struct NNGame: Sendable {
  /// A move: a board point, or nil for a pass.
  public struct Move: Sendable, Hashable {
    /// 1 black, 2 white.
    public var color: UInt8
    /// The point, nil for pass.
    public var point: Point?
  }

  /// Rules, komi included.
  public var rules: Rules
  /// Komi (points given to White), as the features use it.
  public var komi: Float {
    get { Float(rules.komi) }
    set { rules.komi = Double(newValue) }
  }
  /// The board before any move.
  public let initialBoard: Board
  /// The player to move before any move (1 black, 2 white).
  public let initialPlayer: UInt8
  /// Moves so far.
  public private(set) var moves: [Move] = []
  /// `boards[i]` is the board after `i` moves.
  public private(set) var boards: [Board]
  /// The side to move (may be overridden, as `kata-raw-nn COLOR` does).
  public var nextPlayer: UInt8
  /// Number of black board moves minus white board moves (territory-scoring bookkeeping).
  private var stoneBalance = 0

  private struct Situation: Hashable {
    var hash: UInt64
    var toMove: UInt8
  }
  private var situations: Set<Situation> = []
  private var positions: Set<UInt64> = []

  /// A game from a setup position.
  public init(initialBoard: Board, initialPlayer: UInt8, rules: Rules, komi: Float) {
    self.initialBoard = initialBoard
    self.initialPlayer = initialPlayer
    self.rules = rules.withKomi(Double(komi))
    boards = [initialBoard]
    nextPlayer = initialPlayer
    positions.insert(initialBoard.hash)
    situations.insert(Situation(hash: initialBoard.hash, toMove: initialPlayer))
  }

  /// The current board.
  public var board: Board { boards[boards.count - 1] }

  /// Plays a move for `color` (tolerant: the point only has to be empty).
  public mutating func play(_ point: Point?, color: UInt8) {
    var b = board
    if let p = point {
      precondition(b[p] == .empty, "point is occupied")
      b.play(p, for: Player(nnColor: color))
      stoneBalance += color == 1 ? 1 : -1
    } else {
      b.clearKo()
    }
    moves.append(Move(color: color, point: point))
    boards.append(b)
    nextPlayer = 3 - color
    positions.insert(b.hash)
    situations.insert(Situation(hash: b.hash, toMove: nextPlayer))
  }

  /// Whether the game has ended with two consecutive passes.
  public var isFinished: Bool {
    moves.count >= 2 && moves[moves.count - 1].point == nil && moves[moves.count - 2].point == nil
  }

  /// Points the side to move may not play because of superko (not the simple-ko point).
  public func superkoBanned(for pla: UInt8) -> Set<Point> {
    guard rules.ko == .positional || rules.ko == .situational || rules.ko == .spight else {
      return []
    }
    var out = Set<Point>()
    let b = board
    let player = Player(nnColor: pla)
    for p in b.points where b.isLegal(p, for: player, multiStoneSuicide: rules.multiStoneSuicideLegal) {
      var next = b
      next.play(p, for: player)
      let repeated =
        rules.ko == .positional
        ? positions.contains(next.hash)
        : situations.contains(Situation(hash: next.hash, toMove: 3 - pla))
      if repeated { out.insert(p) }
    }
    return out
  }

  /// Whether `pla` may play at board point `p` now.
  public func isLegal(_ p: Point, for pla: UInt8, banned: Set<Point>) -> Bool {
    board.isLegal(p, for: Player(nnColor: pla), multiStoneSuicide: rules.multiStoneSuicideLegal)
      && !banned.contains(p)
  }

  /// The number of handicap stones KataGo assumes (0 when it would be 1).
  public var handicapStones: Int {
    let black = initialBoard.stoneCount(.black)
    let white = initialBoard.stoneCount(.white)
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
      let initialBalance = initialBoard.stoneCount(.black) - initialBoard.stoneCount(.white)
      total += Float(initialBalance + stoneBalance)
    }
    return total
  }
}

extension Player {
  /// The player of a feature colour (1 black, 2 white).
  init(nnColor: UInt8) { self = nnColor == 1 ? .black : .white }
}
