import GoCore
import Synchronization

/// The statistics and reports of one analysing rollout search: playout scores per root move,
/// ownership sums, report timing and snapshots of the tree.
///
/// Workers call `record` after every playout; worker 0 checks `isReportDue` and reports.
final class RolloutAnalysis: @unchecked Sendable {
  /// Playout sums guarded by `statistics`.
  struct Statistics {
    var samples = 0
    /// Sum and sum of squares of the final score, White's point of view (`Perspective`), komi
    /// included.
    var scoreSum = 0.0
    var scoreSquares = 0.0
    /// Per root move (padded index, 0 = pass): playouts, score sum, score squares.
    var moveSamples: [Int32]
    var moveScoreSum: [Double]
    var moveScoreSquares: [Double]
    /// Per point: final ownership, White's point of view (+1 White, −1 Black), and its squares.
    var ownership: [Int32]
    var ownershipSquares: [Int32]
    /// Per root move × point, when moves' ownership is requested.
    var movesOwnership: [Int32]
    var movesOwnershipSquares: [Int32]
    /// Zeros, `Point.capacity` long, for one playout's ownership.
    var scratch: [Int32]
  }

  /// What the caller asked for.
  let request: AnalysisRequest
  let width: Int
  let height: Int
  /// The player to move at the root: the perspective of every value reported.
  let toMove: Player
  /// Simulations after which the search stops (nil: the engine's own limit).
  let playoutLimit: Int?
  /// Plies from the root below which `request.restrictions` apply.
  let restrictedDepth: Int
  /// Virtual visits of the priors (to turn prior wins into a value).
  let priorWeight: Float
  private let wantsOwnership: Bool
  private let callback: @Sendable (AnalysisSnapshot) -> Void
  private let interval: Duration?
  /// Only worker 0 reads and writes it.
  private var nextReport: ContinuousClock.Instant
  private let statistics: Mutex<Statistics>

  init(
    state: GameState, request: AnalysisRequest, priorWeight: Float, playoutLimit: Int?,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) {
    self.request = request
    width = state.width
    height = state.height
    toMove = state.toMove
    self.playoutLimit = playoutLimit
    restrictedDepth = request.restrictions.map(\.untilDepth).max() ?? 0
    self.priorWeight = priorWeight
    callback = report
    let duration = { (s: Double) in Duration.seconds(saturating: max(0.001, s)) }
    interval = request.reportInterval.map(duration)
    let first = request.firstReportAfter.map(duration) ?? interval ?? .zero
    nextReport = ContinuousClock.now + first
    let moveOwnership = request.includeMovesOwnership || request.includeMovesOwnershipStdev
    wantsOwnership =
      moveOwnership || request.includeOwnership || request.includeOwnershipStdev
    let cap = Point.capacity
    let zeros = [Int32](repeating: 0, count: cap)
    statistics = Mutex(
      Statistics(
        moveSamples: zeros, moveScoreSum: [Double](repeating: 0, count: cap),
        moveScoreSquares: [Double](repeating: 0, count: cap), ownership: zeros,
        ownershipSquares: zeros,
        movesOwnership: moveOwnership ? [Int32](repeating: 0, count: cap * cap) : [],
        movesOwnershipSquares: moveOwnership ? [Int32](repeating: 0, count: cap * cap) : [],
        scratch: zeros))
  }

  /// True if `move` by `player` at `depth` plies from the root is allowed.
  func permits(_ move: Move, by player: Player, depth: Int) -> Bool {
    MoveRestriction.permits(request.restrictions, move: move, player: player, depth: depth)
  }

  /// Adds one finished playout: its final `board`, White's score (komi included) and its first
  /// move from the root.
  func record(_ board: inout Board, whiteScore: Double, rootMove: Int16?) {
    let (w, h, owned) = (width, height, wantsOwnership)
    statistics.withLock { s in
      s.samples += 1
      s.scoreSum += whiteScore
      s.scoreSquares += whiteScore * whiteScore
      if let m = rootMove {
        let i = Int(m)
        s.moveSamples[i] += 1
        s.moveScoreSum[i] += whiteScore
        s.moveScoreSquares[i] += whiteScore * whiteScore
      }
      guard owned else { return }
      // Board counts are Black minus White: negated into White's view.
      RolloutEngine.addOwnership(&board, into: &s.scratch)
      let base = s.movesOwnership.isEmpty ? nil : rootMove.map { Int($0) * Point.capacity }
      for y in 0..<h {
        for x in 0..<w {
          let i = Point(x: x, y: y).i
          let v = -s.scratch[i]
          s.scratch[i] = 0
          s.ownership[i] += v
          s.ownershipSquares[i] += v * v
          if let base {
            s.movesOwnership[base + i] += v
            s.movesOwnershipSquares[base + i] += v * v
          }
        }
      }
    }
  }

  /// True (once per interval) when a periodic report is due. Worker 0 only.
  func isReportDue() -> Bool {
    guard let interval else { return false }
    let now = ContinuousClock.now
    guard now >= nextReport else { return false }
    nextReport = now + interval
    return true
  }

  /// Passes `snapshot` to the caller's report function.
  func report(_ snapshot: AnalysisSnapshot) { callback(snapshot) }

