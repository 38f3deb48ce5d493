public import GoCore

/// Plays positions out to the end with a fast default policy and counts the result.
///
/// A playout never fills its own eyes (so it ends), answers ataris and captures near the last
/// move and plays good local shape when the policy asks, and otherwise plays uniformly random
/// legal moves. Single-stone suicide is never played; simple ko is respected, superko ignored.
public struct Playout: Sendable {
  public var policy: PlayoutPolicy
  public let shapes: ShapeTable
  /// Whether multi-stone suicide may be played.
  public var multiStoneSuicide: Bool

  public init(policy: PlayoutPolicy, shapes: ShapeTable = .shared, multiStoneSuicide: Bool = false) {
    self.policy = policy
    self.shapes = shapes
    self.multiStoneSuicide = multiStoneSuicide
  }

  /// Plays `board` to the end, `toMove` first, after `lastMove` (`Point.none` if none or pass).
  ///
  /// Appends every move played (pass as `Point.none`) to `moves` when it is non-nil.
  /// - Returns: Black's area minus White's area on the final board (komi not included).
  /// - Complexity: O(area) moves, each O(1) amortised.
  @inlinable
  public func run(
    _ board: inout Board, toMove: Player, lastMove: Point, rng: inout FastRandom,
    moves: UnsafeMutablePointer<Int16>? = nil, moveCount: inout Int
  ) -> Int {
    var player = toMove
    var last = lastMove
    var passes = 0
    let limit = board.area * 3
    var n = 0
    while passes < 2 && n < limit {
      let p = chooseMove(&board, player, last: last, rng: &rng)
      if p.isNone {
        passes += 1
        board.clearKo()
      } else {
        passes = 0
        board.play(p, for: player)
      }
      if let moves { moves[moveCount] = p.index }
      moveCount += 1
      last = p
      player = player.opponent
      n += 1
    }
    return Playout.areaDifference(&board)
  }

  /// The policy's move for `player`, or `Point.none` to pass.
  @inlinable
  public func chooseMove(_ board: inout Board, _ player: Player, last: Point, rng: inout FastRandom)
    -> Point
  {
    if !policy.isLight && !last.isNone {
      let m = heuristicMove(&board, player, last: last, rng: &rng)
      if !m.isNone { return m }
    }
    return randomMove(&board, player, rng: &rng)
  }

  /// A uniformly random legal move that does not fill an own eye (nor, with a self-atari
  /// limit, put a big chain in atari), or `Point.none`.
  @inlinable
  public func randomMove(_ board: inout Board, _ player: Player, rng: inout FastRandom) -> Point {
    let n = board.emptyCount
    guard n > 0 else { return .none }
    var k = rng.below(n)
    for _ in 0..<n {
      let p = board.emptyPoint(k)
      // A point with an empty neighbour is legal and no eye: the common case, one test. Others
      // take the full legality and eye tests. (Nested ifs: an && operand reading the board
      // would copy it.)
      if board.hasEmptyNeighbor(p) {
        if policy.selfAtariLimit == 0 { return p }
        if !isBadSelfAtari(&board, p, player) { return p }
      } else if board.isLegalNonEye(p, for: player, multiStoneSuicide: multiStoneSuicide) {
        if policy.selfAtariLimit == 0 { return p }
        if !isBadSelfAtari(&board, p, player) { return p }
      }
      k += 1
      if k == n { k = 0 }
    }
    return .none
  }

  /// Captures, atari escapes and shape moves near the last move, or `Point.none`.
  @inlinable
  func heuristicMove(_ board: inout Board, _ player: Player, last: Point, rng: inout FastRandom)
    -> Point
  {
    guard board[last] != .empty else { return .none }
    let prob = policy.heuristicProbability
    let opp = player.opponent.stone
    let own = player.stone
    // 1. The last move's own chain (or a neighbour chain of ours) left in atari: capture it.
    if policy.captureLastMove && rng.unit() < prob {
      if board[last] == opp, board.isInAtari(last) {
        let l = board.atariLiberty(last)
        if board.isLegal(l, for: player, multiStoneSuicide: multiStoneSuicide) { return l }
      }
    }
    // 2. Our chains next to the last move in atari: capture an attacker or extend.
    if policy.escapeAtari && rng.unit() < prob {
      for q in last.adjacent where board[q] == own {
        guard board.isInAtari(q) else { continue }
        let save = escapeMove(&board, chainAt: q, player)
        if !save.isNone { return save }
      }
    }
    // 3. Good shape around the last move.
    if policy.patterns && rng.unit() < prob {
      var candidates: (Point, Point, Point, Point, Point, Point, Point, Point) =
        (.none, .none, .none, .none, .none, .none, .none, .none)
      var count = 0
      for k in 0..<8 {
        let p = k < 4 ? last.neighbor(k) : last.diagonal(k - 4)
        guard board[p] == .empty, shapes.isGood(&board, p, for: player),
          board.isLegal(p, for: player, multiStoneSuicide: multiStoneSuicide),
          !isBadSelfAtari(&board, p, player)
        else { continue }
        switch count {
        case 0: candidates.0 = p
        case 1: candidates.1 = p
        case 2: candidates.2 = p
        case 3: candidates.3 = p
        case 4: candidates.4 = p
        case 5: candidates.5 = p
        case 6: candidates.6 = p
        default: candidates.7 = p
        }
        count += 1
      }
      if count > 0 {
        switch rng.below(count) {
        case 0: return candidates.0
        case 1: return candidates.1
        case 2: return candidates.2
        case 3: return candidates.3
        case 4: return candidates.4
        case 5: return candidates.5
        case 6: return candidates.6
        default: return candidates.7
        }
      }
    }
    return .none
  }

