/// A game in progress: the board, whose turn it is, the rules, and the full history.
///
/// `GameState` adds to `Board` what a whole game needs: superko, passes and the end of the
/// game, the button, handicap stones, undo, and scoring. Moves are checked with `isLegal(_:)`
/// and applied with `play(_:)`, which refuses illegal moves and leaves the state unchanged.
public struct GameState: Sendable {
  /// Why a move was refused.
  public enum IllegalMove: Error, Equatable, Sendable {
    case occupied
    case offBoard
    case ko
    case superko
    case suicide
    case gameOver
  }

  /// A restorable copy of everything `play` and `pass` change.
  @usableFromInline
  struct Snapshot: Sendable {
    var board: Board
    var toMove: Player
    var consecutivePasses: Int
    var buttonTakenBy: Player?
    var isOver: Bool
    var isNoResult: Bool
    var passedFrom: Set<UInt64>
    var repeats: [UInt64: Int]
  }

  /// The current position.
  public private(set) var board: Board
  /// The player to move.
  public private(set) var toMove: Player
  /// The rules and komi.
  public var rules: Rules
  /// Moves played since the start position, in order.
  public private(set) var moves: [(player: Player, move: Move)] = []
  /// The position the game started from (after handicap and setup stones).
  public private(set) var initialBoard: Board
  /// The player to move in the start position.
  public private(set) var initialToMove: Player
  /// Number of handicap stones (Black stones placed before the first move, White to move).
  public private(set) var handicap: Int = 0
  /// Passes in a row at the end of the move list.
  public private(set) var consecutivePasses: Int = 0
  /// The player who took the button by passing first (button rules only).
  public private(set) var buttonTakenBy: Player?
  /// True once the game has ended by passes or a repetition.
  public private(set) var isOver: Bool = false
  /// True if the game ended with no result (a long cycle under simple ko).
  public private(set) var isNoResult: Bool = false

  /// Superko memory: how often each position key occurred in this game line.
  @usableFromInline var seen: [UInt64: Int] = [:]
  /// Situations since the last pass and how often each occurred (simple-ko cycle detection).
  var repeats: [UInt64: Int] = [:]
  /// Situations a player has passed from, since the last board move changed them.
  var passedFrom: Set<UInt64> = []
  var undoStack: [Snapshot] = []
  /// Keys added to `seen` by each move, for undo.
  var seenKeys: [UInt64] = []

  /// A new game on an empty board, Black to move.
  public init(width: Int, height: Int, rules: Rules = .trompTaylor) {
    board = Board(width: width, height: height)
    toMove = .black
    self.rules = rules
    initialBoard = board
    initialToMove = .black
    resetHistory()
  }

  /// A new game on an empty square board, Black to move.
  public init(size: Int, rules: Rules = .trompTaylor) {
    self.init(width: size, height: size, rules: rules)
  }

  /// A game starting from `board` with `toMove` to play (a setup position, no history).
  public init(board: Board, toMove: Player, rules: Rules = .trompTaylor) {
    self.board = board
    self.toMove = toMove
    self.rules = rules
    initialBoard = board
    initialToMove = toMove
    resetHistory()
  }

  /// The key superko compares: stones only (positional) or stones and player (situational).
  @inlinable
  func superkoKey(_ b: Board, nextToMove: Player) -> UInt64 {
    superkoKey(hash: b.hash, nextToMove: nextToMove)
  }

  /// The superko key of a position whose stones hash to `hash`.
  @inlinable
  func superkoKey(hash: UInt64, nextToMove: Player) -> UInt64 {
    switch rules.ko {
    case .positional: return hash
    case .situational, .spight, .simple:
      return nextToMove == .white ? hash ^ Zobrist.whiteToMove : hash
    }
  }

  /// Forgets the move history and makes the current position the start position.
  mutating func resetHistory() {
    moves = []
    undoStack = []
    seenKeys = []
    seen = [superkoKey(board, nextToMove: toMove): 1]
    repeats = [:]
    passedFrom = []
    consecutivePasses = 0
    buttonTakenBy = nil
    isOver = false
    isNoResult = false
    initialBoard = board
    initialToMove = toMove
  }

  /// Resumes a game that ended by passes, as KGS does when the players dispute the dead stones:
  /// the moves stay on the record and play goes on (two more passes end it again). A game that
  /// ended without a result stays ended.
  public mutating func resume() {
    guard isOver && !isNoResult else { return }
    isOver = false
    consecutivePasses = 0
    passedFrom = []
  }

  /// Width of the board.
  public var width: Int { board.width }
  /// Height of the board.
  public var height: Int { board.height }

  /// Why `move` by the player to move would be illegal, or nil if it is legal.
  public func illegality(_ move: Move) -> IllegalMove? {
    illegality(move, by: toMove)
  }

  /// Why `move` by `player` would be illegal, or nil if it is legal.
  ///
  /// Superko is judged on the position the move creates. A move by the player not to move is
  /// judged as if that player were to move (GTP allows playing either colour).
  public func illegality(_ move: Move, by player: Player) -> IllegalMove? {
    guard case .play(let p) = move else { return nil }
    guard board.contains(p) else { return .offBoard }
    guard board[p] == .empty else { return .occupied }
    let koBanned = player == toMove && p == board.koPoint
    if koBanned { return .ko }
    let suicide = board.isSuicide(p, for: player)
    if suicide {
      // Single-stone suicide is never legal.
      if !rules.multiStoneSuicideLegal || !board.hasOwnNeighbor(p, player) { return .suicide }
    }
    if rules.ko == .positional || rules.ko == .situational || rules.ko == .spight {
      // The new position's key without copying the board (a multi-stone suicide, which
      // removes the mover's own chain, is played out on a copy).
      let hash: UInt64
      if suicide {
        var b = board
        b.play(p, for: player)
        hash = b.hash
      } else {
        hash = board.hashAfterPlay(p, for: player)
      }
      if seen[superkoKey(hash: hash, nextToMove: player.opponent)] != nil { return .superko }
    }
    return nil
  }