  /// What `tree` and the playouts so far say, from `toMove`'s point of view.
  func snapshot(of tree: RolloutTree) -> AnalysisSnapshot {
    let s = statistics.withLock { $0 }
    let me = toMove
    var visits = 0
    var wins = 0.0
    var priorSum = 0.0
    for c in tree.rootChildren {
      visits += Int(tree.nodes[c].visits)
      wins += Double(tree.nodes[c].wins)
      priorSum += Double(tree.nodes[c].priorWins)
    }
    let rootRate = visits > 0 ? wins / Double(visits) : 0.5
    let (rootScore, rootStdev) = Self.moments(s.scoreSum, s.scoreSquares, s.samples)
    let rootLead = Perspective.view(rootScore, for: me)
    let root = AnalysisRootInfo(
      visits: visits, weight: Double(visits), utility: 2 * rootRate - 1, winrate: rootRate,
      scoreLead: rootLead, scoreSelfplay: rootLead, scoreStdev: rootStdev)
    var infos: [(info: AnalysisMoveInfo, wins: Double)] = []
    for c in tree.rootChildren {
      let node = tree.nodes[c]
      let move = node.asMove
      guard permits(move, by: toMove, depth: 0) else { continue }
      let n = Int(node.visits)
      let rate = n > 0 ? Double(node.wins) / Double(n) : Double(node.priorWins / priorWeight)
      let lcb = n > 0 ? rate - 1.96 * (max(rate * (1 - rate), 0.0025) / Double(n)).squareRoot()
        : rate - 1
      let i = Int(node.move)
      let k = Int(s.moveSamples[i])
      let (score, stdev) = k > 0
        ? Self.moments(s.moveScoreSum[i], s.moveScoreSquares[i], k) : (rootScore, rootStdev)
      var (pv, pvVisits) = ([move], [n])
      var index = c
      while pv.count <= request.pvLength, let next = Self.mostVisitedChild(tree, of: index) {
        pv.append(tree.nodes[next].asMove)
        pvVisits.append(Int(tree.nodes[next].visits))
        index = next
      }
      var info = AnalysisMoveInfo(
        move: move, visits: n, utility: 2 * rate - 1, winrate: rate, scoreLead: Perspective.view(score, for: me),
        scoreSelfplay: Perspective.view(score, for: me), scoreStdev: stdev,
        prior: priorSum > 0 ? Double(node.priorWins) / priorSum : 0, lcb: lcb,
        utilityLcb: 2 * lcb - 1, order: 0, pv: pv, pvVisits: pvVisits, pvEdgeVisits: pvVisits)
      if !s.movesOwnership.isEmpty, k > 0 {
        let base = i * Point.capacity
        let (mean, dev) = ownership(
          Array(s.movesOwnership[base..<base + Point.capacity]),
          Array(s.movesOwnershipSquares[base..<base + Point.capacity]), samples: k)
        info.ownership = request.includeMovesOwnership ? mean : nil
        info.ownershipStdev = request.includeMovesOwnershipStdev ? dev : nil
      }
      infos.append((info, Double(node.wins)))
    }
    // The engine's choice first (most visits, then most wins), unvisited moves by prior.
    infos.sort { a, b in
      if a.info.visits != b.info.visits { return a.info.visits > b.info.visits }
      if a.info.visits > 0 { return a.wins > b.wins }
      return a.info.prior > b.info.prior
    }
    let ranked = infos.map(\.info)
    let visited = ranked.count { $0.visits > 0 }
    var moves = request.listedCandidates(visited: Array(ranked.prefix(visited))) {
      Array(ranked.dropFirst(visited))
    }
    for k in moves.indices { moves[k].order = k }
    var snapshot = AnalysisSnapshot(
      width: width, height: height, toMove: toMove, rootInfo: root, moveInfos: moves)
    if request.includePolicy {
      // The engine's move priors as a policy: row-major from the top-left, pass last, −1 where
      // the root has no child (illegal or never considered).
      var policy = [Double](repeating: -1, count: width * height + 1)
      for c in tree.rootChildren {
        let node = tree.nodes[c]
        let p = priorSum > 0 ? Double(node.priorWins) / priorSum : 0
        switch node.asMove {
        case .pass: policy[width * height] = p
        case .play(let q): policy[q.y * width + q.x] = p
        }
      }
      snapshot.policy = policy
    }
    if s.samples > 0, request.includeOwnership || request.includeOwnershipStdev {
      let (mean, dev) = ownership(s.ownership, s.ownershipSquares, samples: s.samples)
      snapshot.ownership = request.includeOwnership ? mean : nil
      snapshot.ownershipStdev = request.includeOwnershipStdev ? dev : nil
    }
    return snapshot
  }

  /// Mean and standard deviation from a sum, a sum of squares and a count.
  static func moments(_ sum: Double, _ squares: Double, _ count: Int) -> (Double, Double) {
    guard count > 0 else { return (0, 0) }
    let mean = sum / Double(count)
    return (mean, max(0, squares / Double(count) - mean * mean).squareRoot())
  }

  /// Row-major ownership from the top-left, +1 = `toMove`, with its standard deviation, from
  /// White-view sums.
  func ownership(
    _ sums: [Int32], _ squares: [Int32], samples: Int
  ) -> ([Double], [Double]) {
    var mean: [Double] = []
    var dev: [Double] = []
    mean.reserveCapacity(width * height)
    dev.reserveCapacity(width * height)
    for y in 0..<height {
      for x in 0..<width {
        let i = Point(x: x, y: y).i
        let (m, d) = Self.moments(Double(sums[i]), Double(squares[i]), samples)
        mean.append(Perspective.view(m, for: toMove))
        dev.append(d)
      }
    }
    return (mean, dev)
  }

  /// The most visited child of `index` with at least one visit.
  static func mostVisitedChild(_ tree: RolloutTree, of index: Int) -> Int? {
    let node = tree.nodes[index]
    guard node.expanded else { return nil }
    var best: Int?
    for c in Int(node.firstChild)..<Int(node.firstChild) + Int(node.childCount)
    where tree.nodes[c].visits > 0 {
      if best == nil || tree.nodes[c].visits > tree.nodes[best!].visits { best = c }
    }
    return best
  }
}
