extension FeatureBoard {
  /// The node budget after which a ladder search gives up and reports "not captured".
  static let ladderNodeBudget = 25_000

  /// A ladder verdict for every chain with 1 or 2 liberties: `captured[cell]` marks the stones of
  /// ladder-captured chains and `workingMoves` holds, for 2-liberty chains of `defender` that
  /// are captured, the liberties where the attacker's first move works.
  public func ladders(workingMovesFor defender: UInt8) -> (captured: [Bool], workingMoves: [Int]) {
    var captured = [Bool](repeating: false, count: cells.count)
    var working: [Int] = []
    var solved = Set<Int>()
    for p in points where cells[p] == 1 || cells[p] == 2 {
      if solved.contains(p) { continue }
      let stones = chain(p)
      solved.formUnion(stones)
      let libs = liberties(p)
      var isCaptured = false
      if libs.count == 1 {
        var budget = 0
        isCaptured = ladderCaptured(p, defenderFirst: true, nodes: &budget)
      } else if libs.count == 2 {
        let moves = attackerFirstLadder(p, libs)
        isCaptured = !moves.isEmpty
        if isCaptured && cells[p] == defender { working.append(contentsOf: moves) }
      }
      if isCaptured { for s in stones { captured[s] = true } }
    }
    return (captured, working)
  }

  /// The liberties of a 2-liberty chain at which the attacker starts a working ladder.
  func attackerFirstLadder(_ loc: Int, _ libs: [Int]) -> [Int] {
    let attacker = 3 - cells[loc]
    var out: [Int] = []
    for move in libs where isLegal(move, attacker, suicideLegal: false) {
      var copy = self
      copy.play(move, attacker)
      var budget = 0
      if copy.ladderCaptured(loc, defenderFirst: true, nodes: &budget) { out.append(move) }
    }
    return out
  }

  /// Whether the chain at `loc` is captured in a ladder (defender or attacker to move first).
  func ladderCaptured(_ loc: Int, defenderFirst: Bool, nodes: inout Int) -> Bool {
    guard cells[loc] == 1 || cells[loc] == 2 else { return false }
    let libs = libertyCount(loc)
    if libs > 2 || (defenderFirst && libs > 1) { return false }
    var board = self
    if defenderFirst { board.koPoint = -1 }
    let depthLimit = xSize * ySize * 3 / 2 + 1
    var aborted = false
    let r = board.ladderNode(loc, depth: 0, defenderFirst: defenderFirst, limit: depthLimit, nodes: &nodes, aborted: &aborted)
    return aborted ? false : r
  }

  /// One node of the alternating ladder search; returns true when the defender is captured.
  private func ladderNode(
    _ loc: Int, depth: Int, defenderFirst: Bool, limit: Int, nodes: inout Int, aborted: inout Bool
  ) -> Bool {
    if depth >= limit - 1 { return true }
    if nodes >= Self.ladderNodeBudget {
      aborted = true
      return false
    }
    let defender = cells[loc]
    let attacker = 3 - defender
    let isDefender = (depth % 2 == 0) == defenderFirst
    let libs = liberties(loc)
    if !isDefender && libs.count <= 1 { return true }
    if !isDefender && libs.count >= 3 { return false }
    if isDefender && libs.count >= 2 { return false }
    if isDefender && koPoint != -1 { return false }
    var moves: [Int] = []
    if isDefender {
      // Captures of adjacent attacker chains in atari, then the lone liberty.
      var seenChains = Set<Int>()
      for s in chain(loc) {
        let n = neighbours(s)
        for q in [n.0, n.1, n.2, n.3] where cells[q] == attacker && !seenChains.contains(q) {
          let ch = chain(q)
          seenChains.formUnion(ch)
          let l = liberties(q)
          if l.count == 1 && !moves.contains(l[0]) { moves.append(l[0]) }
        }
      }
      moves.append(libs[0])
    } else {
      let l0 = immediateLiberties(libs[0])
      let l1 = immediateLiberties(libs[1])
      // Double-ko death: both liberties are ko mouths that do not help the defender.
      if l0 == 0 && l1 == 0 && wouldBeKoCapture(libs[0], attacker) && wouldBeKoCapture(libs[1], attacker)
        && libertiesAfterPlay(libs[0], defender) <= 2 && libertiesAfterPlay(libs[1], defender) <= 2
        && !hasLibertyGainingCaptures(loc)
      {
        return true
      }
      moves = libs
      let (x0, y0) = coordinates(libs[0])
      let (x1, y1) = coordinates(libs[1])
      let adjacent = abs(x0 - x1) + abs(y0 - y1) == 1
      if !adjacent {
        if l0 >= 3 && l1 >= 3 { return false }
        if l0 >= 3 { moves = [libs[0]] } else if l1 >= 3 { moves = [libs[1]] }
      }
    }
    let mover = isDefender ? defender : attacker
    for move in moves {
      guard isLegal(move, mover, suicideLegal: false) else { continue }
      var next = self
      next.play(move, mover)
      nodes += 1
      let r = next.ladderNode(loc, depth: depth + 1, defenderFirst: defenderFirst, limit: limit, nodes: &nodes, aborted: &aborted)
      if aborted { return false }
      if isDefender && !r { return false }
      if !isDefender && r { return true }
    }
    return isDefender
  }

  /// Whether the chain at `loc` touches an opponent chain in atari.
  func hasLibertyGainingCaptures(_ loc: Int) -> Bool {
    let opp = 3 - cells[loc]
    for s in chain(loc) {
      let n = neighbours(s)
      for q in [n.0, n.1, n.2, n.3] where cells[q] == opp && libertyCount(q) == 1 { return true }
    }
    return false
  }
}
