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
    let me = state.toMove
    let anyBoardMove = state.board.points.contains { state.board[$0] == .empty && state.isLegal(.play($0)) }
    let forbidPass = request.cleanup && anyBoardMove
    var limits = SearchLimits()
    switch params.thinking {
    case .fast:
      limits.maxVisits = max(1, params.fastVisits)
    case .slow, .auto:
      limits.maxVisits = params.maxVisits
      if let t = params.maxTime {
        limits.seconds = t
      } else if params.maxVisits == nil || request.clock != nil {
        limits.seconds = TimeManager.budget(
          control: request.timeControl, clock: request.clock,
          emptyPoints: state.board.emptyCount, area: state.board.area,
          lagBuffer: params.lagBuffer, defaultTime: params.defaultMoveTime)
        limits.earlyStop = true
        limits.auto = params.thinking == .auto
        if limits.auto { limits.seconds! *= autoBudgetFactor(state) }
      }
      // Less after the opponent's passes (the game is ending) and once the game is clearly won.
      let factor = SearchFactor.factor(
        moves: state.moves, recentWhiteWinLoss: recentWhiteWinLoss, player: me, params: params)
      if factor != 1 {
        limits.maxVisits = limits.maxVisits.map { max(1, Int((Double($0) * factor).rounded(.up))) }
        limits.seconds = limits.seconds.map { $0 * factor }
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
    // The opponent passed and passing now wins (dead stones judged as the rules allow): pass.
    if !request.cleanup, let last = state.moves.last, last.move == .pass, choice != .pass,
      passingWins(state)
    {
      choice = .pass
    }
    // Resign only after several clearly lost moves, well into the game.
    let filled = 1 - Double(state.board.emptyCount) / Double(state.board.area)
    if params.resignThreshold > 0 && visits > 0 && winrate < params.resignThreshold {
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
        let s = PUCTTree.perspective(t.rootPlayer)
        return (0.5 * (1 + s * n.mean(n.winLossSum)), 0)
      }
      let n = t.nodes[Int(c)]
      let s = PUCTTree.perspective(t.rootPlayer)
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
    return PUCTTree.perspective(state.toMove) * v.winLoss > 0
  }

  /// `auto` thinking: a budget factor from the root policy's entropy (a sure move gets less).
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
    return min(1.5, max(0.3, 0.3 + 1.6 * normalised))
  }
}

extension PUCTTree {
  /// The root child with the most weight among `candidates`, or a well-visited one (weight at
  /// least `minVisitPropForLcb` of the most) whose utility lower confidence bound is higher.
  func bestChild(_ candidates: [Int32], _ p: PUCTParameters, mover: Player? = nil) -> Int32 {
    var best = candidates[0]
    for c in candidates where Self.weighsMore(nodes[Int(c)], nodes[Int(best)]) { best = c }
    guard p.useLcbForSelection else { return best }
    let most = nodes[Int(best)].weightSum
    var bestLcb = utilityLcb(best, p, mover: mover).lcb
    var chosen = best
    for c in candidates where nodes[Int(c)].weightSum >= p.minVisitPropForLcb * most {
      let l = utilityLcb(c, p, mover: mover).lcb
      if l > bestLcb {
        bestLcb = l
        chosen = c
      }
    }
    return chosen
  }

  /// Order for the move choice: more weight first, then more visits, then the higher prior.
  static func weighsMore(_ a: PUCTNode, _ b: PUCTNode) -> Bool {
    if a.weightSum != b.weightSum { return a.weightSum > b.weightSum }
    return ranksAbove(a, b)
  }

  /// A child's mean utility for the player choosing it (default: the root's player) and its
  /// lower confidence bound (with a root child's ending bonus).
  ///
  /// The second moment is blended with a pseudo-sample `lcbPriorUtilityRange`² wider, weighted
  /// W / ess³ (it matters for the first few visits only); radius = `lcbStdevs` · √(variance /
  /// effective samples).
  func utilityLcb(_ c: Int32, _ p: PUCTParameters, mover: Player? = nil) -> (
    mean: Double, lcb: Double, radius: Double
  ) {
    let n = nodes[Int(c)]
    guard n.visits > 0, n.weightSum > 0 else { return (0, -1e9, 1e9) }
    let weight = n.weightSum
    let mean = n.utilitySum / weight
    let meanSq = n.utilitySqSum / weight
    let ess = n.effectiveSamples
    let priorWeight = weight / (ess * ess * ess)
    let range = p.lcbPriorUtilityRange
    let blendedSq = (meanSq * weight + (meanSq + range * range) * priorWeight) / (weight + priorWeight)
    let blendedEss = (weight + priorWeight) * (weight + priorWeight) / (n.weightSqSum + priorWeight * priorWeight)
    let variance = max(0, blendedSq - mean * mean)
    let radius = p.lcbStdevs * (variance / blendedEss).squareRoot()
    let s = Self.perspective(mover ?? rootPlayer)
    // A root child's ending bonus counts in its bound, not in its reported mean (KataGo).
    let bonus = n.parent == 0 ? rootEnding?.utilityDiff(n) ?? 0 : 0
    return (s * mean, s * (mean + bonus) - radius, radius)
  }
}
