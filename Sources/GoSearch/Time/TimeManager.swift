public import GoCore

/// Decides how long to think about one move from the clock.
///
/// Spends main time evenly over the moves expected to remain (more in the middle game), uses
/// overtime periods to the full minus the lag buffer, and never plans past what is left on the
/// clock minus the lag buffer.
public enum TimeManager {
  /// Seconds to spend on the next move.
  /// - Parameters:
  ///   - emptyPoints: empty points on the board (a proxy for the game's remaining length).
  ///   - area: board area.
  public static func budget(
    control: TimeControl, clock: ClockState?, emptyPoints: Int, area: Int,
    lagBuffer: Double, defaultTime: Double
  ) -> Double {
    guard let clock, control != .none else { return defaultTime }
    // Moves this player still expects to make: half of the empty points, at least a sixth of
    // the board, so the end game keeps a reserve.
    let movesLeft = Double(max(emptyPoints / 2, area / 6, 12))
    // Every move also costs the lag; keep that for the moves still to come, and ten more.
    let overhead = lagBuffer * (movesLeft + 10)
    // Middle-game weighting: the opening and the late end game are cheaper.
    let filled = 1 - Double(emptyPoints) / Double(max(area, 1))
    let phase = filled < 0.1 ? 0.8 : (filled < 0.6 ? 1.4 : 1.0)
    let minimum = 0.05
    switch control {
    case .none:
      return defaultTime
    case .absolute:
      let usable = clock.mainTime - overhead
      return max(minimum, min(usable * 0.5, usable / movesLeft * phase))
    case .fischer(_, let inc):
      let usable = clock.mainTime - overhead
      return max(minimum, min(usable * 0.5, usable / movesLeft * phase + inc * 0.8))
    case .byoyomi(_, let period, _):
      let periodUse = max(minimum, period * 0.9 - lagBuffer)
      if clock.inOvertime || clock.mainTime <= 0 { return periodUse }
      let fromMain = clock.mainTime / movesLeft * phase
      return max(minimum, min(clock.mainTime + periodUse, max(fromMain, periodUse * 0.5)))
    case .canadian(_, let period, let stones):
      if clock.inOvertime || clock.mainTime <= 0 {
        let left = clock.inOvertime ? clock.periodTime : period
        let count = clock.inOvertime ? max(clock.count, 1) : max(stones, 1)
        return max(minimum, (left - lagBuffer) / Double(count) * 0.9)
      }
      let usable = clock.mainTime - lagBuffer
      return max(minimum, min(usable * 0.5, usable / movesLeft * phase))
    }
  }
}
