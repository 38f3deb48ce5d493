import Foundation
import GoCore
import GoNeuralNet
import Synchronization

/// The search loop: preparing the root, the worker threads, limits and reports.
extension PUCTEngine {
  /// When one search ends.
  struct SearchLimits {
    /// Root visits (kept tree included).
    var maxVisits: Int?
    /// Wall-clock seconds (analysis; `genmove` plans its time with `plan`).
    var seconds: Double?
    /// `genmove`'s time plan from the root's ownership and the visits kept; a `SearchTimer`
    /// then decides when to stop (early, at the target, or later for an unclear move).
    var plan: (@Sendable ([Float], Int) -> TimePlan)?
    /// Also stop early when the position looks clear (`auto` thinking).
    var auto = false
  }

  /// Everything the worker threads share during one search.
  final class SearchRun: @unchecked Sendable {
    let rootState: GameState
    let selection: SelectionContext
    let center: Double
    let area: Int
    let deadline: ContinuousClock.Instant?
    let rootOwnership: [Float]?
    /// Moves before this index are hidden from the network (`ignorePreRootHistory`).
    let historyFloor: Int
    let halt = Atomic<Bool>(false)
    let evaluations = Atomic<Int>(0)
    let collisions = Atomic<Int>(0)
    let failure = Mutex<(any Error)?>(nil)

    init(
      rootState: GameState, selection: SelectionContext, center: Double,
      deadline: ContinuousClock.Instant?, rootOwnership: [Float]?, historyFloor: Int
    ) {
      self.historyFloor = historyFloor
      self.rootState = rootState
      self.selection = selection
      self.center = center
      self.area = rootState.board.area
      self.deadline = deadline
      self.rootOwnership = rootOwnership
    }
  }

