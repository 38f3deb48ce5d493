public import GoCore

/// Decides, while one search runs, when it stops: at the plan's target when the best move is
/// clear, later (up to the plan's limit) when it is not, earlier when the runner-up cannot
/// catch up in the time left.
///
/// It reads no clock: the engine passes the time elapsed since the search began (a
/// `ContinuousClock` duration), so tests drive it with made-up durations.
public struct SearchTimer: Sendable {
  public let plan: TimePlan
  public let parameters: TimeParameters
  /// True once the move was found unclear at the target and given more time.
  public private(set) var extended = false
  /// The best move seen at the last check and when it became the best.
  public private(set) var best: Move?
  public private(set) var bestSince: Duration = .zero

  public init(plan: TimePlan, parameters: TimeParameters) {
    self.plan = plan
    self.parameters = parameters
  }

  /// The time this search now means to stop at: the target, or the limit once extended.
  public var horizon: Duration { extended ? plan.limit : plan.target }

  /// Whether to stop now, `elapsed` into the search with the root as `progress` says; nil
  /// means go on. Call it every few milliseconds; each call notes a change of the best move.
  public mutating func check(elapsed: Duration, _ progress: SearchProgress) -> StopReason? {
    if progress.best != best {
      best = progress.best
      bestSince = elapsed
    }
    if elapsed >= plan.limit { return extended ? .extendedTime : .limit }
    if elapsed >= plan.target && !extended {
      guard plan.limit > plan.target, isUnclear(elapsed: elapsed, progress) else {
        return .plannedTime
      }
      extended = true
    }
    if plan.mayStopEarly && cannotBeCaught(elapsed: elapsed, progress) { return .dominant }
    return nil
  }

  /// Leela Zero's and KataGo's rule: the visits the rest of the horizon would bring at this
  /// search's rate, times `earlyStopMargin`, are fewer than the best move's lead.
  func cannotBeCaught(elapsed: Duration, _ p: SearchProgress) -> Bool {
    let margin = parameters.earlyStopMargin
    let spent = elapsed.inSeconds
    // Too early for a rate: the first 50 ms (or tenth of the target) and the first visits.
    guard margin > 0, p.newVisits >= 8, spent >= min(0.05, plan.target.inSeconds / 10),
      p.best != nil
    else { return false }
    let rate = Double(p.newVisits) / spent
    let left = max(0, (horizon - elapsed).inSeconds)
    return Double(p.bestVisits - p.secondVisits) > rate * left * margin
  }

  /// The best move is unclear: the runner-up has nearly as many visits, or a nearly equal win
  /// rate with a tenth of the visits, or the best move changed late.
  public func isUnclear(elapsed: Duration, _ p: SearchProgress) -> Bool {
    let q = parameters
    guard p.bestVisits > 0 else { return false }
    if Double(p.secondVisits) >= q.unclearVisitRatio * Double(p.bestVisits) { return true }
    if p.secondVisits * 10 >= p.bestVisits && abs(p.bestValue - p.secondValue) <= q.unclearValueGap {
      return true
    }
    return bestSince > .zero
      && (elapsed - bestSince).inSeconds <= q.lateChangeShare * elapsed.inSeconds
  }
}
