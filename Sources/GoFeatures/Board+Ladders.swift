import Synchronization
import GoCore

/// KataGo's ladder search for the ladder feature planes, on GoCore's `Board`.
extension Board {
  /// The node budget after which a ladder search gives up and reports "not captured".
  static let ladderNodeBudget = 25_000

  /// A ladder verdict for every chain with 1 or 2 liberties: `captured[point.i]` marks the stones
  /// of ladder-captured chains and `workingMoves` holds, for 2-liberty chains of `defender` that
  /// are captured, the liberties where the attacker's first move works.
  func ladders(workingMovesFor defender: Player) -> (captured: [Bool], workingMoves: [Point]) {
    let v = ladderVerdicts()
    return (v.captured, defender == .black ? v.workingBlack : v.workingWhite)
  }

  /// `ladders(workingMovesFor:)` for both defenders at once, from `LadderCache.shared` when
  /// this board (stones and ko point) was solved recently.
  func cachedLadderVerdicts() -> LadderVerdicts {
    let key = hash ^ (koPoint.isNone ? 0 : Zobrist.ko(at: koPoint))
    if let v = LadderCache.shared.get(key) { return v }
    let v = ladderVerdicts()
    LadderCache.shared.put(key, v)
    return v
  }

  /// The ladder verdict of every chain with 1 or 2 liberties, with the working moves against
  /// each colour's captured 2-liberty chains.
  func ladderVerdicts() -> LadderVerdicts {
    var captured = [Bool](repeating: false, count: Point.capacity)
    var workingBlack: [Point] = []
    var workingWhite: [Point] = []
    var solved = [Bool](repeating: false, count: Point.capacity)
    for p in points where self[p] == .black || self[p] == .white {
      if solved[p.i] { continue }
      let stones = chainStones(p)
      for s in stones { solved[s.i] = true }
      let libs = libertyPoints(p)
      var isCaptured = false
      if libs.count == 1 {
        var budget = 0
        isCaptured = ladderCaptured(p, defenderFirst: true, nodes: &budget)
      } else if libs.count == 2 {
        let moves = attackerFirstLadder(p, libs)
        isCaptured = !moves.isEmpty
        if isCaptured {
          if self[p] == .black { workingBlack.append(contentsOf: moves) } else { workingWhite.append(contentsOf: moves) }
        }
      }
      if isCaptured { for s in stones { captured[s.i] = true } }
    }
    return LadderVerdicts(captured: captured, workingBlack: workingBlack, workingWhite: workingWhite)
  }

  /// The liberties of a 2-liberty chain at which the attacker starts a working ladder.
  func attackerFirstLadder(_ loc: Point, _ libs: [Point]) -> [Point] {
    guard let defender = self[loc].player else { return [] }
    let attacker = defender.opponent
    var out: [Point] = []
    for move in libs where isLegal(move, for: attacker, multiStoneSuicide: false) {
      var copy = self
      _ = copy.play(move, for: attacker)
      var budget = 0
      if copy.ladderCaptured(loc, defenderFirst: true, nodes: &budget) { out.append(move) }
    }
    return out
  }

  /// Whether the chain at `loc` is captured in a ladder (defender or attacker to move first).
  func ladderCaptured(_ loc: Point, defenderFirst: Bool, nodes: inout Int) -> Bool {
    guard self[loc] == .black || self[loc] == .white else { return false }
    let libs = liberties(loc)
    if libs > 2 || (defenderFirst && libs > 1) { return false }
    var board = self
    if defenderFirst { board.clearKo() }
    let depthLimit = width * height * 3 / 2 + 1
    var aborted = false
    let r = board.ladderNode(
      loc, depth: 0, defenderFirst: defenderFirst, limit: depthLimit, nodes: &nodes, aborted: &aborted)
    return aborted ? false : r
  }