  /// Searches `state` within `limits`, calling `report` at the request's interval; the tree
  /// holds the result afterwards. Throws if the root cannot be evaluated.
  func runSearch(
    _ state: GameState, limits: SearchLimits, restrictions: [MoveRestriction],
    forbidRootPass: Bool, analysis: AnalysisRequest?,
    report: (@Sendable (AnalysisSnapshot) -> Void)?, pondering: Bool = false
  ) throws {
    let clock = ContinuousClock()
    let start = clock.now
    // A pondering search's flag was cleared before its thread started, so that a stop sent
    // right away is not lost; any other search first ends the pondering.
    if !pondering {
      stopPondering()
      stopFlag.store(false, ordering: .relaxed)
    }
    let visitsBefore = prepareTree(for: state)
    // The root is evaluated as a root (KataGo hides history there in some modes).
    let floor = analysis?.ignorePreRootHistory == true ? state.moves.count : 0
    let rootEval = try evaluator.evaluate(state, isRoot: true, historyFloor: floor)
    let expected = tree.withLock { t in
      t.nodes[0].weightSum > 0 ? t.nodes[0].mean(t.nodes[0].scoreSum) : Double(rootEval.whiteScoreMean)
    }
    let center = Self.scoreCenter(expected: expected, area: state.board.area, params)
    let temperature = analysis?.rootPolicyTemperature ?? params.rootPolicyTemperature
    let rootList = Self.childList(state, rootEval, temperature: temperature)
    let noise = params.rootNoise ? rootNoise(priors: rootList.map(\.1)) : nil
    let track = analysis?.includeMovesOwnership == true || analysis?.includeMovesOwnershipStdev == true
    let p = params
    tree.withLock { t in
      t.rootEval = rootEval
      t.valueRule = ValueRule(p)
      if visitsBefore > 0 { t.rescoreAll(center: center, area: state.board.area, p) }
      if p.rootSymmetryPruning {
        (t.rootSymmetries, t.rootDuplicate) = PUCTTree.rootSymmetries(state, restrictions: restrictions)
      } else {
        (t.rootSymmetries, t.rootDuplicate) = ([Symmetry(0)], [])
      }
      t.rootEnding =
        p.rootEndingBonusPoints != 0 || p.rootPruneUselessMoves || p.fillDameBeforePass
        ? RootEnding(state: state, whiteOwnership: rootEval.whiteOwnership, center: center, p) : nil
      t.ownership = OwnershipAccumulator()
      t.ownership.add(rootEval.whiteOwnership)
      t.childOwnership = [:]
      t.trackChildOwnership = track
      if state.isOver {
        t.nodes[0].status = .terminal
        return
      }
      if t.nodes[0].status != .expanded || t.nodes[0].childCount == 0 {
        let own = Self.leafValues(rootEval, center: center, area: state.board.area, p)
        t.nodes[0].status = .fresh
        t.nodes[0].firstChild = -1
        t.nodes[0].childCount = 0
        let keys = p.subtreeValueBiasFactor > 0 ? rootList.map { PUCTTree.biasKey(state, move: $0.0) } : nil
        t.expand(0, children: rootList, own: own, maxNodes: max(p.maxNodes, rootList.count + 1), biasKeys: keys)
        t.nodes[0].inFlight += 1
        t.backup([0], own)
      }
      t.setRootPriors(rootList, noise: noise, noiseWeight: p.rootNoiseWeight)
    }
    var selection = SelectionContext(
      params: params, restrictions: restrictions, forbidRootPass: forbidRootPass,
      visitLimit: limits.maxVisits ?? Int.max)
    if let fpu = analysis?.rootFpuReductionMax { selection.params.rootFpuReductionMax = fpu }
    var timer = limits.plan.map {
      SearchTimer(plan: $0(rootEval.whiteOwnership, visitsBefore), parameters: params.time)
    }
    let deadline = (timer.map { $0.plan.limit.inSeconds } ?? limits.seconds).map { start + .seconds(max(0, $0)) }
    let run = SearchRun(
      rootState: state, selection: selection, center: center, deadline: deadline,
      rootOwnership: rootEval.whiteOwnership, historyFloor: floor)

    let threadCount = Self.searchThreadCount(params, maxVisits: limits.maxVisits, visitsBefore: visitsBefore)
    let group = DispatchGroup()
    // One search thread with nothing to watch (no reports, no early stop): the caller is that
    // thread, which saves a thread start and two wake-ups per search (self-play).
    let inline = searchInline && threadCount == 1 && timer == nil && (analysis?.reportInterval == nil || report == nil)
    if inline && !state.isOver {
      work(run)
    } else if !state.isOver {
      for _ in 0..<threadCount {
        group.enter()
        let thread = Thread { [self] in
          work(run)
          group.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
      }
    }
    // Wait, reporting at the interval and checking the early-stop rules.
    let interval = analysis?.reportInterval
    var nextReport = interval.map { start + .milliseconds(Int64(max(0.001, analysis?.firstReportAfter ?? $0) * 1000)) }
    let tick = DispatchTimeInterval.milliseconds(5)
    var lastCheck = start
    var stopReason: StopReason?
    while group.wait(timeout: .now() + tick) == .timedOut {
      let now = clock.now
      if let due = nextReport, now >= due, let analysis, let report {
        report(snapshot(analysis))
        nextReport = due + .milliseconds(Int64(max(0.001, interval ?? 1) * 1000))
        if nextReport! < now { nextReport = now + .milliseconds(Int64(max(0.001, interval ?? 1) * 1000)) }
      }
      if stopReason == nil, timer != nil, now - lastCheck >= .milliseconds(10) {
        lastCheck = now
        let elapsed = now - start
        var reason = timer!.check(elapsed: elapsed, rootProgress(visitsBefore: visitsBefore))
        if reason == nil && limits.auto && timer!.plan.mayStopEarly
          && autoSettled(spent: elapsed.inSeconds / max(0.001, timer!.horizon.inSeconds))
        {
          reason = .settled
        }
        if let reason {
          stopReason = reason
          run.halt.store(true, ordering: .relaxed)
        }
      }
    }
    let elapsed = clock.now - start
    let seconds = elapsed.inSeconds
    let (rootVisits, nodeCount) = tree.withLock { (Int($0.nodes[0].visits), $0.nodes.count) }
    var stats = SearchStats()
    stats.rootVisits = rootVisits
    stats.newVisits = rootVisits - visitsBefore
    stats.evaluations = run.evaluations.load(ordering: .relaxed)
    stats.collisions = run.collisions.load(ordering: .relaxed)
    stats.seconds = seconds
    stats.threads = state.isOver ? 0 : threadCount
    stats.nodes = nodeCount
    stats.plan = timer?.plan
    if let stopReason {
      stats.stop = stopReason
    } else if state.isOver {
      stats.stop = .nothingToSearch
    } else if stopFlag.load(ordering: .relaxed) {
      stats.stop = .interrupted
    } else if let deadline, clock.now >= deadline {
      stats.stop = .limit
    } else {
      stats.stop = .visitLimit
    }
    lastStats = stats
    if let error = run.failure.withLock({ $0 }) { throw error }
  }

  /// Threads for one search: `params.threads`, capped so that each gets at least
  /// `minPlayoutsPerThread` of the visits still to do (`visitsBefore` were kept from the last
  /// search); a search without a visit limit gets them all.
  static func searchThreadCount(_ p: PUCTParameters, maxVisits: Int?, visitsBefore: Int) -> Int {
    let threads = max(1, p.threads)
    guard p.minPlayoutsPerThread > 0, let maxVisits else { return threads }
    let cap = (Double(maxVisits - visitsBefore) / p.minPlayoutsPerThread).rounded(.down)
    return cap >= Double(threads) ? threads : max(1, Int(cap))
  }

  /// One search thread: descend, evaluate, back up, until a limit or a stop.
  func work(_ run: SearchRun) {
    // The leaf's position: moves are played on this thread's copy of the root and taken back
    // after each visit, so a visit costs the path's moves, not a copy of the game's history.
    var state = run.rootState
    while true {
      if stopFlag.load(ordering: .relaxed) || run.halt.load(ordering: .relaxed) { return }
      if let deadline = run.deadline, ContinuousClock.now >= deadline { return }
      let descent = tree.withLock { $0.descend(run.selection) }
      switch descent {
      case .limit:
        return
      case .done:
        continue
      case .collision:
        run.collisions.add(1, ordering: .relaxed)
        usleep(200)
      case .evaluate(let path, let moves):
        let leaf = path[path.count - 1]
        var played = 0
        for m in moves {
          guard (try? state.play(m)) != nil else { break }
          played += 1
        }
        defer { for _ in 0..<played { state.undo() } }
        if played < moves.count || state.isOver {
          let values = Self.terminalValues(
            state, whiteOwnership: run.rootOwnership, center: run.center, params)
          tree.withLock { t in
            t.nodes[Int(leaf)].status = .terminal
            t.nodes[Int(leaf)].own = values
            t.backup(path, values)
          }
          continue
        }
        do {
          let e = try evaluator.evaluate(state, isRoot: false, historyFloor: run.historyFloor)
          run.evaluations.add(1, ordering: .relaxed)
          let kids = Self.childList(state, e)
          let keys = params.subtreeValueBiasFactor > 0 ? kids.map { PUCTTree.biasKey(state, move: $0.0) } : nil
          let values = Self.leafValues(e, center: run.center, area: run.area, params)
          let maxNodes = params.maxNodes
          tree.withLock { t in
            t.expand(leaf, children: kids, own: values, maxNodes: maxNodes, biasKeys: keys)
            t.backup(path, values, evaluated: true)
            t.ownership.add(e.whiteOwnership)
            if t.trackChildOwnership && path.count >= 2 {
              t.childOwnership[path[1], default: OwnershipAccumulator()].add(e.whiteOwnership)
            }
          }
        } catch {
          tree.withLock { t in
            t.nodes[Int(leaf)].status = .fresh
            t.cancel(path)
          }
          run.failure.withLock { if $0 == nil { $0 = error } }
          run.halt.store(true, ordering: .relaxed)
          return
        }
      }
    }
  }

  /// Makes the tree's root stand for `state`: keeps the matching subtree when the game
  /// continued along the tree, else starts afresh. Returns the root's visits kept.
  func prepareTree(for state: GameState) -> Int {
    let line = TreeLine(
      initialHash: state.initialBoard.hash, initialToMove: state.initialToMove,
      moves: state.moves.map(\.move), players: state.moves.map(\.player), rules: state.rules)
    defer { treeLine = line }
    return tree.withLock { t in
      if params.reuseTree, let old = treeLine, old.initialHash == line.initialHash,
        old.initialToMove == line.initialToMove, old.rules == line.rules,
        line.moves.count >= old.moves.count,
        Array(line.moves.prefix(old.moves.count)) == old.moves,
        Array(line.players.prefix(old.players.count)) == old.players
      {
        var node: Int32 = 0
        var ok = true
        for k in old.moves.count..<line.moves.count {
          let depth = k - old.moves.count
          guard line.players[k] == t.player(atDepth: depth),
            let c = t.child(of: node, move: line.moves[k])
          else {
            ok = false
            break
          }
          node = c
        }
        if ok && t.player(atDepth: line.moves.count - old.moves.count) == state.toMove {
          if node != 0 { t = t.subtree(at: node, rootPlayer: state.toMove) }
          return Int(t.nodes[0].visits)
        }
      }
      t = PUCTTree(rootPlayer: state.toMove)
      return 0
    }
  }

  /// Dirichlet noise for the root moves with these priors (`rootDirichletNoiseShaped`
  /// decides how the total concentration is spread over them).
  func rootNoise(priors: [Float]) -> [Double] {
    let shares = params.rootDirichletNoiseShaped
      ? DirichletNoise.shapedShares(priors: priors)
      : [Double](repeating: 1 / Double(max(priors.count, 1)), count: priors.count)
    return DirichletNoise.sample(alphas: shares.map { $0 * params.rootDirichletTotalAlpha }, rng: &rng)
  }

  /// The root's two most visited moves and this search's visits, for `SearchTimer`.
  func rootProgress(visitsBefore: Int) -> SearchProgress {
    tree.withLock { t in
      var first: (move: Move?, visits: Int, value: Double) = (nil, 0, 0.5)
      var second: (move: Move?, visits: Int, value: Double) = (nil, 0, 0.5)
      let s = Perspective.sign(t.rootPlayer)
      for c in t.children(0) {
        let n = t.nodes[Int(c)]
        let v = Int(n.visits)
        guard v > 0 else { continue }
        let entry = (Optional(n.move), v, 0.5 * (1 + s * n.mean(n.winLossSum)))
        if v > first.visits {
          second = first
          first = entry
        } else if v > second.visits {
          second = entry
        }
      }
      return SearchProgress(
        best: first.move, bestVisits: first.visits, secondVisits: second.visits,
        bestValue: first.value, secondValue: second.value,
        newVisits: Int(t.nodes[0].visits) - visitsBefore)
    }
  }

  /// `auto` thinking's extra stops, `spent` (0…1) into the time: one move has 75% of the
  /// visits after a quarter of it, or the win rate is past 97% (or under 3%) after a fifth.
  func autoSettled(spent: Double) -> Bool {
    tree.withLock { t in
      var first = 0
      var total = 0
      for c in t.children(0) {
        let v = Int(t.nodes[Int(c)].visits)
        total += v
        first = max(first, v)
      }
      guard total > 20 else { return false }
      if spent > 0.25 && Double(first) / Double(total) > 0.75 { return true }
      let n = t.nodes[0]
      let winrate = 0.5 * (1 + Perspective.sign(t.rootPlayer) * n.mean(n.winLossSum))
      return spent > 0.2 && (winrate > 0.97 || winrate < 0.03)
    }
  }
}

extension PUCTTree {
  /// Sets the root children's priors from `list` (same moves), mixing in noise if given.
  mutating func setRootPriors(_ list: [(Move, Float)], noise: [Double]?, noiseWeight: Double) {
    var prior: [Move: Float] = [:]
    for (k, (m, p)) in list.enumerated() {
      var v = p
      if let noise, k < noise.count {
        v = Float((1 - noiseWeight) * Double(p) + noiseWeight * noise[k])
      }
      prior[m] = v
    }
    for c in children(0) { nodes[Int(c)].prior = prior[nodes[Int(c)].move] ?? 0 }
  }
}
