import GoCore
import GoNeuralNet

/// The PUCT search tree: a node arena with integer indices, the root's evaluation and the
/// ownership seen by the search.
///
/// Not thread-safe: `PUCTEngine` keeps it behind a mutex and evaluates leaves outside it.
struct PUCTTree: Sendable {
  /// The arena; index 0 is the root.
  var nodes: [PUCTNode]
  /// The player to move at the root.
  var rootPlayer: Player
  /// The network's evaluation of the root (set when a search starts).
  var rootEval: NNEvaluation?
  /// Sum of White ownership over the evaluations made during this search, per board point.
  var ownership = OwnershipAccumulator()
  /// The same per root child, for `movesOwnership` (created on demand).
  var childOwnership: [Int32: OwnershipAccumulator] = [:]
  /// Keep per-child ownership sums.
  var trackChildOwnership = false
  /// How inner nodes rebuild their values after a visit.
  var valueRule = ValueRule()
  /// Subtree value bias entries by key.
  var biasTable: [UInt64: SubtreeBiasEntry] = [:]
  /// Board symmetries of this search's root position (identity first).
  var rootSymmetries: [Symmetry] = [Symmetry(0)]
  /// Per point index: the root move is a symmetric duplicate, not searched (empty: none).
  var rootDuplicate: [Bool] = []
  /// The root's ending bonus and pruned moves for the current search (nil: none).
  var rootEnding: RootEnding?

  /// A tree holding only a fresh root with `player` to move.
  init(rootPlayer: Player) {
    nodes = [PUCTNode(move: .pass, parent: -1, prior: 1)]
    nodes.reserveCapacity(1024)
    self.rootPlayer = rootPlayer
  }

  /// The player to move at a node `depth` plies below the root.
  @inline(__always)
  func player(atDepth depth: Int) -> Player { depth % 2 == 0 ? rootPlayer : rootPlayer.opponent }

  /// The children of node `i` as an index range.
  @inline(__always)
  func children(_ i: Int32) -> Range<Int32> {
    let n = nodes[Int(i)]
    return n.firstChild < 0 ? 0..<0 : n.firstChild..<(n.firstChild + n.childCount)
  }

  var root: PUCTNode { nodes[0] }

  /// Creates the children of `i` (moves with priors) and records its own evaluation.
  ///
  /// - Complexity: O(children).
  /// `biasKeys`, when given, are the children's subtree value bias keys in `list` order.
  mutating func expand(
    _ i: Int32, children list: [(Move, Float)], own: LeafValues, maxNodes: Int, biasKeys: [UInt64]? = nil
  ) {
    nodes[Int(i)].own = own
    nodes[Int(i)].status = .expanded
    guard !list.isEmpty, nodes.count + list.count <= maxNodes else { return }
    nodes[Int(i)].firstChild = Int32(nodes.count)
    nodes[Int(i)].childCount = Int32(list.count)
    for (k, (m, p)) in list.enumerated() {
      var n = PUCTNode(move: m, parent: i, prior: p)
      if let biasKeys, k < biasKeys.count { n.biasKey = biasKeys[k] }
      nodes.append(n)
    }
  }

  /// Removes the virtual losses of an abandoned descent.
  mutating func cancel(_ path: [Int32]) {
    for i in path { nodes[Int(i)].inFlight -= 1 }
  }

  /// The child of `i` reached by `move`, if it exists.
  func child(of i: Int32, move: Move) -> Int32? {
    children(i).first { nodes[Int($0)].move == move }
  }

  /// The principal variation below node `i` (`depth` plies under the root): at each node the
  /// visited child the move choice would take there (most weight, or a better LCB), as
  /// KataGo's play selection values pick PV moves.
  func principalVariation(from i: Int32, depth: Int, maxLength: Int, _ p: PUCTParameters) -> [Int32] {
    var out: [Int32] = []
    var n = i
    var d = depth
    while out.count < maxLength {
      let visited = children(n).filter { nodes[Int($0)].visits > 0 }
      if visited.isEmpty { break }
      let best = bestChild(visited, p, mover: player(atDepth: d))
      out.append(best)
      n = best
      d += 1
    }
    return out
  }

  /// Visit order between siblings: more visits first, then the higher prior.
  static func ranksAbove(_ a: PUCTNode, _ b: PUCTNode) -> Bool {
    a.visits != b.visits ? a.visits > b.visits : a.prior > b.prior
  }

  /// A copy of the subtree under `newRoot` as a tree of its own (tree reuse).
  ///
  /// - Complexity: O(nodes in the subtree).
  func subtree(at newRoot: Int32, rootPlayer: Player) -> PUCTTree {
    var t = PUCTTree(rootPlayer: rootPlayer)
    var r = nodes[Int(newRoot)]
    r.parent = -1
    r.inFlight = 0
    t.nodes[0] = r
    // Breadth first: each node's children are copied as one contiguous run.
    var queue: [(old: Int32, new: Int32)] = [(newRoot, 0)]
    var kept = [Bool](repeating: false, count: nodes.count)
    var head = 0
    while head < queue.count {
      let (old, new) = queue[head]
      kept[Int(old)] = true
      head += 1
      let kids = children(old)
      if kids.isEmpty {
        t.nodes[Int(new)].firstChild = -1
        t.nodes[Int(new)].childCount = 0
        continue
      }
      let first = Int32(t.nodes.count)
      t.nodes[Int(new)].firstChild = first
      for (k, c) in kids.enumerated() {
        var n = nodes[Int(c)]
        n.parent = new
        n.inFlight = 0
        if n.status == .evaluating { n.status = .fresh }
        t.nodes.append(n)
        queue.append((c, first + Int32(k)))
      }
    }
    t.valueRule = valueRule
    t.biasTable = biasTable(keeping: kept)
    return t
  }
}

/// Running sums of ownership (White's view) over evaluations, per board point.
struct OwnershipAccumulator: Sendable {
  var sum: [Double] = []
  var sumSq: [Double] = []
  var count: Double = 0

  /// Adds one evaluation's White ownership.
  mutating func add(_ own: [Float]) {
    if sum.isEmpty {
      sum = [Double](repeating: 0, count: own.count)
      sumSq = sum
    }
    guard own.count == sum.count else { return }
    for k in own.indices {
      let v = Double(own[k])
      sum[k] += v
      sumSq[k] += v * v
    }
    count += 1
  }

  /// Mean ownership for `player` (+1 = theirs), or nil if nothing was added.
  func mean(for player: Player) -> [Double]? {
    guard count > 0 else { return nil }
    let s = Perspective.sign(player) / count
    return sum.map { $0 * s }
  }

  /// Standard deviation of the ownership over the evaluations.
  func stdev() -> [Double]? {
    guard count > 0 else { return nil }
    return zip(sum, sumSq).map { m, q in
      let mean = m / count
      return max(0, q / count - mean * mean).squareRoot()
    }
  }
}
