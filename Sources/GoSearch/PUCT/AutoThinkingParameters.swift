/// The settings of `auto` thinking (`PUCTParameters.thinking`): how the root policy's entropy
/// scales a move's time, and when a search may stop before its target because the position
/// looks settled. `docs/SEARCH.md`, *Time*, explains them.
public struct AutoThinkingParameters: Sendable, Hashable {
  /// The time factor of a move with a certain policy (normalised entropy 0) — and the least.
  public var minBudgetFactor: Double = 0.3
  /// The most the time factor reaches, however uncertain the policy.
  public var maxBudgetFactor: Double = 1.5
  /// How fast the factor grows with the normalised entropy (0…1): `min + slope · entropy`.
  public var entropySlope: Double = 1.6
  /// The settled stops wait for more root-children visits than this.
  public var minVisits: Int = 20
  /// Stop once this share of the time is spent and one move has `dominantVisitShare` of the
  /// visits ...
  public var dominantSpentShare: Double = 0.25
  /// ... the share of the root children's visits that one move must hold.
  public var dominantVisitShare: Double = 0.75
  /// Stop once this share of the time is spent and the win rate is past `decidedWinrate` (or
  /// under 1 − it) ...
  public var decidedSpentShare: Double = 0.2
  /// ... the win rate (0…1) from which the game counts as decided.
  public var decidedWinrate: Double = 0.97

  public init() {}

  /// The time factor for a root policy of normalised entropy `entropy` (0: one sure move,
  /// 1: uniform).
  public func budgetFactor(entropy: Double) -> Double {
    min(maxBudgetFactor, max(minBudgetFactor, minBudgetFactor + entropySlope * entropy))
  }
}
