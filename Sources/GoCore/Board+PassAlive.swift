extension Board {
  /// Benson's unconditional-life analysis for `player`.
  ///
  /// Regions are the maximal connected sets of points not holding `player`'s stones. A region is
  /// vital to a chain when every empty point in it is a liberty of that chain. Chains with fewer
  /// than two vital regions are dropped, regions touching dropped chains are dropped, and this
  /// repeats until nothing changes: what is left can never be captured, even if `player` passes
  /// every turn.
  /// - Returns: per padded index, true for the stones of pass-alive chains and the points of
  ///   regions they make pass-alive territory (every bordering chain alive, and all but at most
  ///   one point of the region adjacent to those chains).
  /// - Complexity: O(area × iterations).
  public func passAlive(_ player: Player) -> [Bool] {
    let own = player.stone
    var regionOf = [Int16](repeating: -1, count: Point.capacity)
    var regions: [[Int]] = []
    for p in points where self[p] != own && regionOf[p.i] < 0 {
      let id = Int16(regions.count)
      var members = [p.i]
      regionOf[p.i] = id
      var k = 0
      while k < members.count {
        for r in Point(index: members[k]).adjacentIndices
        where _stones[r] != own && _stones[r] != .wall && regionOf[r] < 0 {
          regionOf[r] = id
          members.append(r)
        }
        k += 1
      }
      regions.append(members)
    }
    // Bordering chains of each region, and which of them the region is vital to.
    var borders: [[Int]] = Array(repeating: [], count: regions.count)
    var vitalTo: [[Int]] = Array(repeating: [], count: regions.count)
    for (id, members) in regions.enumerated() {
      var heads: [Int] = []
      for q in members {
        for r in Point(index: q).adjacentIndices where _stones[r] == own {
          let h = Int(_head[r])
          if !heads.contains(h) { heads.append(h) }
        }
      }
      borders[id] = heads
      vitalTo[id] = heads.filter { h in
        members.allSatisfy { q in _stones[q] != .empty || isAdjacent(q, toChain: h) }
      }
    }
    var aliveChain = [Bool](repeating: false, count: Point.capacity)
    for p in points where self[p] == own { aliveChain[Int(_head[p.i])] = true }
    var healthy = [Bool](repeating: true, count: regions.count)
    var changed = true
    while changed {
      changed = false
      var vitalCount = [Int](repeating: 0, count: Point.capacity)
      for id in regions.indices where healthy[id] {
        for h in vitalTo[id] { vitalCount[h] += 1 }
      }
      for p in points where self[p] == own {
        let h = Int(_head[p.i])
        if h == p.i && aliveChain[h] && vitalCount[h] < 2 {
          aliveChain[h] = false
          changed = true
        }
      }
      for id in regions.indices where healthy[id] && borders[id].contains(where: { !aliveChain[$0] }) {
        healthy[id] = false
        changed = true
      }
    }
    var result = [Bool](repeating: false, count: Point.capacity)
    for p in points where self[p] == own && aliveChain[Int(_head[p.i])] { result[p.i] = true }
    for (id, members) in regions.enumerated()
    where healthy[id] && !borders[id].isEmpty && borders[id].allSatisfy({ aliveChain[$0] }) {
      let far = members.filter { q in !borders[id].contains { isAdjacent(q, toChain: $0) } }
      if far.count <= 1 { for q in members { result[q] = true } }
    }
    return result
  }

  /// True if point index `q` has an orthogonal neighbour in the chain with head `h`.
  @usableFromInline
  func isAdjacent(_ q: Int, toChain h: Int) -> Bool {
    for r in Point(index: q).adjacentIndices
    where (_stones[r] == .black || _stones[r] == .white) && Int(_head[r]) == h {
      return true
    }
    return false
  }
}
