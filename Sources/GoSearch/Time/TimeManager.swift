public import GoCore

/// Plans how long one move may think, for both engines and every clock GTP and KGS can set.
///
/// Main time is spread over the own moves the game is still expected to last
/// (`ownMovesLeft`), more in the middle game; overtime periods are used as far as they go
/// minus the lag buffer; the move that runs out of main time may spill into its first
/// overtime move. The plan never ends later than the lag buffer before the clock (or period)
/// runs out. `docs/SEARCH.md`, *Time management*, gives the formulas.
///
/// Every margin for lag (`lagBuffer`, `minMoveTime`) grows by the context's `overrun`: how
/// far recent moves ran past their limits.
///
/// Pure: a plan depends only on its arguments (tests use synthetic clocks).
public struct TimeManager: Sendable {
  public var parameters: TimeParameters

  public init(_ parameters: TimeParameters = TimeParameters()) {
    self.parameters = parameters
  }

  /// The plan for the next move.
  /// - Parameters:
  ///   - control: the game's time system; `clock`: the mover's clock (nil: none known).
  ///   - context: board size, moves played, the position's settled share, a kept tree.
  ///   - maxTime: seconds no move may pass (`maxTime`, `--time`); with no clock, the fixed
  ///     time per move.
  ///   - noClockTime: seconds per move with no clock and no `maxTime`.
  public func plan(
    control: TimeControl, clock: ClockState?, context: PlanningContext, maxTime: Double?,
    noClockTime: Double
  ) -> TimePlan {
    let own = ownMovesLeft(context)
    guard control != .none, let clock, clock.mainTime.isFinite else {
      if let maxTime {
        return TimePlan(seconds: maxTime, basis: .fixed, ownMovesLeft: own, mayStopEarly: false)
      }
      return TimePlan(seconds: noClockTime, basis: .noClock, ownMovesLeft: own, mayStopEarly: true)
    }
    // Recent moves that ran past their limits (a starved CPU, a slow stop) widen the margins.
    let margin = Margins(
      lag: parameters.lagBuffer + context.overrun, minMove: parameters.minMoveTime + context.overrun)
    let lag = margin.lag
    var plan: TimePlan
    switch control {
    case .none:
      plan = TimePlan(seconds: noClockTime, basis: .noClock, ownMovesLeft: own, mayStopEarly: true)
    case .absolute:
      plan = mainTimePlan(main: clock.mainTime, increment: 0, context, own: own, margin)
    case .fischer(_, let increment):
      plan = mainTimePlan(main: clock.mainTime, increment: increment, context, own: own, margin)
    case .canadian(_, let period, let stones):
      if clock.inOvertime || clock.mainTime <= 0 {
        let left = clock.inOvertime ? clock.periodTime : period
        let n = clock.inOvertime ? max(1, clock.count) : max(1, stones)
        plan = canadianPlan(periodLeft: left, stones: n, own: own, margin)
      } else {
        let perStone = max(0, period - lag * Double(max(1, stones))) / Double(max(1, stones))
        plan = mainTimePlan(main: clock.mainTime, overtimeMove: perStone, context, own: own)
      }
    case .byoyomi(_, let period, let periods):
      if clock.inOvertime || clock.mainTime <= 0 {
        let left = clock.inOvertime ? clock.count : periods
        // A late `time_left` may report less than a whole period in the current one.
        let current = clock.inOvertime && clock.periodTime > 0 ? min(period, clock.periodTime) : period
        plan = periodPlan(current: current, period: period, periodsLeft: left, own: own, lag: lag)
      } else {
        plan = mainTimePlan(main: clock.mainTime, overtimeMove: max(0, period - lag), context, own: own)
      }
    }
    if let maxTime { plan = plan.capped(at: maxTime) }
    return discountedForKeptTree(plan, context)
  }

