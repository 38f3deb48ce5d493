extension Board {
  /// True if `player` may place a stone on `point` under simple ko, ignoring superko.
  ///
  /// Single-stone suicide is never legal; multi-stone suicide only when `multiStoneSuicide`.
  /// - Complexity: O(1).
  @inlinable
  @_addressableSelf
  public func isLegal(_ point: Point, for player: Player, multiStoneSuicide: Bool = false) -> Bool {
    guard _stones[unchecked: point.i] == .empty, point != koPoint else { return false }
    // (No storage reads on the right of && or ||: their autoclosures copy the inline storage.)
    if !isSuicide(point, for: player) { return true }
    if !multiStoneSuicide { return false }
    return hasOwnNeighbor(point, player)
  }

  /// `isLegal(point, for: player, multiStoneSuicide:) && !isEye(point, of: player)` for an
  /// empty `point`: what playouts ask of every candidate move.
  ///
  /// The neighbours' colours are read once into a mask: an empty neighbour settles it (a liberty,
  /// no eye, never the ko point), and an eye needs only the diagonals. Otherwise the atari tests
  /// of all four neighbours run without branches (a wall's chain fields are garbage, ignored),
  /// so random positions cost no mispredictions beyond the verdict.
  /// - Precondition: `point` is empty.
  /// - Complexity: O(1).
  @inlinable
  @_addressableSelf
  public func isLegalNonEye(_ point: Point, for player: Player, multiStoneSuicide: Bool) -> Bool {
    let p = point.i
    let own = player.stone.rawValue
    let opp = player.opponent.stone.rawValue
    // Bit `s` set when some neighbour holds `s` (0 empty, 1 Black, 2 White, 3 wall).
    let mask =
      1 &<< _stones[unchecked: p &- Point.stride].rawValue | 1 &<< _stones[unchecked: p &- 1].rawValue
      | 1 &<< _stones[unchecked: p &+ 1].rawValue | 1 &<< _stones[unchecked: p &+ Point.stride].rawValue
    if mask & 1 != 0 { return true }
    let wallBit: UInt8 = 1 &<< Stone.wall.rawValue
    if mask & ~(1 &<< own | wallBit) == 0 {
      // Eye-shaped: an eye unless the diagonals make it false.
      var bad = 0
      var edge = 0
      for k in 0..<4 {
        let s = _stones[unchecked: Point.diagonal(p, k)].rawValue
        edge |= s == Stone.wall.rawValue ? 1 : 0
        bad &+= s == opp ? 1 : 0
      }
      if bad &+ edge < 2 { return false }
    }
    if point == _ko { return false }
    var keepsLiberty = 0
    for q in point.adjacentIndices {
      let s = _stones[unchecked: q].rawValue
      let h = Int(_head[unchecked: q])
      let n = Int(_libs[unchecked: h])
      let sum = Int(_libSum[unchecked: h])
      let sq = Int(_libSumSq[unchecked: h])
      let atari = (n > 0 ? 1 : 0) & (n &* sq == sum &* sum ? 1 : 0)
      // An own chain not in atari keeps a liberty; an opposing chain in atari is captured.
      keepsLiberty |= ((s == own ? 1 : 0) & (atari ^ 1)) | ((s == opp ? 1 : 0) & atari)
    }
    if keepsLiberty != 0 { return true }
    return multiStoneSuicide && mask & (1 &<< own) != 0
  }

  /// True if a stone of `player` on empty `point` would have no liberties after its captures.
  /// - Complexity: O(1).
  @inlinable
  @_addressableSelf
  public func isSuicide(_ point: Point, for player: Player) -> Bool {
    let own = player.stone
    for q in point.adjacentIndices {
      let s = _stones[unchecked: q]
      if s == .empty { return false }
      if s == .wall { continue }
      // An own chain not in atari keeps a liberty; an opposing chain in atari is captured.
      let atari = isInAtari(Point(index: q))
      if s == own { if !atari { return false } } else if atari { return false }
    }
    return true
  }

  /// True if any orthogonal neighbour of `point` holds a stone of `player`.
  @inlinable
  @_addressableSelf
  func hasOwnNeighbor(_ point: Point, _ player: Player) -> Bool {
    let own = player.stone
    for q in point.adjacentIndices where _stones[unchecked: q] == own { return true }
    return false
  }

  /// True if playing `point` captures at least one opposing chain.
  @inlinable
  @_addressableSelf
  public func wouldCapture(_ point: Point, for player: Player) -> Bool {
    let opp = player.opponent.stone
    for q in point.adjacentIndices where _stones[unchecked: q] == opp {
      if isInAtari(Point(index: q)) { return true }
    }
    return false
  }

  /// The stones' hash after `player` plays `point`, without playing it: the new stone's key
  /// and the keys of the opposing chains in atari next to it (those it captures).
  /// - Precondition: `point` is empty and the move is not suicide (`isSuicide` is false).
  /// - Complexity: O(1) plus the captured stones.
  @inlinable
  @_addressableSelf
  public func hashAfterPlay(_ point: Point, for player: Player) -> UInt64 {
    let opp = player.opponent.stone
    var h = _hash ^ Zobrist.stone(player.stone, at: point)
    var done = InlineArray<4, Int>(repeating: -1)
    var k = 0
    for q in point.adjacentIndices where _stones[unchecked: q] == opp {
      let head = Int(_head[unchecked: q])
      if done[0] == head || done[1] == head || done[2] == head { continue }
      done[k] = head
      k += 1
      let n = Int(_libs[unchecked: head])
      let sum = Int(_libSum[unchecked: head])
      let sq = Int(_libSumSq[unchecked: head])
      guard n > 0 && n &* sq == sum &* sum else { continue }
      var r = head
      repeat {
        h ^= Zobrist.stone(opp, at: Point(index: r))
        r = Int(_next[unchecked: r])
      } while r != head
    }
    return h
  }

  /// Places a stone of `player` on `point`, capturing as needed, and updates ko and hash.
  ///
  /// A multi-stone suicide removes the player's own chain.
  /// - Returns: the number of opposing stones captured.
  /// - Precondition: `isLegal(point, for: player, multiStoneSuicide: true)`.
  /// - Complexity: O(1) amortised; O(size) for captured chains and the smaller merged chains.
  @discardableResult
  public mutating func play(_ point: Point, for player: Player) -> Int {
    let p = point.i
    precondition(_stones[unchecked: p] == .empty, "play on an occupied point")
    let own = player.stone
    let opp = player.opponent.stone
    removeEmpty(p)
    _stones[unchecked: p] = own
    _hash ^= Zobrist.stone(own, at: point)
    _head[unchecked: p] = Int16(p)
    _next[unchecked: p] = Int16(p)
    _size[unchecked: p] = 1
    var libs: Int16 = 0
    var sum: Int32 = 0
    var sq: Int32 = 0
    let p32 = Int32(p)
    let pSq = p32 &* p32
    // Every neighbouring chain loses the pseudo-liberty at p; p gains its empty neighbours.
    // Branch-free: in playouts what surrounds a move is random, so branches would mispredict.
    // A neighbour that holds no stone updates the wall cell 0 instead, whose chain fields are
    // never read.
    for q in point.adjacentIndices {
      let s = _stones[unchecked: q].rawValue
      let empty: Int32 = s == 0 ? 1 : 0
      let q32 = Int32(q)
      libs &+= Int16(truncatingIfNeeded: empty)
      sum &+= empty &* q32
      sq &+= empty &* (q32 &* q32)
      let hq = Int(_head[unchecked: q])
      let h = s &- 1 < 2 ? hq : 0
      _libs[unchecked: h] &-= 1
      _libSum[unchecked: h] &-= p32
      _libSumSq[unchecked: h] &-= pSq
    }
    _libs[unchecked: p] = libs
    _libSum[unchecked: p] = sum
    _libSumSq[unchecked: p] = sq
    // Opposing chains left without liberties are captured (one branch per neighbour, rarely
    // taken: both tests are evaluated).
    var captured = 0
    var lastCaptured = 0
    for q in point.adjacentIndices {
      let h = Int(_head[unchecked: q])
      let isOpp: UInt8 = _stones[unchecked: q] == opp ? 1 : 0
      let noLibs: UInt8 = _libs[unchecked: h] == 0 ? 1 : 0
      if isOpp & noLibs != 0 {
        captured += Int(_size[unchecked: h])
        lastCaptured = h
        removeChain(h)
      }
    }
    // Join the own chains around p, the smaller into the larger.
    var head = p
    for q in point.adjacentIndices {
      let hq = Int(_head[unchecked: q])
      let h = _stones[unchecked: q] == own ? hq : head
      if h == head { continue }
      if _size[unchecked: h] > _size[unchecked: head] {
        mergeChain(head, into: h)
        head = h
      } else {
        mergeChain(h, into: head)
      }
    }
    // (Without a branch: the mover alternates, and the predictor need not learn that.)
    let byBlack = player == .black ? captured : 0
    capturedByBlack &+= byBlack
    capturedByWhite &+= captured &- byBlack

    // Simple ko: one stone captured by a lone stone that now has exactly one liberty.
    let headSize = _size[unchecked: head]
    if captured == 1 && headSize == 1 && isInAtari(point) {
      _ko = Point(index: lastCaptured)
    } else {
      _ko = .none
    }

    if _libs[unchecked: head] == 0 {
      // Multi-stone suicide: the mover's own chain dies.
      let lost = Int(_size[unchecked: head])
      removeChain(head)
      if player == .black { capturedByWhite += lost } else { capturedByBlack += lost }
      _ko = .none
    }
    return captured
  }

  /// Relabels every stone of chain `from` to chain `into`, joins the two lists and adds up the
  /// pseudo-liberties. O(size of `from`).
  @usableFromInline
  mutating func mergeChain(_ from: Int, into h: Int) {
    var q = from
    repeat {
      _head[unchecked: q] = Int16(h)
      q = Int(_next[unchecked: q])
    } while q != from
    let a = _next[unchecked: h]
    _next[unchecked: h] = _next[unchecked: from]
    _next[unchecked: from] = a
    _size[unchecked: h] &+= _size[unchecked: from]
    _libs[unchecked: h] &+= _libs[unchecked: from]
    _libSum[unchecked: h] &+= _libSum[unchecked: from]
    _libSumSq[unchecked: h] &+= _libSumSq[unchecked: from]
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
      for r in Point(index: q).adjacentIndices where _stones[unchecked: r] == .empty {
        let bit: UInt64 = 1 &<< UInt64(r & 63)
        let word = seen[r >> 6]
        if word & bit == 0 {
          seen[r >> 6] = word | bit
          count += 1
        }
      }
      q = Int(_next[unchecked: q])
    } while q != h
    return count
  }

  /// Removes every stone of chain `h`; each removed point becomes a pseudo-liberty of every
  /// neighbouring stone.
  ///
  /// One pass, without branches on the neighbours' colours: a removed stone's neighbour that is
  /// not a stone credits the wall cell 0, and one still in the dying chain credits `h` itself;
  /// neither is ever read (a stone placed on `h` later resets its fields).
  @usableFromInline
  mutating func removeChain(_ h: Int) {
    var q = h
    repeat {
      let next = Int(_next[unchecked: q])
      let s = _stones[unchecked: q]
      _stones[unchecked: q] = .empty
      _hash ^= Zobrist.stone(s, at: Point(index: q))
      addEmpty(q)
      let q32 = Int32(q)
      let qSq = q32 &* q32
      for r in Point(index: q).adjacentIndices {
        let sr = _stones[unchecked: r].rawValue
        let hr = Int(_head[unchecked: r])
        let target = sr &- 1 < 2 ? hr : 0
        _libs[unchecked: target] &+= 1
        _libSum[unchecked: target] &+= q32
        _libSumSq[unchecked: target] &+= qSq
      }
      q = next
    } while q != h
  }

  @usableFromInline
  mutating func removeEmpty(_ p: Int) {
    let k = Int(_emptyIndex[unchecked: p])
    _emptyCount -= 1
    let last = _empties[unchecked: _emptyCount]
    _empties[unchecked: k] = last
    _emptyIndex[unchecked: Int(last)] = Int16(k)
    _emptyIndex[unchecked: p] = -1
  }

  @usableFromInline
  mutating func addEmpty(_ p: Int) {
    _emptyIndex[unchecked: p] = Int16(_emptyCount)
    _empties[unchecked: _emptyCount] = Int16(p)
    _emptyCount += 1
  }

  /// Removes a stone chain-wise as a setup edit (not a capture: no prisoners are counted).
  public mutating func removeStones(at point: Point) {
    let s = _stones[unchecked: point.i]
    guard s == .black || s == .white else { return }
    removeChain(Int(_head[unchecked: point.i]))
    _ko = .none
  }

  /// Applies one node of setup edits (SGF `AE`, `AB`, `AW`) at once: each listed point is
  /// cleared or gets a stone of that colour, whatever stood there, and no other point changes
  /// (a stone is never removed with its chain). Points off the board are ignored; no
  /// prisoners are counted; ko is cleared.
  ///
  /// The board cannot hold a chain without liberties, so one left by the edits is dropped:
  /// first chains without an edited point (smothered by the new stones), then, if still
  /// without liberties, the chains that contain edited points.
  public mutating func applySetup(black: [Point] = [], white: [Point] = [], empty: [Point] = []) {
    var layout = [Stone](repeating: .empty, count: Point.capacity)
    for p in points { layout[p.i] = self[p] }
    var edited = Set<Int>()
    for (list, stone) in [(empty, Stone.empty), (black, .black), (white, .white)] {
      for p in list where contains(p) {
        layout[p.i] = stone
        edited.insert(p.i)
      }
    }
    var stones: [(Point, Stone)] = []
    for p in points where layout[p.i] != .empty { stones.append((p, layout[p.i])) }
    rebuild(from: stones)
    for touchingEdits in [false, true] {
      for q in points {
        guard self[q] != .empty else { continue }
        guard liberties(q) == 0 else { continue }
        let chain = chainStones(q)
        if chain.contains(where: { edited.contains($0.i) }) == touchingEdits {
          removeChain(Int(_head[unchecked: q.i]))
        }
      }
    }
    _ko = .none
  }

  /// Puts a stone on the board as a setup edit (no captures; ko cleared).
  ///
  /// A stone that would capture rebuilds the chains instead and drops the chains it leaves
  /// without liberties (then itself, if it has none).
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
        removeChain(Int(_head[unchecked: q.i]))
      }
      if liberties(point) == 0 { removeChain(Int(_head[unchecked: point.i])) }
    } else {
      play(point, for: player)
    }
    (capturedByBlack, capturedByWhite) = before
    _ko = .none
  }

  /// Links lone stone `p` into chain `h` (setup rebuilds only; liberties are recounted after).
  mutating func spliceStone(_ p: Int, into h: Int) {
    _head[unchecked: p] = Int16(h)
    _next[unchecked: p] = _next[unchecked: h]
    _next[unchecked: h] = Int16(p)
    _size[unchecked: h] &+= 1
  }

  /// Recomputes the pseudo-liberty count and sums of chain `h` from its stones.
  mutating func recountPseudoLiberties(head h: Int) {
    var libs: Int16 = 0
    var sum: Int32 = 0
    var sq: Int32 = 0
    var q = h
    repeat {
      for r in Point(index: q).adjacentIndices where _stones[unchecked: r] == .empty {
        libs += 1
        sum += Int32(r)
        sq += Int32(r) &* Int32(r)
      }
      q = Int(_next[unchecked: q])
    } while q != h
    _libs[unchecked: h] = libs
    _libSum[unchecked: h] = sum
    _libSumSq[unchecked: h] = sq
  }

  /// Rebuilds every chain and the empty list from a list of stones (setup positions).
  mutating func rebuild(from stones: [(Point, Stone)]) {
    let (cb, cw) = (capturedByBlack, capturedByWhite)
    self = Board(width: width, height: height)
    for (p, s) in stones { _stones[unchecked: p.i] = s; _hash ^= Zobrist.stone(s, at: p); removeEmpty(p.i) }
    for (p, _) in stones { _head[unchecked: p.i] = 0 }
    for (p, _) in stones where _head[unchecked: p.i] == 0 {
      // Flood-fill the chain containing p.
      var stack = [p.i]
      let color = _stones[unchecked: p.i]
      _head[unchecked: p.i] = Int16(p.i)
      _next[unchecked: p.i] = Int16(p.i)
      _size[unchecked: p.i] = 1
      while let q = stack.popLast() {
        for r in (Point(index: q)).adjacentIndices where _stones[unchecked: r] == color && _head[unchecked: r] == 0 {
          spliceStone(r, into: p.i)
          stack.append(r)
        }
      }
      recountPseudoLiberties(head: p.i)
    }
    (capturedByBlack, capturedByWhite) = (cb, cw)
  }
}
