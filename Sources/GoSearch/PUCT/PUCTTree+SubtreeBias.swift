import GoCore

/// KataGo's subtree value bias: nodes reached by the same move, after the same previous move,
/// with the same 5×5 neighbourhood (stones, which of them are in atari, the ko ban) share an
/// entry recording how far their subtrees' values moved from the network's own evaluation; new
/// evaluations under that key are corrected by `biasFactor` × the entry's mean gap.
extension PUCTTree {
  /// The correction an evaluation at a node with `key` gets (White's view).
  @inline(__always)
  func biasCorrection(_ key: UInt64) -> Double {
    guard key != 0, valueRule.biasFactor > 0, let e = biasTable[key], e.weightSum > 0.001 else { return 0 }
    return valueRule.biasFactor * e.deltaSum / e.weightSum
  }

  /// The entry key of the child reached by `move` from `state` (0 when `state` has no
  /// previous move, as KataGo keys on the move before too).
  ///
  /// - Complexity: O(25).
  static func biasKey(_ state: GameState, move: Move) -> UInt64 {
    guard let previous = state.moves.last else { return 0 }
    let board = state.board
    var h = Zobrist.mix(0x5B1A_5EED ^ (state.toMove == .black ? 1 : 2))
    func add(_ v: UInt64) { h = Zobrist.mix(h ^ v) }
    add(code(previous.move) &* 0x100)
    add(code(move) &* 0x10000 &+ 7)
    if board.koPoint != .none { add(UInt64(board.koPoint.i) &* 0x1_0000_0000 &+ 13) }
    guard case .play(let p) = move else { return h == 0 ? 1 : h }
    for dy in -2...2 {
      for dx in -2...2 {
        let x = p.x + dx
        let y = p.y + dy
        guard x >= 0, y >= 0, x < board.width, y < board.height else { continue }
        let q = Point(x: x, y: y)
        let stone = board[q]
        var v = UInt64((dy + 2) * 5 + (dx + 2)) &* 16
        switch stone {
        case .black: v |= 1
        case .white: v |= 2
        default: break
        }
        if stone != .empty && board.liberties(q) == 1 { v |= 4 }
        add(v &+ 0x77)
      }
    }
    return h == 0 ? 1 : h
  }

  /// A move as a number for hashing (pass: 0).
  private static func code(_ m: Move) -> UInt64 {
    if case .play(let p) = m { return UInt64(p.i) + 1 }
    return 0
  }

  /// The bias table for a subtree kept by tree reuse: only entries a kept node uses survive,
  /// and from those `biasFreeProp` of each discarded node's share is taken out.
  ///
  /// - Parameter kept: per node of this tree, whether it is in the kept subtree.
  func biasTable(keeping kept: [Bool]) -> [UInt64: SubtreeBiasEntry] {
    guard !biasTable.isEmpty else { return [:] }
    var used = Set<UInt64>()
    for (k, n) in nodes.enumerated() where kept[k] && n.biasKey != 0 { used.insert(n.biasKey) }
    var table = biasTable.filter { used.contains($0.key) }
    let f = valueRule.biasFreeProp
    for (k, n) in nodes.enumerated() where !kept[k] && n.biasKey != 0 && n.biasWeight != 0 {
      guard var e = table[n.biasKey] else { continue }
      e.deltaSum -= f * n.biasDelta
      e.weightSum -= f * n.biasWeight
      table[n.biasKey] = e
    }
    return table
  }
}