  /// True if the player to move may play `move`.
  public func isLegal(_ move: Move) -> Bool { illegality(move) == nil }

  /// Every legal move for the player to move, pass last.
  public func legalMoves() -> [Move] {
    var result: [Move] = []
    for p in board.points where board[p] == .empty && isLegal(.play(p)) { result.append(.play(p)) }
    result.append(.pass)
    return result
  }

  /// Plays `move` for the player to move.
  /// - Throws: `IllegalMove` and leaves the state unchanged if the move is illegal.
  public mutating func play(_ move: Move) throws(IllegalMove) {
    try play(move, by: toMove)
  }

  /// Plays `move` for `player` (who need not be the player to move, as GTP allows).
  /// - Throws: `IllegalMove` and leaves the state unchanged if the move is illegal.
  public mutating func play(_ move: Move, by player: Player) throws(IllegalMove) {
    if let reason = illegality(move, by: player) { throw reason }
    undoStack.append(
      Snapshot(
        board: board, toMove: toMove, consecutivePasses: consecutivePasses,
        buttonTakenBy: buttonTakenBy, isOver: isOver, isNoResult: isNoResult,
        passedFrom: passedFrom, repeats: repeats))
    moves.append((player, move))
    switch move {
    case .pass:
      let situation = board.situationHash(toMove: player)
      board.clearKo()
      if rules.hasButton && buttonTakenBy == nil {
        buttonTakenBy = player
      } else {
        consecutivePasses += 1
      }
      if consecutivePasses >= 2 { isOver = true }
      if rules.ko == .simple || rules.ko == .spight {
        // Passing from a situation already passed from ends the game.
        if passedFrom.contains(situation) { isOver = true }
        passedFrom.insert(situation)
      }
      repeats = [:]
      if rules.ko == .positional {
        seenKeys.append(0)
      } else {
        // Situational superko remembers the situation the pass created too.
        let key = superkoKey(board, nextToMove: player.opponent)
        seen[key, default: 0] += 1
        seenKeys.append(key)
      }
    case .play(let p):
      if player != toMove { board.clearKo() }
      board.play(p, for: player)
      consecutivePasses = 0
      let key = superkoKey(board, nextToMove: player.opponent)
      seen[key, default: 0] += 1
      seenKeys.append(key)
      if rules.ko == .simple || rules.ko == .spight {
        // A situation occurring for the third time since the last pass: no result.
        let s = board.situationHash(toMove: player.opponent)
        let n = repeats[s, default: 0] + 1
        repeats[s] = n
        if n >= 3 {
          isOver = true
          isNoResult = true
        }
      }
    }
    toMove = player.opponent
  }

  /// Takes back the last move. Returns false if there is none.
  @discardableResult
  public mutating func undo() -> Bool {
    guard let snap = undoStack.popLast(), let key = seenKeys.popLast() else { return false }
    moves.removeLast()
    if key != 0 {
      let n = seen[key, default: 1] - 1
      seen[key] = n > 0 ? n : nil
    }
    board = snap.board
    toMove = snap.toMove
    consecutivePasses = snap.consecutivePasses
    buttonTakenBy = snap.buttonTakenBy
    isOver = snap.isOver
    isNoResult = snap.isNoResult
    passedFrom = snap.passedFrom
    repeats = snap.repeats
    return true
  }

  /// Places handicap stones for Black on an empty board; White moves next.
  /// - Precondition: no move has been played.
  public mutating func placeHandicap(_ points: [Point]) {
    for p in points where board[p] == .empty { board.place(.black, at: p) }
    handicap = points.count
    toMove = points.isEmpty ? .black : .white
    resetHistory()
  }

  /// Applies setup edits (as one SGF node's AE/AB/AW do: only the listed points change, see
  /// `Board.applySetup`) and makes the result the new start position.
  public mutating func setup(black: [Point] = [], white: [Point] = [], empty: [Point] = [],
                             toMove: Player? = nil) {
    board.applySetup(black: black, white: white, empty: empty)
    if let toMove { self.toMove = toMove }
    if moves.isEmpty && board.stoneCount(.white) == 0 {
      handicap = board.stoneCount(.black)
    }
    resetHistory()
  }

  /// Sets the player to move without playing (setup only).
  public mutating func setToMove(_ player: Player) {
    if player != toMove {
      board.clearKo()
      toMove = player
    }
  }

  /// The history planes' view: the last `n` moves, most recent last.
  public func recentMoves(_ n: Int) -> ArraySlice<(player: Player, move: Move)> {
    moves.suffix(n)
  }

  /// The board `k` moves ago (0 = now), or nil past the start position.
  public func board(movesAgo k: Int) -> Board? {
    if k == 0 { return board }
    guard k <= undoStack.count else { return nil }
    return undoStack[undoStack.count - k].board
  }
}
