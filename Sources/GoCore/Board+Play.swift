extension Board {
  /// True if `player` may place a stone on `point` under simple ko, ignoring superko.
  ///
  /// Single-stone suicide is never legal; multi-stone suicide only when `multiStoneSuicide`.
  /// - Complexity: O(1).
  @inlinable
  public func isLegal(_ point: Point, for player: Player, multiStoneSuicide: Bool = false) -> Bool {
    guard _stones[point.i] == .empty, point != koPoint else { return false }
    return !isSuicide(point, for: player) || (multiStoneSuicide && hasOwnNeighbor(point, player))
  }

  /// True if a stone of `player` on empty `point` would have no liberties after its captures.
  /// - Complexity: O(1).
  @inlinable
  public func isSuicide(_ point: Point, for player: Player) -> Bool {
    let own = player.stone
    let n = point.neighbors
    for q in [n.0, n.1, n.2, n.3] {
      let s = _stones[q.i]
      if s == .empty { return false }
      if s == .wall { continue }
      let libs = _libs[Int(_head[q.i])]
      if s == own { if libs > 1 { return false } } else if libs == 1 { return false }
    }
    return true
  }

  /// True if any orthogonal neighbour of `point` holds a stone of `player`.
  @inlinable
  func hasOwnNeighbor(_ point: Point, _ player: Player) -> Bool {
    let own = player.stone
    let n = point.neighbors
    return _stones[n.0.i] == own || _stones[n.1.i] == own || _stones[n.2.i] == own
      || _stones[n.3.i] == own
  }

  /// True if playing `point` captures at least one opposing chain.
  @inlinable
  public func wouldCapture(_ point: Point, for player: Player) -> Bool {
    let opp = player.opponent.stone
    let n = point.neighbors
    for q in [n.0, n.1, n.2, n.3] where _stones[q.i] == opp && _libs[Int(_head[q.i])] == 1 {
      return true
    }
    return false
  }

  /// Places a stone of `player` on `point`, capturing as needed, and updates ko and hash.
  ///
  /// A multi-stone suicide removes the player's own chain.
  /// - Returns: the number of opposing stones captured.
  /// - Precondition: `isLegal(point, for: player, multiStoneSuicide: true)`.
  /// - Complexity: O(1) amortised; O(size) for captured or merged chains.
  @discardableResult
  public mutating func play(_ point: Point, for player: Player) -> Int {
    let p = point.i
    precondition(_stones[p] == .empty, "play on an occupied point")
    let own = player.stone
    let opp = player.opponent.stone
    removeEmpty(p)
    _stones[p] = own
    _hash ^= Zobrist.stone(own, at: point)
    _head[p] = Int16(p)
    _next[p] = Int16(p)
    _size[p] = 1
    _libs[p] = 0

    let nb = point.neighbors
    let ns = [nb.0.i, nb.1.i, nb.2.i, nb.3.i]
    // Distinct adjacent chains of each colour.
    var oppHeads: (Int, Int, Int, Int) = (0, 0, 0, 0)
    var ownHeads: (Int, Int, Int, Int) = (0, 0, 0, 0)
    var oppCount = 0
    var ownCount = 0
    for q in ns {
      let s = _stones[q]
      if s == opp {
        let h = Int(_head[q])
        if oppHeads.0 != h && oppHeads.1 != h && oppHeads.2 != h {
          switch oppCount {
          case 0: oppHeads.0 = h
          case 1: oppHeads.1 = h
          case 2: oppHeads.2 = h
          default: oppHeads.3 = h
          }
          oppCount += 1
        }
      } else if s == own {
        let h = Int(_head[q])
        if ownHeads.0 != h && ownHeads.1 != h && ownHeads.2 != h {
          switch ownCount {
          case 0: ownHeads.0 = h
          case 1: ownHeads.1 = h
          case 2: ownHeads.2 = h
          default: ownHeads.3 = h
          }
          ownCount += 1
        }
      }
    }

    // Opposing chains lose the liberty at p; those left with none are captured.
    var captured = 0
    var lastCaptured = 0
    let oppList = [oppHeads.0, oppHeads.1, oppHeads.2, oppHeads.3]
    for k in 0..<oppCount {
      let h = oppList[k]
      _libs[h] -= 1
      if _libs[h] == 0 {
        captured += Int(_size[h])
        lastCaptured = h
        removeChain(h)
      }
    }
    // Own chains lose the liberty at p too.
    let ownList = [ownHeads.0, ownHeads.1, ownHeads.2, ownHeads.3]
    for k in 0..<ownCount { _libs[ownList[k]] -= 1 }

    // Liberties of the lone new stone, counted after captures.
    var newLibs: Int16 = 0
    for q in ns where _stones[q] == .empty { newLibs += 1 }
    _libs[p] = newLibs

    var head = p
    if ownCount == 1 {
      let h = ownList[0]
      // Empty neighbours of p that chain h already touches are not new liberties.
      var gained: Int16 = 0
      for q in ns where _stones[q] == .empty && !touchesChain(q, head: h, except: p) { gained += 1 }
      spliceStone(p, into: h)
      _libs[h] += gained
      head = h
    } else if ownCount > 1 {
      var big = ownList[0]
      for k in 1..<ownCount where _size[ownList[k]] > _size[big] { big = ownList[k] }
      spliceStone(p, into: big)
      for k in 0..<ownCount where ownList[k] != big { mergeChain(ownList[k], into: big) }
      _libs[big] = Int16(countLiberties(head: big))
      head = big
    }

    if player == .black { capturedByBlack += captured } else { capturedByWhite += captured }

    // Simple ko: one stone captured by a lone stone that now has exactly one liberty.
    if captured == 1 && _size[head] == 1 && _libs[head] == 1 {
      _ko = Point(index: lastCaptured)
    } else {
      _ko = .none
    }

    if _libs[head] == 0 {
      // Multi-stone suicide: the mover's own chain dies.
      let lost = Int(_size[head])
      removeChain(head)
      if player == .black { capturedByWhite += lost } else { capturedByBlack += lost }
      _ko = .none
    }
    return captured
  }

  /// True if empty point `q` is adjacent to chain `head` through a stone other than `except`.
  @inlinable
  func touchesChain(_ q: Int, head: Int, except: Int) -> Bool {
    let n = Point(index: q).neighbors
    for r in [n.0.i, n.1.i, n.2.i, n.3.i]
    where r != except && _stones[r] != .empty && _stones[r] != .wall && Int(_head[r]) == head {
      return true
    }
    return false
  }

  /// Links lone stone `p` into chain `h`.
  @usableFromInline
  mutating func spliceStone(_ p: Int, into h: Int) {
    _head[p] = Int16(h)
    _next[p] = _next[h]
    _next[h] = Int16(p)
    _size[h] += 1
  }

  /// Relabels every stone of chain `from` to chain `into` and joins the two lists.
  @usableFromInline
  mutating func mergeChain(_ from: Int, into h: Int) {
    var q = from
    repeat {
      _head[q] = Int16(h)
      q = Int(_next[q])
    } while q != from
    let a = _next[h]
    _next[h] = _next[from]
    _next[from] = a
    _size[h] += _size[from]
  }

  /// Exact liberty count of the chain with head `h`, by walking it. O(size).
  @usableFromInline
  func countLiberties(head h: Int) -> Int {
    // Each liberty is counted once: an empty point is credited to the first chain stone, in list
    // order, that touches it.
    var count = 0
    var q = h
    repeat {
      let n = Point(index: q).neighbors
      for r in [n.0.i, n.1.i, n.2.i, n.3.i] where _stones[r] == .empty {
        if firstToucher(r, head: h) == q { count += 1 }
      }
      q = Int(_next[q])
    } while q != h
    return count
  }

  /// Of the stones of chain `h` next to empty `r`, the one met first walking the chain from `h`.
  @usableFromInline
  func firstToucher(_ r: Int, head h: Int) -> Int {
    var q = h
    repeat {
      let d = abs(q - r)
      if d == 1 || d == Point.stride { return q }
      q = Int(_next[q])
    } while q != h
    return -1
  }

  /// Removes every stone of chain `h`, crediting liberties to the chains around it.
  @usableFromInline
  mutating func removeChain(_ h: Int) {
    var q = h
    repeat {
      let next = Int(_next[q])
      let s = _stones[q]
      _stones[q] = .empty
      _hash ^= Zobrist.stone(s, at: Point(index: q))
      addEmpty(q)
      q = next
    } while q != h
    // Second pass: each removed point is a new liberty of each distinct neighbouring chain.
    q = h
    repeat {
      let n = Point(index: q).neighbors
      var seen: (Int16, Int16, Int16) = (-1, -1, -1)
      for (k, r) in [n.0.i, n.1.i, n.2.i, n.3.i].enumerated() {
        let s = _stones[r]
        guard s == .black || s == .white else { continue }
        let hr = _head[r]
        if hr == seen.0 || hr == seen.1 || hr == seen.2 { continue }
        switch k {
        case 0: seen.0 = hr
        case 1: seen.1 = hr
        default: seen.2 = hr
        }
        _libs[Int(hr)] += 1
      }
      q = Int(_next[q])
    } while q != h
  }

  @usableFromInline
  mutating func removeEmpty(_ p: Int) {
    let k = Int(_emptyIndex[p])
    _emptyCount -= 1
    let last = _empties[_emptyCount]
    _empties[k] = last
    _emptyIndex[Int(last)] = Int16(k)
    _emptyIndex[p] = -1
  }

  @usableFromInline
  mutating func addEmpty(_ p: Int) {
    _emptyIndex[p] = Int16(_emptyCount)
    _empties[_emptyCount] = Int16(p)
    _emptyCount += 1
  }

  /// Removes a stone chain-wise as a setup edit (not a capture: no prisoners are counted).
  public mutating func removeStones(at point: Point) {
    guard _stones[point.i] == .black || _stones[point.i] == .white else { return }
    removeChain(Int(_head[point.i]))
    _ko = .none
  }

  /// Puts a stone on the board as a setup edit (no captures; ko cleared).
  ///
  /// Setup stones may leave chains without liberties only transiently: call
  /// `removeDeadSetupChains()` after a batch of edits.
  /// - Precondition: `point` is empty.
  public mutating func place(_ stone: Stone, at point: Point) {
    precondition(stone == .black || stone == .white)
    let player = stone.player!
    let before = (capturedByBlack, capturedByWhite)
    // Playing adds the stone with normal chain bookkeeping; setup must not capture, so if the
    // stone would capture, build chains from scratch instead.
    if wouldCapture(point, for: player) || isSuicide(point, for: player) {
      var stones: [(Point, Stone)] = []
      for q in points where self[q] != .empty { stones.append((q, self[q])) }
      stones.append((point, stone))
      rebuild(from: stones)
      // Setup must never leave a chain without liberties: drop the chains it smothered.
      for q in points where self[q] != .empty && self[q] != stone && liberties(q) == 0 {
        removeChain(Int(_head[q.i]))
      }
      if liberties(point) == 0 { removeChain(Int(_head[point.i])) }
    } else {
      play(point, for: player)
    }
    (capturedByBlack, capturedByWhite) = before
    _ko = .none
  }

  /// Rebuilds every chain and the empty list from a list of stones (setup positions).
  mutating func rebuild(from stones: [(Point, Stone)]) {
    let (cb, cw) = (capturedByBlack, capturedByWhite)
    self = Board(width: width, height: height)
    for (p, s) in stones { _stones[p.i] = s; _hash ^= Zobrist.stone(s, at: p); removeEmpty(p.i) }
    for (p, _) in stones { _head[p.i] = 0 }
    for (p, _) in stones where _head[p.i] == 0 {
      // Flood-fill the chain containing p.
      var stack = [p.i]
      let color = _stones[p.i]
      _head[p.i] = Int16(p.i)
      _next[p.i] = Int16(p.i)
      _size[p.i] = 1
      while let q = stack.popLast() {
        let n = Point(index: q).neighbors
        for r in [n.0.i, n.1.i, n.2.i, n.3.i] where _stones[r] == color && _head[r] == 0 {
          spliceStone(r, into: p.i)
          stack.append(r)
        }
      }
      _libs[p.i] = Int16(countLiberties(head: p.i))
    }
    (capturedByBlack, capturedByWhite) = (cb, cw)
  }
}