  /// Absolute time and Fischer: the usable main time (what is left, less the lag buffer and
  /// `minMoveTime` for each later own move the increment does not pay for — the own moves
  /// expected after this one plus the end-game floor's `endgameMovesShare · area / 2` again,
  /// for a game that runs long) over the own moves
  /// left, weighted by the game phase, plus the increment. An unclear move may reach
  /// `maxMainShare` of the usable time; no move plans past the usable time.
  func mainTimePlan(
    main: Double, increment: Double, _ context: PlanningContext, own: Double, _ margin: Margins
  ) -> TimePlan {
    let p = parameters
    // Later own moves: those expected, and the end-game floor's again for a game that runs long.
    let later = max(0, own - 1) + p.endgameMovesShare * Double(context.area) / 2
    let reserve = margin.lag + max(0, margin.minMove - increment) * later
    let usable = max(0, main - reserve)
    let target = min(usable, usable / own * phaseFactor(context) + increment)
    let extended = max(target, min(usable * p.maxMainShare + increment, target * p.unclearTimeFactor))
    return TimePlan(
      target: .seconds(saturating: target), limit: .seconds(saturating: min(usable, extended)),
      basis: increment > 0 ? .fischer : .mainTime, ownMovesLeft: own, mayStopEarly: true)
  }

  /// Main time before overtime: main time over the own moves left, weighted by the phase,
  /// plus what one overtime move may use (`overtimeMove`, lag already taken off): the move
  /// that runs out of main time may spill that far into overtime, and no main time is hoarded
  /// while every later overtime move gets as much anyway.
  func mainTimePlan(main: Double, overtimeMove: Double, _ context: PlanningContext, own: Double) -> TimePlan {
    let safe = main + overtimeMove
    let target = min(safe, main / own * phaseFactor(context) + overtimeMove)
    return TimePlan(
      target: .seconds(saturating: target), limit: .seconds(saturating: min(safe, target * parameters.unclearTimeFactor)),
      basis: .mainTime, ownMovesLeft: own, mayStopEarly: true)
  }

  /// Canadian overtime: the period's time left, less the lag buffer of each stone still to
  /// play, shared evenly by those stones; an unclear move may take more from the later ones'
  /// share (keeping their lag and `minMoveTime`). Time saved stays in the period, except on
  /// its last stone.
  func canadianPlan(periodLeft: Double, stones n: Int, own: Double, _ margin: Margins) -> TimePlan {
    let p = parameters
    let count = Double(n)
    let target = max(0, periodLeft - margin.lag * count) / count
    let safe = max(0, periodLeft - margin.lag - (margin.lag + margin.minMove) * (count - 1))
    return TimePlan(
      target: .seconds(saturating: min(target, safe)),
      limit: .seconds(saturating: min(safe, target * p.unclearTimeFactor)), basis: .canadian(stones: n),
      ownMovesLeft: own, mayStopEarly: n > 1)
  }

  /// Japanese byo-yomi: every move uses the current period less the lag buffer (time left
  /// in a period is lost, so nothing stops early). With spendable periods (all but the last
  /// and the `bufferPeriods` kept against an overrun) at least one and at least
  /// `periodSpendRate` per own move left, an unclear move may spend one and think through the
  /// next whole period too.
  func periodPlan(current: Double, period: Double, periodsLeft: Int, own: Double, lag: Double) -> TimePlan {
    let use = max(0, current - lag)
    guard periodsLeft > 1 else {
      return TimePlan(seconds: use, basis: .lastPeriod, ownMovesLeft: own, mayStopEarly: false)
    }
    let spendable = Double(periodsLeft - 1 - parameters.bufferPeriods)
    guard spendable >= max(1, parameters.periodSpendRate * own) else {
      return TimePlan(
        seconds: use, basis: .periods(left: periodsLeft), ownMovesLeft: own, mayStopEarly: false)
    }
    return TimePlan(
      target: .seconds(saturating: use), limit: .seconds(saturating: use + period),
      basis: .spendablePeriod(left: periodsLeft), ownMovesLeft: own, mayStopEarly: false)
  }

  /// A kept tree (pondering, or the last move's search) already holds part of the visits the
  /// move would get: the target shrinks by `keptTreeDiscount` × that part, estimated from
  /// the last search's visit rate. Only where saved time is kept.
  func discountedForKeptTree(_ plan: TimePlan, _ context: PlanningContext) -> TimePlan {
    guard plan.mayStopEarly, context.keptVisits > 0, let rate = context.visitRate, rate > 0
    else { return plan }
    let kept = Double(context.keptVisits)
    let share = kept / (kept + rate * plan.target.inSeconds)
    var p = plan
    p.target = .seconds(saturating: plan.target.inSeconds * (1 - parameters.keptTreeDiscount * share))
    return p
  }

  /// The lag kept back on this move and the least time a later move needs.
  struct Margins {
    var lag: Double
    var minMove: Double
  }
}
