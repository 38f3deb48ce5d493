import GoCore

/// KataGo's area map for the area feature planes, on GoCore's `Board`.
///
/// This is not GoCore's `passAlive(_:)`: KataGo's variant lets opponent stones count in vital
/// regions when multi-stone suicide is legal, and also credits large empty regions free of
/// opponent stones, so the planes keep their own implementation.
extension Board {
  /// KataGo's area map: pass-alive stones and territory (Benson), then, as asked, empty regions
  /// bordered only by pass-alive stones (`safeBigTerritories`), empty-or-opponent regions with no
  /// opponent stones where still unclaimed (`unsafeBigTerritories`), and every remaining stone
  /// for its own colour (`nonPassAliveStones`). The defaults are area scoring without tax.
  /// Indexed by `Point.i`; values are `.empty` (nobody's), `.black` or `.white`.
  public func kataGoArea(
    suicideLegal: Bool, nonPassAliveStones: Bool = true, safeBigTerritories: Bool = true,
    unsafeBigTerritories: Bool = true
  ) -> [Stone] {
    var result = [Stone](repeating: .empty, count: Point.capacity)
    for player in [Player.black, .white] {
      markPassAliveArea(
        of: player, suicideLegal: suicideLegal, safeBig: safeBigTerritories, unsafeBig: unsafeBigTerritories,
        into: &result)
    }
    if nonPassAliveStones {
      for p in points where result[p.i] == .empty { result[p.i] = self[p] }
    }
    return result
  }

  /// Marks `player`'s pass-alive chains and territories into `result`.
  private func markPassAliveArea(
    of player: Player, suicideLegal: Bool, safeBig safeBigTerritories: Bool, unsafeBig: Bool,
    into result: inout [Stone]
  ) {
    let pla = player.stone
    let opp = player.opponent.stone
    // Chain ids for pla stones.
    var chainId = [Int](repeating: -1, count: Point.capacity)
    var chains: [[Point]] = []
    for p in points where self[p] == pla && chainId[p.i] < 0 {
      let ch = chainStones(p)
      for s in ch { chainId[s.i] = chains.count }
      chains.append(ch)
    }
    let atLeastOnePla = !chains.isEmpty
    // Regions: maximal connected empty-or-opp sets, each grown from an empty point.
    var regionOf = [Int](repeating: -1, count: Point.capacity)
    var regionPoints: [[Point]] = []
    var vital: [[Int]] = []
    var internalCount: [Int] = []
    var containsOpp: [Bool] = []
    func adjacentChains(_ p: Point) -> [Int] {
      var out: [Int] = []
      for q in p.adjacent where self[q] == pla && !out.contains(chainId[q.i]) { out.append(chainId[q.i]) }
      return out
    }
    for start in points where self[start] == .empty && regionOf[start.i] < 0 {
      let r = regionPoints.count
      var candidates = adjacentChains(start)
      var interior = 0
      var hasOpp = false
      var queue = [start]
      regionOf[start.i] = r
      var head = 0
      while head < queue.count {
        let p = queue[head]
        head += 1
        let adj = adjacentChains(p)
        if suicideLegal || self[p] == .empty { candidates = candidates.filter { adj.contains($0) } }
        if adj.isEmpty { interior = min(interior + 1, 2) }
        if self[p] == opp { hasOpp = true }
        for q in p.adjacent where (self[q] == .empty || self[q] == opp) && regionOf[q.i] < 0 {
          regionOf[q.i] = r
          queue.append(q)
        }
      }
      regionPoints.append(queue)
      vital.append(candidates)
      internalCount.append(interior)
      containsOpp.append(hasOpp)
    }
    // Benson: repeatedly kill chains with fewer than two vital regions.
    var killed = [Bool](repeating: false, count: chains.count)
    var bordersDead = [Bool](repeating: false, count: regionPoints.count)
    while true {
      var vitalCount = [Int](repeating: 0, count: chains.count)
      for r in regionPoints.indices where !bordersDead[r] { for c in vital[r] { vitalCount[c] += 1 } }
      var changed = false
      for c in chains.indices where !killed[c] && vitalCount[c] < 2 {
        killed[c] = true
        changed = true
        for s in chains[c] {
          for q in s.adjacent where regionOf[q.i] >= 0 { bordersDead[regionOf[q.i]] = true }
        }
      }
      if !changed { break }
    }
    for c in chains.indices where !killed[c] { for s in chains[c] { result[s.i] = pla } }
    for r in regionPoints.indices {
      let headPoint = regionPoints[r][0]
      let passAliveTerritory = internalCount[r] <= 1 && atLeastOnePla && !bordersDead[r]
      let safeBig = safeBigTerritories && atLeastOnePla && !containsOpp[r] && !bordersDead[r]
      if (passAliveTerritory || safeBig) && result[headPoint.i] != pla {
        for p in regionPoints[r] { result[p.i] = pla }
      } else if unsafeBig && atLeastOnePla && !containsOpp[r] && result[headPoint.i] != pla {
        for p in regionPoints[r] where result[p.i] == .empty { result[p.i] = pla }
      }
    }
  }
}
