import GoCore

/// The one score-perspective convention of both engines.
///
/// Every value a search accumulates is from **White's** point of view, as the network reports
/// it: PUCT node sums (`PUCTNode`), the playout evaluator's values (`RolloutEvaluator`), the
/// rollout search's simulation results (`RolloutTree.backup`'s `whiteResult`; each node counts
/// it as a win or loss of its own player) and ownership sums (`RolloutTree.ownership`,
/// `SearchSummary.ownership`), and the rollout analysis' playout scores and ownership
/// (`RolloutAnalysis`). Board counts keep GoCore's convention, Black minus White
/// (`GameState.score`, `Playout.areaDifference`, `RolloutEngine.addOwnership` and
/// `estimateOwnership`), and turn into White's view where they enter a search's statistics.
///
/// Reports (`AnalysisSnapshot`, logs) are from the player to move. `sign(_:)` turns a
/// White-view value into a player's view and is the only place search values change
/// perspective, so no selection, backup or report can flip a sign on its own.
enum Perspective {
  /// +1 for White, −1 for Black: multiplies a White-view value into `player`'s view.
  @inline(__always)
  static func sign(_ player: Player) -> Double { player == .white ? 1 : -1 }

  /// `whiteValue` in `player`'s view for a report: `sign(player) · whiteValue`, with a zero
  /// always +0 (a mean of exactly 0 would otherwise print as `-0` for one colour).
  @inline(__always)
  static func view(_ whiteValue: Double, for player: Player) -> Double {
    whiteValue * sign(player) + 0
  }
}
