import Foundation
public import GoCore
import GoFormats
import GoNeuralNet

/// Move choice: time budget, final-move selection (LCB, temperature), passing and resigning.
extension PUCTEngine {
  public func generateMove(
    for state: GameState, request: MoveRequest, analysis: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> MoveDecision {
    generateMove(for: state, request: request, analysis: analysis, finalReport: report)
  }

  /// `generateMove`; with `finalReport`, streams at the analysis interval (if any) and then
  /// reports the final tree once, as KataGo's `*genmove_analyze` commands end.
  func generateMove(
    for state: GameState, request: MoveRequest, analysis: AnalysisRequest,
    finalReport report: (@Sendable (AnalysisSnapshot) -> Void)?
  ) -> MoveDecision {
    if state.isOver { return .move(.pass) }
    let moveStart = ContinuousClock.now
    let me = state.toMove
    let forbidPass = request.cleanup && mustCapture(in: state, for: me)
    var limits = SearchLimits()
    switch params.thinking {
    case .fast:
      limits.maxVisits = max(1, params.fastVisits)
    case .slow, .auto:
      limits.maxVisits = params.maxVisits
      // Less after the opponent's passes (the game is ending) and once the game is clearly won.
      var factor = SearchFactor.factor(
        moves: state.moves, recentWhiteWinLoss: recentWhiteWinLoss, player: me, params: params)
      if factor != 1 {
        limits.maxVisits = limits.maxVisits.map { max(1, Int(saturating: (Double($0) * factor).rounded(.up))) }
      }
      if params.budget.maxTime != nil || params.maxVisits == nil || request.clock != nil {
        if params.thinking == .auto && params.budget.maxTime == nil {
          limits.auto = true
          factor *= autoBudgetFactor(state)
        }
        limits.plan = timePlanner(for: state, request: request, factor: factor)
      }
    }
    let interval = analysis.reportInterval != nil
    do {
      try runSearch(
        state, limits: limits, restrictions: analysis.restrictions, forbidRootPass: forbidPass,
        analysis: interval ? analysis : nil, report: interval ? report : nil)
      if let report { report(snapshot(analysis)) }
    } catch {
      log("search failed: \(error); playing the first legal move")
      return .move(state.legalMoves().first { !$0.isPass || !forbidPass } ?? .pass)
    }
    let temperature = params.moveTemperature(turns: state.moves.count, area: state.board.area)
    var choice = chooseMove(
      restrictions: analysis.restrictions, forbidPass: forbidPass, player: me, temperature: temperature)
    let (winrate, visits) = rootWinrate(of: choice)
    recentWhiteWinLoss = Array((recentWhiteWinLoss + [rootWhiteWinLoss()]).suffix(3))
    log(
      "\(me == .black ? "B" : "W") \(GTPVertex.text(choice, height: state.height)) winrate \(String(format: "%.3f", winrate)) visits \(lastStats.rootVisits) "
        + "(+\(lastStats.newVisits) in \(String(format: "%.2f", lastStats.seconds)) s, \(lastStats.evaluations) evals, \(lastStats.threads) threads)")
    log(lastStats.timeLine)
    // The opponent passed and passing now wins (dead stones judged as the rules allow): pass.
    if !request.cleanup, let last = state.moves.last, last.move == .pass, choice != .pass,
      passingWins(state)
    {
      choice = .pass
    }
    if let plan = lastStats.plan { overrun.record(limit: plan.limit, used: ContinuousClock.now - moveStart) }
    // Resign only after several clearly lost moves, well into the game.
    let filled = 1 - Double(state.board.emptyCount) / Double(state.board.area)
    if params.budget.resignThreshold > 0 && visits > 0 && winrate < params.budget.resignThreshold {
      lowWinrateStreak += 1
    } else {
      lowWinrateStreak = 0
    }
    if request.allowResign && lowWinrateStreak >= params.resignConsecutiveTurns
      && filled >= params.resignMinFill
    {
      return .resign
    }
    return .move(choice)
  }

  /// The move to play from the searched root: the most visited, unless a well-visited move
  /// has a better lower confidence bound; sampled by visits when a temperature is set; the
  /// raw policy's best when nothing was visited.
  func chooseMove(
    restrictions: [MoveRestriction], forbidPass: Bool, player: Player, temperature: Double
  ) -> Move {
    let p = params
    var chosen: Move = .pass
    var sample: Double = 0
    if temperature > 0 { sample = rng.unit() }
    tree.withLock { t in
      let suppressPass = t.rootEnding?.suppressesPass(t.children(0).map { t.nodes[Int($0)] }) ?? false
      let allowed = t.children(0).filter { c in
        let m = t.nodes[Int(c)].move
        if (forbidPass || suppressPass) && m == .pass { return false }
        if t.isRootDuplicate(c) || t.isRootPruned(c) { return false }
        return MoveRestriction.permits(restrictions, move: m, player: player, depth: 0)
      }
      guard !allowed.isEmpty else { return }
      let visited = allowed.filter { t.nodes[Int($0)].visits > 0 }
      if visited.isEmpty {
        chosen = t.nodes[Int(allowed.max { t.nodes[Int($0)].prior < t.nodes[Int($1)].prior }!)].move
        return
      }
      if temperature > 0 {
        // Relative to the heaviest so that small temperatures cannot overflow.
        let top = visited.map { t.nodes[Int($0)].weightSum }.max() ?? 1
        let weights = visited.map { pow(t.nodes[Int($0)].weightSum / top, 1 / temperature) }
        let total = weights.reduce(0, +)
        var acc = 0.0
        for (c, w) in zip(visited, weights) {
          acc += w / total
          if sample < acc {
            chosen = t.nodes[Int(c)].move
            return
          }
        }
        chosen = t.nodes[Int(visited.last!)].move
        return
      }
      chosen = t.nodes[Int(t.bestChild(visited, p))].move
    }
    return chosen
  }

  /// The root's win rate after `move` for the player to move, and that child's visits.
  func rootWinrate(of move: Move) -> (Double, Int) {
    tree.withLock { t in
      guard let c = t.child(of: 0, move: move), t.nodes[Int(c)].visits > 0 else {
        let n = t.nodes[0]
        let s = Perspective.sign(t.rootPlayer)
        return (0.5 * (1 + s * n.mean(n.winLossSum)), 0)
      }
      let n = t.nodes[Int(c)]
      let s = Perspective.sign(t.rootPlayer)
      return (0.5 * (1 + s * n.mean(n.winLossSum)), Int(n.visits))
    }
  }

  /// White's win/loss value (−1…1) averaged over the root's whole search.
  func rootWhiteWinLoss() -> Double {
    tree.withLock { t in t.nodes[0].visits > 0 ? t.nodes[0].mean(t.nodes[0].winLossSum) : 0 }
  }

  /// True if passing after the opponent's pass ends the game with a win for the player to
  /// move, counting dead stones as the rules let players agree on them.
  func passingWins(_ state: GameState) -> Bool {
    var after = state
    guard (try? after.play(.pass)) != nil, after.isOver else { return false }
    let own = tree.withLock { $0.rootEval?.whiteOwnership }
    let v = Self.terminalValues(after, whiteOwnership: own, center: 0, params)
    return Perspective.sign(state.toMove) * v.winLoss > 0
  }

  /// The move's time plan, made once the root is evaluated (`runSearch` passes the root's
  /// ownership and the visits kept from pondering or the last move), scaled by `factor`.
  func timePlanner(
    for state: GameState, request: MoveRequest, factor: Double
  ) -> @Sendable ([Float], Int) -> TimePlan {
    let manager = TimeManager(params.time)
    let (control, clock) = (request.timeControl, request.clock)
    let (maxTime, noClockTime) = (params.budget.maxTime, params.budget.defaultMoveTime)
    let (area, moves) = (state.board.area, state.moves.count)
    let last = lastStats
    let overrunSeconds = overrun.seconds
    let rate = last.seconds > 0 && last.newVisits > 0 ? Double(last.newVisits) / last.seconds : nil
    return { ownership, kept in
      let context = PlanningContext(
        area: area, movesPlayed: moves, settledShare: manager.settledShare(ownership),
        keptVisits: kept, visitRate: rate, overrun: overrunSeconds)
      return manager.plan(
        control: control, clock: clock, context: context, maxTime: maxTime, noClockTime: noClockTime
      ).scaled(by: factor)
    }
  }

  /// `auto` thinking: a budget factor from the root policy's entropy (a sure move gets less;
  /// `AutoThinkingParameters.budgetFactor`).
  func autoBudgetFactor(_ state: GameState) -> Double {
    guard let e = try? evaluator.evaluate(state, isRoot: true) else { return 1 }
    var h = 0.0
    var n = 0
    for v in e.policy where v > 0 {
      h -= Double(v) * Foundation.log(Double(v))
      n += 1
    }
    if e.passProbability > 0 { h -= Double(e.passProbability) * Foundation.log(Double(e.passProbability)) }
    let normalised = n > 1 ? h / Foundation.log(Double(n)) : 0
    return params.autoThinking.budgetFactor(entropy: normalised)
  }
}
