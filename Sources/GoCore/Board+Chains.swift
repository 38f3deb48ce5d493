extension Board {
  /// The stones of the chain at `point`. O(size).
  /// - Precondition: `point` holds a stone.
  @_addressableSelf
  public func chainStones(_ point: Point) -> [Point] {
    var result: [Point] = []
    let h = Int(_head[unchecked: point.i])
    var q = h
    repeat {
      result.append(Point(index: q))
      q = Int(_next[unchecked: q])
    } while q != h
    return result
  }

  /// The liberties of the chain at `point`, in ascending index order. O(size).
  /// - Precondition: `point` holds a stone.
  @_addressableSelf
  public func libertyPoints(_ point: Point) -> [Point] {
    var result: [Point] = []
    let h = Int(_head[unchecked: point.i])
    var q = h
    repeat {
      for r in (Point(index: q)).adjacent where _stones[unchecked: r.i] == .empty && !result.contains(r) {
        result.append(r)
      }
      q = Int(_next[unchecked: q])
    } while q != h
    return result.sorted()
  }

  /// Some liberty of the chain at `point`, or `Point.none` if it has none. O(size).
  @inlinable
  @_addressableSelf
  public func anyLiberty(_ point: Point) -> Point {
    let h = Int(_head[unchecked: point.i])
    var q = h
    repeat {
      let n = Point(index: q).neighbors
      if _stones[unchecked: n.0.i] == .empty { return n.0 }
      if _stones[unchecked: n.1.i] == .empty { return n.1 }
      if _stones[unchecked: n.2.i] == .empty { return n.2 }
      if _stones[unchecked: n.3.i] == .empty { return n.3 }
      q = Int(_next[unchecked: q])
    } while q != h
    return .none
  }

  /// True if an orthogonal neighbour of `point` is empty. Such a point is a legal move for
  /// either player (the stone keeps a liberty, and a simple-ko point never has an empty
  /// neighbour) and nobody's eye. O(1) and branch-free.
  @inlinable
  @_addressableSelf
  public func hasEmptyNeighbor(_ point: Point) -> Bool {
    let p = point.i
    let a = UInt32(_stones[unchecked: p &- Point.stride].rawValue)
    let b = UInt32(_stones[unchecked: p &- 1].rawValue)
    let c = UInt32(_stones[unchecked: p &+ 1].rawValue)
    let d = UInt32(_stones[unchecked: p &+ Point.stride].rawValue)
    return a &* b &* c &* d == 0
  }

  /// True if `point` is empty and every neighbour is a `player` stone or the wall, and the
  /// diagonals do not make it a false eye (at most one opposing diagonal inside, none on an edge).
  /// - Complexity: O(1).
  @inlinable
  @_addressableSelf
  public func isEye(_ point: Point, of player: Player) -> Bool {
    guard _stones[unchecked: point.i] == .empty else { return false }
    let own = player.stone
    for q in point.adjacent {
      let s = _stones[unchecked: q.i]
      if s != own && s != .wall { return false }
    }
    let opp = player.opponent.stone
    var bad = 0
    var edge = 0
    for q in point.diagonalNeighbors {
      let s = _stones[unchecked: q.i]
      if s == .wall { edge = 1 } else if s == opp { bad += 1 }
    }
    return bad + edge < 2
  }

  /// The distinct chain heads of colour `stone` next to `point`.
  @_addressableSelf
  public func adjacentChains(_ point: Point, of stone: Stone) -> [Point] {
    var heads: [Point] = []
    for q in point.adjacent where _stones[unchecked: q.i] == stone {
      let h = chainHead(q)
      if !heads.contains(h) { heads.append(h) }
    }
    return heads
  }
}
