public import GoCore

/// Analysis by the rollout search: win rates from the tree, scores and ownership from the
/// playouts, priors from its move heuristics (normalised over the root's moves).
///
/// `lcb` is a normal approximation (1.96 standard errors below the win rate); `utility` is
/// `2 × winrate − 1`; `scoreLead` and `scoreSelfplay` are both the mean final playout score.
/// Restrictions hold at every tree depth they name; the tree is not reused across them.
extension RolloutEngine: AnalyzingEngine {
  public func analyze(
    _ state: GameState, request: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> AnalysisSnapshot {
    let analysis = RolloutAnalysis(
      state: state, request: request, priorWeight: params.priorWeight,
      playoutLimit: request.maxVisits ?? Int.max, report: report)
    let passAllowed = analysis.permits(.pass, by: state.toMove, depth: 0)
    _ = search(
      state, seconds: request.maxTime ?? .infinity, planner: nil, allowPass: passAllowed,
      analysis: analysis)
    return tree.withLock { analysis.snapshot(of: $0) }
  }

  public func generateMove(
    for state: GameState, request: MoveRequest, analysis: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> MoveDecision {
    let hook = RolloutAnalysis(
      state: state, request: analysis, priorWeight: params.priorWeight,
      playoutLimit: analysis.maxVisits, report: report)
    return chooseMove(for: state, request: request, analysis: hook)
  }
}
