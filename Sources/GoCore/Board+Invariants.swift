extension Board {
  /// Stops the program if the incremental chains, liberties, empty list or hash disagree with a
  /// rebuild from the stones (see `invariantViolation()`). For debugging and stress tests.
  public func checkInvariants() {
    if let problem = invariantViolation() { preconditionFailure("Board invariant: \(problem)") }
  }

  /// Rebuilds chains, liberties, the empty list and the hash from the stones alone and compares
  /// them with the incremental state. Returns a description of the first mismatch, or nil.
  ///
  /// Slow (O(area²) worst case); meant for tests and debugging.
  public func invariantViolation() -> String? {
    var expectedHash = Zobrist.size(width: width, height: height)
    var empties = 0
    for y in -1...height {
      for x in -1...width {
        let p = Point(x: x, y: y)
        let onBoard = contains(x: x, y: y)
        if !onBoard && _stones[p.i] != .wall { return "cell \(p) should be wall" }
        if onBoard && _stones[p.i] == .wall { return "cell \(p) is wall on the board" }
      }
    }
    var checked = [Bool](repeating: false, count: Point.capacity)
    for p in points {
      let s = self[p]
      if s != .empty {
        expectedHash ^= Zobrist.stone(s, at: p)
        if checked[p.i] { continue }
      }
      if s == .empty {
        empties += 1
        let k = Int(_emptyIndex[p.i])
        if k < 0 || k >= _emptyCount || Int(_empties[k]) != p.i { return "empty list misses \(p)" }
        continue
      }
      // Flood fill the true chain.
      var chain: Set<Int16> = [p.index]
      var stack = [p]
      var libs: Set<Int16> = []
      while let q = stack.popLast() {
        for r in q.adjacent {
          if self[r] == s && !chain.contains(r.index) {
            chain.insert(r.index)
            stack.append(r)
          } else if self[r] == .empty {
            libs.insert(r.index)
          }
        }
      }
      for q in chain { checked[Int(q)] = true }
      let h = _head[p.i]
      for q in chain where _head[Int(q)] != h { return "chain of \(p) has two heads" }
      if Int(_size[Int(h)]) != chain.count { return "chain of \(p): size \(_size[Int(h)]) != \(chain.count)" }
      // Pseudo-liberties: one per (stone, empty neighbour) pair, with index sums.
      var pseudo = 0
      var sum = 0
      var sq = 0
      for q in chain {
        for r in Point(index: q).adjacentIndices where _stones[r] == .empty {
          pseudo += 1
          sum += r
          sq += r * r
        }
      }
      let hi = Int(h)
      if Int(_libs[hi]) != pseudo || Int(_libSum[hi]) != sum || Int(_libSumSq[hi]) != sq {
        return "chain of \(p): pseudo-liberties \(_libs[hi]) != \(pseudo) or sums differ"
      }
      if liberties(p) != libs.count {
        return "chain of \(p): liberties \(liberties(p)) != \(libs.count)"
      }
      if isInAtari(p) != (libs.count == 1) { return "chain of \(p): atari test is wrong" }
      if libs.count == 1 && atariLiberty(p).index != libs.first! {
        return "chain of \(p): wrong atari liberty"
      }
      if libs.isEmpty { return "chain of \(p) has no liberties" }
      // The circular list visits exactly the chain.
      var visited = 0
      var q = Int(h)
      repeat {
        guard chain.contains(Int16(q)) else { return "list of \(p) leaves the chain" }
        visited += 1
        q = Int(_next[q])
      } while q != Int(h) && visited <= chain.count
      if visited != chain.count { return "list of \(p) has \(visited) stones, chain \(chain.count)" }
    }
    if empties != _emptyCount { return "empty count \(_emptyCount) != \(empties)" }
    if expectedHash != hash { return "hash mismatch" }
    if !koPoint.isNone && self[koPoint] != .empty { return "ko point \(koPoint) is occupied" }
    return nil
  }
}
