import Foundation
import GoCore

/// How long one move may think: what `TimeManager.plan` decided before the search.
///
/// The search aims at `target` and never runs past `limit`; between the two it runs only when
/// `SearchTimer` finds the move unclear. `target ≤ limit` always.
public struct TimePlan: Sendable, Equatable, CustomStringConvertible {
  /// What the plan was made from (for the log line and tests).
  public enum Basis: Sendable, Equatable {
    /// No clock: the engine's default seconds per move.
    case noClock
    /// A fixed number of seconds per move (`maxTime` with no clock).
    case fixed
    /// Main time (absolute, or the main time before overtime).
    case mainTime
    /// Fischer: main time plus the increment.
    case fischer
    /// Canadian overtime with this many stones still to play in the period.
    case canadian(stones: Int)
    /// Japanese byo-yomi with this many periods left, none to be spent on this move.
    case periods(left: Int)
    /// Japanese byo-yomi with this many periods left; an unclear move may spend one.
    case spendablePeriod(left: Int)
    /// The last byo-yomi period: most of it, minus the lag buffer.
    case lastPeriod
  }

  /// The time the search aims at.
  public var target: Duration
  /// The time it never passes (an unclear move may run on to it).
  public var limit: Duration
  public var basis: Basis
  /// Own moves still expected in the game, the planner's horizon.
  public var ownMovesLeft: Double
  /// Whether stopping before `target` can save time (false where unused time is lost, as in a
  /// Japanese byo-yomi period, or where the time per move is fixed).
  public var mayStopEarly: Bool

  public init(
    target: Duration, limit: Duration, basis: Basis, ownMovesLeft: Double, mayStopEarly: Bool
  ) {
    let t = max(.zero, target)
    self.target = t
    self.limit = max(t, limit)
    self.basis = basis
    self.ownMovesLeft = ownMovesLeft
    self.mayStopEarly = mayStopEarly
  }

  /// A plan of `seconds` for both target and limit.
  public init(seconds: Double, basis: Basis, ownMovesLeft: Double, mayStopEarly: Bool) {
    self.init(
      target: .seconds(saturating: max(0, seconds)), limit: .seconds(saturating: max(0, seconds)), basis: basis,
      ownMovesLeft: ownMovesLeft, mayStopEarly: mayStopEarly)
  }

  /// The plan with its target and limit scaled by `factor` (search factors, `auto` thinking);
  /// the limit never grows past the original.
  public func scaled(by factor: Double) -> TimePlan {
    guard factor != 1, factor.isFinite, factor >= 0 else { return self }
    var p = self
    p.target = .seconds(saturating: target.inSeconds * factor)
    p.limit = min(limit, max(p.target, .seconds(saturating: limit.inSeconds * factor)))
    return p
  }

  /// The plan with neither target nor limit past `seconds` (`maxTime` caps every move).
  public func capped(at seconds: Double) -> TimePlan {
    let cap = Duration.seconds(saturating: max(0, seconds))
    var p = self
    p.target = min(target, cap)
    p.limit = min(limit, cap)
    return p
  }

  public var description: String {
    let basis: String
    switch self.basis {
    case .noClock: basis = "no clock"
    case .fixed: basis = "fixed time"
    case .mainTime: basis = "main time"
    case .fischer: basis = "fischer"
    case .canadian(let n): basis = "canadian, \(n) stones left"
    case .periods(let n): basis = "byo-yomi, \(n) periods left"
    case .spendablePeriod(let n): basis = "byo-yomi, \(n) periods left, may spend one"
    case .lastPeriod: basis = "last byo-yomi period"
    }
    return "budget \(String(format: "%.2f", target.inSeconds)) s (limit "
      + "\(String(format: "%.2f", limit.inSeconds)) s, \(basis), "
      + "\(String(format: "%.1f", ownMovesLeft)) own moves left)"
  }
}