  /// One node of the alternating ladder search; returns true when the defender is captured.
  private func ladderNode(
    _ loc: Point, depth: Int, defenderFirst: Bool, limit: Int, nodes: inout Int, aborted: inout Bool
  ) -> Bool {
    if depth >= limit - 1 { return true }
    if nodes >= Self.ladderNodeBudget {
      aborted = true
      return false
    }
    guard let defender = self[loc].player else { return false }
    let attacker = defender.opponent
    let isDefender = (depth % 2 == 0) == defenderFirst
    let libs = libertyPoints(loc)
    if !isDefender && libs.count <= 1 { return true }
    if !isDefender && libs.count >= 3 { return false }
    if isDefender && libs.count >= 2 { return false }
    if isDefender && !koPoint.isNone { return false }
    var moves: [Point] = []
    if isDefender {
      // Captures of adjacent attacker chains in atari, then the lone liberty.
      var seenChains: [Point] = []
      for s in chainStones(loc) {
        for q in s.adjacent where self[q] == attacker.stone {
          let h = chainHead(q)
          if seenChains.contains(h) { continue }
          seenChains.append(h)
          if isInAtari(q) {
            let l = atariLiberty(q)
            if !moves.contains(l) { moves.append(l) }
          }
        }
      }
      moves.append(libs[0])
    } else {
      let l0 = emptyNeighborCount(libs[0])
      let l1 = emptyNeighborCount(libs[1])
      // Double-ko death: both liberties are ko mouths that do not help the defender.
      if l0 == 0 && l1 == 0 && wouldBeKoCapture(libs[0], by: attacker)
        && wouldBeKoCapture(libs[1], by: attacker)
        && libertiesAfterPlay(libs[0], by: defender) <= 2 && libertiesAfterPlay(libs[1], by: defender) <= 2
        && !hasLibertyGainingCaptures(loc)
      {
        return true
      }
      moves = libs
      let adjacent = abs(libs[0].x - libs[1].x) + abs(libs[0].y - libs[1].y) == 1
      if !adjacent {
        if l0 >= 3 && l1 >= 3 { return false }
        if l0 >= 3 { moves = [libs[0]] } else if l1 >= 3 { moves = [libs[1]] }
      }
    }
    let mover = isDefender ? defender : attacker
    for move in moves {
      guard isLegal(move, for: mover, multiStoneSuicide: false) else { continue }
      var next = self
      _ = next.play(move, for: mover)
      nodes += 1
      let r = next.ladderNode(
        loc, depth: depth + 1, defenderFirst: defenderFirst, limit: limit, nodes: &nodes, aborted: &aborted)
      if aborted { return false }
      if isDefender && !r { return false }
      if !isDefender && r { return true }
    }
    return isDefender
  }

  /// Number of empty orthogonal neighbours of `point`.
  func emptyNeighborCount(_ point: Point) -> Int {
    var n = 0
    for q in point.adjacent where self[q] == .empty { n += 1 }
    return n
  }

  /// Whether `player` playing at `point` would capture exactly one stone while every neighbour is
  /// an opponent stone or the edge (the shape of a simple-ko capture).
  func wouldBeKoCapture(_ point: Point, by player: Player) -> Bool {
    guard self[point] == .empty else { return false }
    let opp = player.opponent.stone
    var heads: [Point] = []
    var stones = 0
    for q in point.adjacent {
      let s = self[q]
      if s == .empty || s == player.stone { return false }
      if s == opp && isInAtari(q) && !heads.contains(chainHead(q)) {
        heads.append(chainHead(q))
        stones += chainSize(q)
      }
    }
    return stones == 1
  }

  /// Number of liberties the chain through `point` would have after `player` plays there
  /// (0 if the stone would not survive).
  func libertiesAfterPlay(_ point: Point, by player: Player) -> Int {
    var copy = self
    _ = copy.play(point, for: player)
    return copy[point] == player.stone ? copy.liberties(point) : 0
  }

  /// Whether the chain at `loc` touches an opponent chain in atari.
  func hasLibertyGainingCaptures(_ loc: Point) -> Bool {
    guard let own = self[loc].player else { return false }
    let opp = own.opponent.stone
    for s in chainStones(loc) {
      for q in s.adjacent where self[q] == opp && isInAtari(q) { return true }
    }
    return false
  }
}

/// Ladder verdicts of one board: captured stones by point index, and the attacker's working
/// first moves against each colour's captured 2-liberty chains.
struct LadderVerdicts: Sendable {
  var captured: [Bool]
  var workingBlack: [Point]
  var workingWhite: [Point]
}

/// Recently solved boards' ladder verdicts, by a hash of the stones and the ko point.
///
/// The features of a position include the ladders of the two boards before it, which a search
/// has usually solved already as the current board of the parent and grandparent nodes; this
/// cache saves about two thirds of the ladder searches. Direct-mapped, locked in shards.
final class LadderCache: Sendable {
  static let shared = LadderCache()

  private struct Slot {
    var key: UInt64 = 0
    var verdicts: LadderVerdicts?
  }
  private final class Shard: Sendable {
    let slots = Mutex([Slot](repeating: Slot(), count: LadderCache.slotsPerShard))
  }
  private static let shardBits = 4
  private static let slotsPerShard = 1 << 9
  private let shards: [Shard] = (0..<(1 << LadderCache.shardBits)).map { _ in Shard() }

  func get(_ key: UInt64) -> LadderVerdicts? {
    let (shard, slot) = place(key)
    return shards[shard].slots.withLock { $0[slot].key == key ? $0[slot].verdicts : nil }
  }

  func put(_ key: UInt64, _ verdicts: LadderVerdicts) {
    let (shard, slot) = place(key)
    shards[shard].slots.withLock { $0[slot] = Slot(key: key, verdicts: verdicts) }
  }

  private func place(_ key: UInt64) -> (Int, Int) {
    let mixed = Zobrist.mix(key)
    return (Int(mixed & UInt64((1 << Self.shardBits) - 1)), Int((mixed >> 8) % UInt64(Self.slotsPerShard)))
  }
}
