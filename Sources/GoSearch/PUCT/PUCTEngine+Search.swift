import Foundation
import GoCore
import GoNeuralNet
import Synchronization

/// The search loop, phase by phase: the kept tree, the root, the worker threads, the wait with
/// its reports and stopping rules, and the statistics.
extension PUCTEngine {
  /// How often the waiting thread wakes to report and check the stopping rules. The wait is a
  /// `DispatchGroup` timeout only for this granularity; every time it decides by is read from
  /// `ContinuousClock`.
  static let waitTick = DispatchTimeInterval.milliseconds(5)
  /// How often the waiting thread asks the `SearchTimer` whether to stop.
  static let timerCheckInterval = Duration.milliseconds(10)

  /// What `prepareRoot` found: the root's evaluation and the score utility's centre.
  struct PreparedRoot {
    var eval: NNEvaluation
    var center: Double
  }

  /// Searches `state` within `limits`, calling `report` at the request's interval; the tree
  /// holds the result afterwards and `lastStats` its counters. Throws if the root cannot be
  /// evaluated, or the evaluator's error if a leaf could not be.
  func runSearch(
    _ state: GameState, limits: SearchLimits, restrictions: [MoveRestriction],
    forbidRootPass: Bool, analysis: AnalysisRequest?,
    report: (@Sendable (AnalysisSnapshot) -> Void)?, pondering: Bool = false
  ) throws {
    let start = ContinuousClock.now
    // A pondering search's flag was cleared before its thread started, so that a stop sent
    // right away is not lost; any other search first ends the pondering.
    if !pondering {
      stopPondering()
      stopFlag.store(false, ordering: .relaxed)
    }
    let visitsBefore = prepareTree(for: state)
    let floor = analysis?.ignorePreRootHistory == true ? state.moves.count : 0
    let root = try prepareRoot(
      state, visitsBefore: visitsBefore, restrictions: restrictions, analysis: analysis, historyFloor: floor)
    var selection = SelectionContext(
      params: params, restrictions: restrictions, forbidRootPass: forbidRootPass,
      visitLimit: limits.maxVisits ?? Int.max)
    if let fpu = analysis?.rootFpuReductionMax { selection.params.rootFpuReductionMax = fpu }
    let timer = limits.plan.map {
      SearchTimer(plan: $0(root.eval.whiteOwnership, visitsBefore), parameters: params.time)
    }
    let deadline = (timer.map { $0.plan.limit.inSeconds } ?? limits.seconds).map { start + .seconds(saturating: max(0, $0)) }
    let run = SearchRun(
      rootState: state, selection: selection, center: root.center, deadline: deadline,
      rootOwnership: root.eval.whiteOwnership, historyFloor: floor)
    let threadCount = Self.searchThreadCount(params, maxVisits: limits.maxVisits, visitsBefore: visitsBefore)
    // One search thread with nothing to watch (no reports, no early stop): the caller is that
    // thread, which saves a thread start and two wake-ups per search (self-play).
    let inline = searchInline && threadCount == 1 && timer == nil && (analysis?.reportInterval == nil || report == nil)
    let group = startWorkers(run, count: state.isOver ? 0 : threadCount, inline: inline)
    let stopReason = waitAndReport(
      group, run: run, start: start, timer: timer, auto: limits.auto, analysis: analysis,
      report: report, visitsBefore: visitsBefore)
    lastStats = searchStats(
      state, run: run, start: start, visitsBefore: visitsBefore, threads: threadCount,
      plan: timer?.plan, stopReason: stopReason)
    if let error = run.failure.withLock({ $0 }) { throw error }
  }

