public import GoCore

extension RolloutTree {
  /// Records one finished simulation along `path` (root first).
  ///
  /// `sequence` holds every move after the root — the tree moves (`path.count - 1` of them)
  /// then the playout moves — alternating from `rootToMove`; 0 is a pass. `whiteResult` is 1
  /// for a White win, 0 for a loss, 0.5 for a draw (White's view, `Perspective`); each node
  /// counts it as a win for its own player. Children of every node on the path get
  /// all-moves-as-first credit for moves their player made first later in the simulation.
  /// `firstPlayer` is scratch of `Point.capacity` zeros, returned zeroed.
  /// - Complexity: O(path × children + sequence).
  public mutating func backup(
    path: UnsafeBufferPointer<Int32>, sequence: UnsafeBufferPointer<Int16>, rootToMove: Player,
    whiteResult: Float, firstPlayer: UnsafeMutableBufferPointer<UInt8>
  ) {
    let treeMoves = path.count - 1
    let white = Player.white.rawValue
    // Plain statistics and virtual loss.
    for (k, i) in path.enumerated() {
      let index = Int(i)
      nodes[index].visits += 1
      nodes[index].wins += nodes[index].player == white ? whiteResult : 1 - whiteResult
      if k > 0 { nodes[index].virtualLoss -= 1 }
    }
    // The player of sequence position j.
    let first = rootToMove.rawValue
    let second = rootToMove.opponent.rawValue
    // Playout moves, latest first, so earlier plays overwrite later ones.
    var j = sequence.count - 1
    while j >= treeMoves {
      let m = Int(sequence[j])
      if m != 0 { firstPlayer[m] = j & 1 == 0 ? first : second }
      j -= 1
    }
    var depth = treeMoves
    while depth >= 0 {
      if depth < treeMoves {
        let m = Int(sequence[depth])
        if m != 0 { firstPlayer[m] = depth & 1 == 0 ? first : second }
      }
      let node = nodes[Int(path[depth])]
      if node.expanded {
        let start = Int(node.firstChild)
        for c in start..<start + Int(node.childCount) {
          let m = Int(nodes[c].move)
          guard m != 0 else { continue }
          let p = nodes[c].player
          if firstPlayer[m] == p {
            nodes[c].raveVisits += 1
            nodes[c].raveWins += p == white ? whiteResult : 1 - whiteResult
          }
        }
      }
      depth -= 1
    }
    for k in 0..<sequence.count { firstPlayer[Int(sequence[k])] = 0 }
  }

  /// A new tree holding the subtree under `index`, which becomes the root.
  /// - Complexity: O(size of the subtree).
  public func subtree(at index: Int) -> RolloutTree {
    var result = self
    result.nodes = [nodes[index]]
    result.nodes.reserveCapacity(max(1 << 16, nodes.count))
    result.nodes[0].virtualLoss = 0
    result.ownership = [Int32](repeating: 0, count: Point.capacity)
    result.ownershipSamples = 0
    // Breadth-first copy; children stay contiguous.
    var queue: [(old: Int, new: Int)] = [(index, 0)]
    var head = 0
    while head < queue.count {
      let (old, new) = queue[head]
      head += 1
      let node = nodes[old]
      guard node.expanded else { continue }
      let start = result.nodes.count
      for c in Int(node.firstChild)..<Int(node.firstChild) + Int(node.childCount) {
        var child = nodes[c]
        child.virtualLoss = 0
        result.nodes.append(child)
        queue.append((c, result.nodes.count - 1))
      }
      result.nodes[new].firstChild = Int32(start)
    }
    return result
  }

  /// The child of `index` reached by `move`, or nil.
  public func child(of index: Int, move: Move) -> Int? {
    let node = nodes[index]
    guard node.expanded else { return nil }
    let raw: Int16 = move.point?.index ?? 0
    for c in Int(node.firstChild)..<Int(node.firstChild) + Int(node.childCount)
    where nodes[c].move == raw {
      return c
    }
    return nil
  }

  /// The principal variation from the root: most visited children, up to `limit` moves.
  public func principalVariation(limit: Int = 10) -> [Move] {
    var pv: [Move] = []
    var index = 0
    while pv.count < limit {
      let node = nodes[index]
      guard node.expanded, node.childCount > 0 else { break }
      var best = -1
      for c in Int(node.firstChild)..<Int(node.firstChild) + Int(node.childCount) {
        if best < 0 || nodes[c].visits > nodes[best].visits { best = c }
      }
      guard best >= 0, nodes[best].visits > 0 else { break }
      pv.append(nodes[best].asMove)
      index = best
    }
    return pv
  }
}
