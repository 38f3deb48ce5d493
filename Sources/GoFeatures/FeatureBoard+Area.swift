extension FeatureBoard {
  /// KataGo's area map for area scoring without tax: pass-alive stones and territory (Benson),
  /// empty regions bordered only by pass-alive stones, empty regions with no opponent stones,
  /// then every remaining stone for its own colour. Values are 0 (none), 1 (black), 2 (white).
  public func area(suicideLegal: Bool) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: cells.count)
    areaForPlayer(1, suicideLegal: suicideLegal, into: &result)
    areaForPlayer(2, suicideLegal: suicideLegal, into: &result)
    for p in points where result[p] == 0 { result[p] = cells[p] }
    return result
  }

  /// Marks `pla`'s pass-alive chains and territories into `result`.
  func areaForPlayer(_ pla: UInt8, suicideLegal: Bool, into result: inout [UInt8]) {
    let opp = 3 - pla
    // Chain ids for pla stones.
    var chainId = [Int](repeating: -1, count: cells.count)
    var chains: [[Int]] = []
    for p in points where cells[p] == pla && chainId[p] < 0 {
      let ch = chain(p)
      for s in ch { chainId[s] = chains.count }
      chains.append(ch)
    }
    let atLeastOnePla = !chains.isEmpty
    // Regions: maximal connected empty-or-opp sets, each grown from an empty point.
    var regionOf = [Int](repeating: -1, count: cells.count)
    var regionPoints: [[Int]] = []
    var vital: [[Int]] = []
    var internalCount: [Int] = []
    var containsOpp: [Bool] = []
    func adjacentChains(_ p: Int) -> [Int] {
      let n = neighbours(p)
      var out: [Int] = []
      for q in [n.0, n.1, n.2, n.3] where cells[q] == pla && !out.contains(chainId[q]) {
        out.append(chainId[q])
      }
      return out
    }
    for start in points where cells[start] == 0 && regionOf[start] < 0 {
      let r = regionPoints.count
      var candidates = adjacentChains(start)
      var interior = 0
      var hasOpp = false
      var queue = [start]
      regionOf[start] = r
      var head = 0
      while head < queue.count {
        let p = queue[head]
        head += 1
        if suicideLegal || cells[p] == 0 {
          let adj = adjacentChains(p)
          candidates = candidates.filter { adj.contains($0) }
        }
        if adjacentChains(p).isEmpty { interior = min(interior + 1, 2) }
        if cells[p] == opp { hasOpp = true }
        let n = neighbours(p)
        for q in [n.0, n.1, n.2, n.3] where (cells[q] == 0 || cells[q] == opp) && regionOf[q] < 0 {
          regionOf[q] = r
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
          let n = neighbours(s)
          for q in [n.0, n.1, n.2, n.3] where regionOf[q] >= 0 { bordersDead[regionOf[q]] = true }
        }
      }
      if !changed { break }
    }
    for c in chains.indices where !killed[c] { for s in chains[c] { result[s] = pla } }
    for r in regionPoints.indices {
      let headPoint = regionPoints[r][0]
      let passAliveTerritory = internalCount[r] <= 1 && atLeastOnePla && !bordersDead[r]
      let safeBig = atLeastOnePla && !containsOpp[r] && !bordersDead[r]
      if (passAliveTerritory || safeBig) && result[headPoint] != pla {
        for p in regionPoints[r] { result[p] = pla }
      } else if atLeastOnePla && !containsOpp[r] && result[headPoint] != pla {
        for p in regionPoints[r] where result[p] == 0 { result[p] = pla }
      }
    }
  }
}
