/// How far an engine's recent moves ran past their plans' limits: a CPU shared with busy
/// processes, a search thread that stops late, a dead-stone judgement before the search. The
/// planner adds it to every lag margin (`PlanningContext.overrun`), so an engine on a starved
/// machine plans more cautiously instead of losing on time.
public struct OverrunTracker: Sendable, Equatable {
  /// The current estimate in seconds: the last overrun, or the earlier estimate decayed by
  /// `decay` per move, whichever is larger.
  public private(set) var seconds: Double = 0
  /// Share of the estimate kept per move without a larger overrun.
  public static let decay = 0.7

  public init() {}

  /// Notes a move planned to end by `limit` that took `used` in all.
  public mutating func record(limit: Duration, used: Duration) {
    seconds = max((used - limit).inSeconds, seconds * Self.decay, 0)
  }
}
