extension Board {
  /// True if `player` may place a stone on `point` under simple ko, ignoring superko.
  ///
  /// Single-stone suicide is never legal; multi-stone suicide only when `multiStoneSuicide`.
  /// - Complexity: O(1).
  @inlinable
  @_addressableSelf
  public func isLegal(_ point: Point, for player: Player, multiStoneSuicide: Bool = false) -> Bool {
    guard _stones[point.i] == .empty, point != koPoint else { return false }
    // (No storage reads on the right of && or ||: their autoclosures copy the inline storage.)
    if !isSuicide(point, for: player) { return true }
    if !multiStoneSuicide { return false }
    return hasOwnNeighbor(point, player)
  }

  /// True if a stone of `player` on empty `point` would have no liberties after its captures.
  /// - Complexity: O(1).
  @inlinable
  @_addressableSelf
  public func isSuicide(_ point: Point, for player: Player) -> Bool {
    let own = player.stone
    for q in point.adjacent {
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
  @_addressableSelf
  func hasOwnNeighbor(_ point: Point, _ player: Player) -> Bool {
    let own = player.stone
    for q in point.adjacentIndices where _stones[q] == own { return true }
    return false
  }

  /// True if playing `point` captures at least one opposing chain.
  @inlinable
  @_addressableSelf
  public func wouldCapture(_ point: Point, for player: Player) -> Bool {
    let opp = player.opponent.stone
    for q in point.adjacentIndices where _stones[q] == opp {
      if _libs[Int(_head[q])] == 1 { return true }
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

    // Distinct adjacent chains of each colour.
    var oppHeads = ChainSet()
    var ownHeads = ChainSet()
    for q in point.adjacentIndices {
      let s = _stones[q]
      if s == opp { oppHeads.insert(Int(_head[q])) } else if s == own { ownHeads.insert(Int(_head[q])) }
    }

    // Opposing chains lose the liberty at p; those left with none are captured.
    var captured = 0
    var lastCaptured = 0
    for k in 0..<oppHeads.count {
      let h = oppHeads[k]
      _libs[h] -= 1
      if _libs[h] == 0 {
        captured += Int(_size[h])
        lastCaptured = h
        removeChain(h)
      }
    }
    // Own chains lose the liberty at p too.
    for k in 0..<ownHeads.count { _libs[ownHeads[k]] -= 1 }

    // Liberties of the lone new stone, counted after captures.
    var newLibs: Int16 = 0
    for q in point.adjacentIndices where _stones[q] == .empty { newLibs += 1 }
    _libs[p] = newLibs

    var head = p
    if ownHeads.count == 1 {
      let h = ownHeads[0]
      // Empty neighbours of p that chain h already touches are not new liberties.
      var gained: Int16 = 0
      for q in point.adjacentIndices where _stones[q] == .empty {
        if !touchesChain(q, head: h, except: p) { gained += 1 }
      }
      spliceStone(p, into: h)
      _libs[h] += gained
      head = h
    } else if ownHeads.count > 1 {
      var big = ownHeads[0]
      for k in 1..<ownHeads.count where _size[ownHeads[k]] > _size[big] { big = ownHeads[k] }
      spliceStone(p, into: big)
      for k in 0..<ownHeads.count where ownHeads[k] != big { mergeChain(ownHeads[k], into: big) }
      _libs[big] = Int16(countLiberties(head: big))
      head = big
    }

    if player == .black { capturedByBlack += captured } else { capturedByWhite += captured }

    // Simple ko: one stone captured by a lone stone that now has exactly one liberty.
    let headSize = _size[head]
    let headLibs = _libs[head]
    if captured == 1 && headSize == 1 && headLibs == 1 {
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
  @_addressableSelf
  func touchesChain(_ q: Int, head: Int, except: Int) -> Bool {
    for r in Point(index: q).adjacentIndices where r != except {
      let s = _stones[r]
      if s == .black || s == .white {
        if Int(_head[r]) == head { return true }
      }
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
  @_addressableSelf
  func countLiberties(head h: Int) -> Int {
    // A 704-bit set of the liberties seen so far, on the stack.
    var seen = InlineArray<11, UInt64>(repeating: 0)
    var count = 0
    var q = h
    repeat {
      for r in Point(index: q).adjacentIndices where _stones[r] == .empty {
        let bit: UInt64 = 1 &<< UInt64(r & 63)
        let word = seen[r >> 6]
        if word & bit == 0 {
          seen[r >> 6] = word | bit
          count += 1
        }
      }
      q = Int(_next[q])
    } while q != h
    return count
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
      var around = ChainSet()
      for r in Point(index: q).adjacentIndices {
        let s = _stones[r]
        if s == .black || s == .white { around.insert(Int(_head[r])) }
      }
      for k in 0..<around.count { _libs[around[k]] += 1 }
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
    let s = _stones[point.i]
    guard s == .black || s == .white else { return }
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
        for r in (Point(index: q)).adjacentIndices where _stones[r] == color && _head[r] == 0 {
          spliceStone(r, into: p.i)
          stack.append(r)
        }
      }
      _libs[p.i] = Int16(countLiberties(head: p.i))
    }
    (capturedByBlack, capturedByWhite) = (cb, cw)
  }
}
