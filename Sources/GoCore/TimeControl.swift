/// A game's time system, as GTP `time_settings` and `kgs-time_settings` describe it.
public enum TimeControl: Hashable, Sendable {
  /// No time limit.
  case none
  /// `main` seconds for the whole game.
  case absolute(main: Double)
  /// `main` seconds, then `stones` moves in every `period` seconds.
  case canadian(main: Double, period: Double, stones: Int)
  /// `main` seconds, then `periods` periods of `period` seconds; a period is used up only when a
  /// move takes longer than it.
  case byoyomi(main: Double, period: Double, periods: Int)
  /// `main` seconds plus `increment` seconds added after every move.
  case fischer(main: Double, increment: Double)

  /// Whether main time is followed by overtime (Canadian or byo-yomi periods).
  public var hasOvertime: Bool {
    switch self {
    case .canadian, .byoyomi: return true
    case .none, .absolute, .fischer: return false
    }
  }
}

/// What is left on one player's clock.
public struct ClockState: Hashable, Sendable {
  /// Seconds of main time left.
  public var mainTime: Double
  /// Seconds left in the current overtime period (Canadian: for the remaining stones).
  public var periodTime: Double
  /// Canadian: stones still to play in this period. Byo-yomi: periods left.
  public var count: Int
  /// True once main time is used up and overtime has begun.
  public var inOvertime: Bool

  public init(mainTime: Double, periodTime: Double = 0, count: Int = 0, inOvertime: Bool = false) {
    self.mainTime = mainTime
    self.periodTime = periodTime
    self.count = count
    self.inOvertime = inOvertime
  }

  /// A full clock at the start of a game under `control`.
  public init(start control: TimeControl) {
    switch control {
    case .none: self.init(mainTime: .infinity)
    case .absolute(let main): self.init(mainTime: main)
    case .canadian(let main, let period, let stones):
      self.init(mainTime: main, periodTime: period, count: stones, inOvertime: main <= 0)
    case .byoyomi(let main, let period, let periods):
      self.init(mainTime: main, periodTime: period, count: periods, inOvertime: main <= 0)
    case .fischer(let main, _): self.init(mainTime: main)
    }
  }

  /// The clock after a move that took `seconds` under `control`.
  public func after(move seconds: Double, under control: TimeControl) -> ClockState {
    var c = self
    switch control {
    case .none: break
    case .absolute: c.mainTime -= seconds
    case .fischer(_, let inc): c.mainTime += inc - seconds
    case .canadian(_, let period, let stones):
      var t = seconds
      if !c.inOvertime {
        if t <= c.mainTime {
          c.mainTime -= t
          return c
        }
        // The move that runs out of main time is the first move of the first period.
        t -= c.mainTime
        c.mainTime = 0
        c.inOvertime = true
        c.periodTime = period
        c.count = stones
      }
      c.periodTime -= t
      c.count -= 1
      if c.count <= 0 {
        c.periodTime = period
        c.count = stones
      }
    case .byoyomi(_, let period, _):
      var t = seconds
      if !c.inOvertime {
        let used = min(t, c.mainTime)
        c.mainTime -= used
        t -= used
        if c.mainTime <= 0 { c.inOvertime = true }
      }
      if c.inOvertime {
        // Each whole period the move overran is lost (computed, not looped: counts can be big).
        if t > period && period > 0 {
          let lost = Int(((t - period) / period).rounded(.up))
          c.count = max(0, c.count - lost)
        } else if t > period {
          c.count = 0
        }
        c.periodTime = period
      }
    }
    return c
  }
}