  /// A move saving the chain at `q` (in atari): capture an adjacent attacker in atari, or
  /// extend if that leaves at least two liberties. `Point.none` if neither works.
  @inlinable
  func escapeMove(_ board: inout Board, chainAt q: Point, _ player: Player) -> Point {
    let opp = player.opponent.stone
    // Capturing an adjacent chain in atari.
    var s = q
    repeat {
      for r in s.adjacent where board[r] == opp {
        guard board.isInAtari(r) else { continue }
        let l = board.atariLiberty(r)
        if board.isLegal(l, for: player, multiStoneSuicide: multiStoneSuicide) { return l }
      }
      s = board.nextInChain(s)
    } while s != q
    let lib = board.atariLiberty(q)
    guard !lib.isNone, board.isLegal(lib, for: player, multiStoneSuicide: multiStoneSuicide)
    else { return .none }
    return libertiesAfter(&board, lib, player) >= 2 ? lib : .none
  }

  /// True if `player` playing `p` leaves a chain of at least `selfAtariLimit` stones in atari
  /// without capturing anything.
  @inlinable
  func isBadSelfAtari(_ board: inout Board, _ p: Point, _ player: Player) -> Bool {
    let limit = policy.selfAtariLimit
    guard limit > 0 else { return false }
    // Two empty neighbours are two liberties already: the common case, decided at once.
    var empties = 0
    for q in p.adjacent where board[q] == .empty { empties += 1 }
    if empties >= 2 { return false }
    if board.wouldCapture(p, for: player) { return false }
    guard libertiesAfter(&board, p, player) <= 1 else { return false }
    // Size of the chain the move would make.
    var size = 1
    let own = player.stone
    var heads = ChainSet()
    for q in p.adjacent where board[q] == own {
      let h = board.chainHead(q).i
      if heads.contains(h) { continue }
      heads.insert(h)
      size += board.chainSize(q)
    }
    return size >= limit
  }

  /// Liberties (capped at 3) of the chain `player` would form by playing empty `p`, ignoring
  /// captures. Walks the neighbouring own chains without allocating and stops at three.
  @inlinable
  func libertiesAfter(_ board: inout Board, _ p: Point, _ player: Player) -> Int {
    var found = LibertySet3(excluding: p)
    var walked = ChainSet()
    let own = player.stone
    for q in p.adjacent {
      let s = board[q]
      if s == .empty {
        if found.add(q) { return 3 }
      } else if s == own {
        let h = board.chainHead(q).i
        if walked.contains(h) { continue }
        walked.insert(h)
        var r = q
        repeat {
          for l in r.adjacent where board[l] == .empty {
            if found.add(l) { return 3 }
          }
          r = board.nextInChain(r)
        } while r != q
      }
    }
    return found.count
  }

  /// Black's area minus White's on a played-out board: stones, plus empty points whose
  /// neighbours are all of one colour.
  @inlinable
  public static func areaDifference(_ board: inout Board) -> Int {
    // Branch-free: a playout's final position is random, so branches would mispredict. Only
    // the few empty points need their neighbours read.
    var diff = board.stoneBalance()
    for k in 0..<board.emptyCount {
      let p = board.emptyPoint(k)
      // Bit 1: some neighbour is Black; bit 2: some neighbour is White.
      var m = 0
      for q in p.adjacent { m |= 1 &<< Int(board[q].rawValue) }
      diff &+= ((m &>> 1) & 1) &- ((m &>> 2) & 1)
    }
    return diff
  }
}

/// Up to three distinct liberties, for "does this chain have two or more?" questions.
@usableFromInline
struct LibertySet3 {
  @usableFromInline let excluded: Point
  @usableFromInline var a = Point.none
  @usableFromInline var b = Point.none
  @usableFromInline var count = 0

  @inlinable
  init(excluding p: Point) { excluded = p }

  /// Adds `l`; returns true once three distinct liberties are known.
  @inlinable @inline(__always)
  mutating func add(_ l: Point) -> Bool {
    if l == excluded || l == a || l == b { return false }
    count += 1
    if count == 1 { a = l } else if count == 2 { b = l }
    return count >= 3
  }
}