  /// Evaluates the root as a root (KataGo hides history there in some modes) and readies the
  /// tree's root for this search: score centre, value rule, symmetries, ending bonus,
  /// ownership sums, children (when the kept tree has none) and priors with noise.
  /// - Throws: the evaluator's error; the tree keeps its nodes then.
  func prepareRoot(
    _ state: GameState, visitsBefore: Int, restrictions: [MoveRestriction], analysis: AnalysisRequest?,
    historyFloor floor: Int
  ) throws -> PreparedRoot {
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
      // Symmetry pruning is decided for a fresh tree only. A kept tree keeps the pruning it was
      // searched with: none for a subtree kept from below the old root (its visits were spread
      // over moves that pruning here would hide as copies — counted in the root's visits, yet
      // neither listed nor chosen: analysing the position after the opening move on an empty
      // board came back with 19 visits and no moves), the old root's own for the same root.
      // New move restrictions could leave a pruned class without an allowed representative,
      // so a kept tree searched under restrictions goes without pruning.
      if visitsBefore == 0 {
        (t.rootSymmetries, t.rootDuplicate) =
          p.rootSymmetryPruning
          ? PUCTTree.rootSymmetries(state, restrictions: restrictions) : ([Symmetry(0)], [])
      } else if !restrictions.isEmpty {
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
        t.expand(0, children: rootList, own: own, maxNodes: max(p.budget.maxNodes, rootList.count + 1), biasKeys: keys)
        t.nodes[0].inFlight += 1
        t.backup([0], own)
      }
      t.setRootPriors(rootList, noise: noise, noiseWeight: p.rootNoiseWeight)
    }
    return PreparedRoot(eval: rootEval, center: center)
  }

  /// Runs `count` workers on `run`: on the calling thread when `inline` (one worker, returning
  /// after it), else on threads of their own (16 MB stacks: the ladder search recurses) that
  /// leave the returned group when done.
  ///
  /// When the system refuses a thread, the search fails: the refusal becomes `run.failure`
  /// (the search then throws it), the threads already started halt, and the group still
  /// empties, so nobody waits for a thread that never ran.
  func startWorkers(_ run: SearchRun, count: Int, inline: Bool) -> DispatchGroup {
    let group = DispatchGroup()
    if inline && count > 0 {
      work(run)
      return group
    }
    for _ in 0..<count {
      group.enter()
      do {
        try startThread { [self] in
          work(run)
          group.leave()
        }
      } catch {
        group.leave()
        run.failure.withLock { if $0 == nil { $0 = error } }
        run.halt.store(true, ordering: .relaxed)
        break
      }
    }
    return group
  }

  /// Waits for the workers, reporting at the analysis interval and applying the stopping
  /// rules (the timer's, and `auto` thinking's when `auto`); halts the workers when one says
  /// stop. Returns why the timer or `auto` thinking stopped the search (nil: another limit).
  func waitAndReport(
    _ group: DispatchGroup, run: SearchRun, start: ContinuousClock.Instant, timer: SearchTimer?,
    auto: Bool, analysis: AnalysisRequest?, report: (@Sendable (AnalysisSnapshot) -> Void)?,
    visitsBefore: Int
  ) -> StopReason? {
    var timer = timer
    let interval = analysis?.reportInterval
    let every = Duration.seconds(saturating: max(0.001, interval ?? 1))
    var nextReport = interval.map { start + .seconds(saturating: max(0.001, analysis?.firstReportAfter ?? $0)) }
    var lastCheck = start
    var stopReason: StopReason?
    while group.wait(timeout: .now() + Self.waitTick) == .timedOut {
      let now = ContinuousClock.now
      if let due = nextReport, now >= due, let analysis, let report {
        report(snapshot(analysis))
        nextReport = due + every
        if nextReport! < now { nextReport = now + every }
      }
      guard stopReason == nil, let plan = timer?.plan, now - lastCheck >= Self.timerCheckInterval else { continue }
      lastCheck = now
      let elapsed = now - start
      var reason = timer!.check(elapsed: elapsed, rootProgress(visitsBefore: visitsBefore))
      if reason == nil && auto && plan.mayStopEarly
        && autoSettled(spent: elapsed.inSeconds / max(0.001, timer!.horizon.inSeconds))
      {
        reason = .settled
      }
      if let reason {
        stopReason = reason
        run.halt.store(true, ordering: .relaxed)
      }
    }
    return stopReason
  }

  /// The counters of the search that started at `start` and why it ended (`stopReason`, the
  /// timer's, first; then a finished game, `stop()`, the deadline, the visit limit).
  func searchStats(
    _ state: GameState, run: SearchRun, start: ContinuousClock.Instant, visitsBefore: Int, threads: Int,
    plan: TimePlan?, stopReason: StopReason?
  ) -> SearchStats {
    let seconds = (ContinuousClock.now - start).inSeconds
    let (rootVisits, nodeCount) = tree.withLock { (Int($0.nodes[0].visits), $0.nodes.count) }
    var stats = SearchStats()
    stats.rootVisits = rootVisits
    stats.newVisits = rootVisits - visitsBefore
    stats.evaluations = run.evaluations.load(ordering: .relaxed)
    stats.collisions = run.collisions.load(ordering: .relaxed)
    stats.seconds = seconds
    stats.threads = state.isOver ? 0 : threads
    stats.nodes = nodeCount
    stats.plan = plan
    if let stopReason {
      stats.stop = stopReason
    } else if state.isOver {
      stats.stop = .nothingToSearch
    } else if stopFlag.load(ordering: .relaxed) {
      stats.stop = .interrupted
    } else if let deadline = run.deadline, ContinuousClock.now >= deadline {
      stats.stop = .limit
    } else {
      stats.stop = .visitLimit
    }
    return stats
  }

  /// Makes the tree's root stand for `state`: keeps the matching subtree when the game
  /// continued along the tree, else starts afresh. Returns the root's visits kept.
  func prepareTree(for state: GameState) -> Int {
    let line = TreeLine(
      initialHash: state.initialBoard.hash, initialToMove: state.initialToMove,
      moves: state.moves.map(\.move), players: state.moves.map(\.player), rules: state.rules)
    defer { treeLine = line }
    return tree.withLock { t in
      if params.budget.reuseTree, let old = treeLine, old.initialHash == line.initialHash,
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

  /// `auto` thinking's extra stops, `spent` (0…1) into the time (`AutoThinkingParameters`):
  /// one move has 75% of the visits after a quarter of it, or the win rate is past 97% (or
  /// under 3%) after a fifth.
  func autoSettled(spent: Double) -> Bool {
    let a = params.autoThinking
    return tree.withLock { t in
      var first = 0
      var total = 0
      for c in t.children(0) {
        let v = Int(t.nodes[Int(c)].visits)
        total += v
        first = max(first, v)
      }
      guard total > a.minVisits else { return false }
      if spent > a.dominantSpentShare && Double(first) / Double(total) > a.dominantVisitShare { return true }
      let n = t.nodes[0]
      let winrate = 0.5 * (1 + Perspective.sign(t.rootPlayer) * n.mean(n.winLossSum))
      return spent > a.decidedSpentShare && (winrate > a.decidedWinrate || winrate < 1 - a.decidedWinrate)
    }
  }
}

