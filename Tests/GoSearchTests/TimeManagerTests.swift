import GoCore
import GoSearch
import Testing

@Suite struct TimeManagerTests {
  /// Plays a whole 9×9 or 19×19 game's worth of moves against the clock, overshooting every
  /// budget a little, and checks the flag never falls.
  @Test(arguments: [
    TimeControl.absolute(main: 60), .absolute(main: 40), .byoyomi(main: 10, period: 5, periods: 5),
    .canadian(main: 10, period: 30, stones: 10), .fischer(main: 10, increment: 2),
  ], [9, 19])
  func neverRunsOutOfTime(control: TimeControl, size: Int) {
    let lag = 0.5
    var clock = ClockState(start: control)
    let area = size * size
    var empty = area
    // A long game: 60% of the board's points in moves per player, the board filling up.
    for move in 0..<(area * 3 / 5) {
      let budget = TimeManager.budget(
        control: control, clock: clock, emptyPoints: empty, area: area, lagBuffer: lag,
        defaultTime: 5)
      #expect(budget > 0)
      // The engine thinks for the budget, overshooting by 10%, and the move arrives 50 ms later.
      clock = clock.after(move: budget * 1.1 + 0.05, under: control)
      switch control {
      case .absolute, .fischer:
        #expect(clock.mainTime >= 0, "flag fell at move \(move)")
      case .byoyomi:
        #expect(clock.count == 5, "a period was lost at move \(move)")
      case .canadian:
        #expect(!clock.inOvertime || clock.periodTime >= 0, "flag fell at move \(move)")
      case .none:
        break
      }
      if move % 2 == 0 { empty = max(empty - 2, area / 5) }
    }
  }

  @Test func middleGameGetsMoreThanTheOpening() {
    let control = TimeControl.absolute(main: 300)
    let clock = ClockState(start: control)
    let opening = TimeManager.budget(
      control: control, clock: clock, emptyPoints: 361, area: 361, lagBuffer: 0.5, defaultTime: 5)
    let middle = TimeManager.budget(
      control: control, clock: clock, emptyPoints: 250, area: 361, lagBuffer: 0.5, defaultTime: 5)
    #expect(middle > opening)
  }

  @Test func noClockMeansTheDefault() {
    #expect(
      TimeManager.budget(
        control: .none, clock: nil, emptyPoints: 81, area: 81, lagBuffer: 0.5, defaultTime: 3)
        == 3)
  }
}
