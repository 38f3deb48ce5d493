extension Board {
  /// Black stones minus White stones on the board. O(area), branch-free over the rows' cells.
  @inlinable
  @_addressableSelf
  public func stoneBalance() -> Int {
    var balance = 0
    // Rows are contiguous in the padded grid; the wall cells between them count for nobody.
    let first = Point(x: 0, y: 0).i
    let end = Point(x: width - 1, y: height - 1).i + 1
    for i in first..<end {
      let s = _stones[unchecked: i].rawValue
      balance &+= (s == Stone.black.rawValue ? 1 : 0) &- (s == Stone.white.rawValue ? 1 : 0)
    }
    return balance
  }

  /// The owner of every point under Tromp-Taylor area counting, after removing `dead` stones.
  ///
  /// Stones own their points; an empty region owns to a colour when only that colour's stones
  /// border it. Dead stones are treated as empty points of the region they sit in.
  /// - Returns: per padded index, `.black`, `.white` or `.empty` (neutral); walls stay `.wall`.
  public func areaOwnership(dead: Set<Point> = []) -> [Stone] {
    var owner = [Stone](repeating: .wall, count: Point.capacity)
    var cells = [Stone](repeating: .wall, count: Point.capacity)
    for p in points {
      let s = self[p]
      cells[p.i] = dead.contains(p) ? .empty : s
    }
    var seen = [Bool](repeating: false, count: Point.capacity)
    for p in points {
      let s = cells[p.i]
      if s != .empty { owner[p.i] = s; continue }
      if seen[p.i] { continue }
      var members = [p.i]
      seen[p.i] = true
      var touchesBlack = false
      var touchesWhite = false
      var k = 0
      while k < members.count {
        for r in (Point(index: members[k])).adjacentIndices {
          switch cells[r] {
          case .empty where !seen[r]:
            seen[r] = true
            members.append(r)
          case .black: touchesBlack = true
          case .white: touchesWhite = true
          default: break
          }
        }
        k += 1
      }
      let o: Stone = touchesBlack == touchesWhite ? .empty : (touchesBlack ? .black : .white)
      for q in members { owner[q] = o }
    }
    return owner
  }

  /// Empty points that count for nobody under a seki tax: eyes of chains that are in seki.
  ///
  /// A chain is taken to be in seki when it touches a shared liberty that neither player can
  /// fill without putting the filling chain in atari. The eyes (single-colour regions) that
  /// such chains border then do not count. This is a static approximation of independent life;
  /// it assumes neutral points have been filled, as they are at the end of a game.
  public func sekiEyes(dead: Set<Point> = []) -> Set<Point> {
    var board = self
    for p in dead where board[p] != .empty { board.removeStones(at: p) }
    let owner = board.areaOwnership()
    var sekiChains: Set<Int16> = []
    for p in board.points where board[p] == .empty && owner[p.i] == .empty {
      let blackAdj = board.adjacentChains(p, of: .black)
      let whiteAdj = board.adjacentChains(p, of: .white)
      guard !blackAdj.isEmpty, !whiteAdj.isEmpty else { continue }
      if board.fillIsSelfAtari(p, .black) && board.fillIsSelfAtari(p, .white) {
        for h in blackAdj + whiteAdj { sekiChains.insert(h.index) }
      }
    }
    var eyes: Set<Point> = []
    guard !sekiChains.isEmpty else { return eyes }
    for p in board.points where board[p] == .empty && owner[p.i] != .empty {
      let s = owner[p.i]
      if board.adjacentChains(p, of: s).contains(where: { sekiChains.contains($0.index) }) {
        // The whole region is an eye of a seki chain.
        eyes.formUnion(board.region(of: p))
      }
    }
    return eyes
  }

  /// True if `player` playing on empty `p` would leave the new chain with at most one liberty.
  func fillIsSelfAtari(_ p: Point, _ player: Player) -> Bool {
    guard isLegal(p, for: player) else { return true }
    var b = self
    b.play(p, for: player)
    return b[p] == .empty || b.liberties(p) <= 1
  }

  /// The connected empty region containing empty point `p`.
  public func region(of p: Point) -> Set<Point> {
    var result: Set<Point> = [p]
    var stack = [p]
    while let q = stack.popLast() {
      for r in q.adjacent where self[r] == .empty && !result.contains(r) {
        result.insert(r)
        stack.append(r)
      }
    }
    return result
  }

  /// Number of groups of `player` for a group tax: chains joined through the regions they own.
  public func livingGroupCount(_ player: Player, owner: [Stone]) -> Int {
    let s = player.stone
    var seen = [Bool](repeating: false, count: Point.capacity)
    var groups = 0
    for p in points where self[p] == s && !seen[p.i] {
      groups += 1
      var stack = [p.i]
      seen[p.i] = true
      while let q = stack.popLast() {
        for r in (Point(index: q)).adjacentIndices where !seen[r] {
          let joins = _stones[r] == s || (_stones[r] != .wall && _stones[r] != s && owner[r] == s)
          if joins {
            seen[r] = true
            stack.append(r)
          }
        }
      }
    }
    return groups
  }
}
