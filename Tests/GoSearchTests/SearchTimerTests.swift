import GoCore
import GoSearch
import Testing

/// The stopping rules on made-up search progress and elapsed times (no clock, no sleeping).
@Suite struct SearchTimerTests {
  let a = Move.play(Point(x: 2, y: 2))
  let b = Move.play(Point(x: 6, y: 6))

  func timer(target: Double = 1, limit: Double = 2, early: Bool = true) -> SearchTimer {
    SearchTimer(
      plan: TimePlan(
        target: .seconds(target), limit: .seconds(limit), basis: .mainTime, ownMovesLeft: 20,
        mayStopEarly: early),
      parameters: TimeParameters())
  }

  @Test func stopsWhenTheRunnerUpCannotCatchUp() {
    var t = timer()
    // 0.5 s in at 2000 visits/s: 1000 more visits before the target; a lead of 850 can fall.
    #expect(t.check(elapsed: .milliseconds(500), SearchProgress(best: a, bestVisits: 900, secondVisits: 50, newVisits: 1000)) == nil)
    // 0.8 s in: 400 visits left, a lead of 1300 cannot.
    #expect(t.check(elapsed: .milliseconds(800), SearchProgress(best: a, bestVisits: 1400, secondVisits: 100, newVisits: 1600)) == .dominant)
  }

  @Test func earlyStopCanBeTurnedOff() {
    var q = TimeParameters()
    q.earlyStopMargin = 0
    var t = SearchTimer(plan: timer().plan, parameters: q)
    #expect(t.check(elapsed: .milliseconds(800), SearchProgress(best: a, bestVisits: 1400, secondVisits: 100, newVisits: 1600)) == nil)
  }

  @Test func aClearMoveStopsAtTheTarget() {
    var t = timer()
    let p = SearchProgress(best: a, bestVisits: 1000, secondVisits: 400, bestValue: 0.6, secondValue: 0.5, newVisits: 1500)
    #expect(t.check(elapsed: .milliseconds(100), p) == nil)
    #expect(t.check(elapsed: .milliseconds(1000), p) == .plannedTime)
    #expect(!t.extended)
  }

  @Test func closeVisitsExtendUpToTheLimit() {
    var t = timer()
    let p = SearchProgress(best: a, bestVisits: 1000, secondVisits: 800, bestValue: 0.6, secondValue: 0.5, newVisits: 1800)
    #expect(t.check(elapsed: .milliseconds(100), p) == nil)
    #expect(t.check(elapsed: .milliseconds(1000), p) == nil)
    #expect(t.extended && t.horizon == .seconds(2))
    #expect(t.check(elapsed: .milliseconds(1500), p) == nil)
    #expect(t.check(elapsed: .milliseconds(2000), p) == .extendedTime)
  }

  @Test func closeValuesExtend() {
    var t = timer()
    let p = SearchProgress(best: a, bestVisits: 1000, secondVisits: 200, bestValue: 0.52, secondValue: 0.51, newVisits: 1200)
    _ = t.check(elapsed: .milliseconds(100), p)
    #expect(t.check(elapsed: .milliseconds(1000), p) == nil && t.extended)
  }

  @Test func aLateChangeOfTheBestMoveExtends() {
    var t = timer()
    _ = t.check(elapsed: .milliseconds(100), SearchProgress(best: a, bestVisits: 300, secondVisits: 200, newVisits: 500))
    // b overtakes at 0.9 s, within the last quarter of the time spent at the target.
    _ = t.check(elapsed: .milliseconds(900), SearchProgress(best: b, bestVisits: 700, secondVisits: 650, newVisits: 1350))
    let p = SearchProgress(best: b, bestVisits: 900, secondVisits: 400, bestValue: 0.6, secondValue: 0.5, newVisits: 1500)
    #expect(t.check(elapsed: .milliseconds(1000), p) == nil && t.extended)
    // The same progress with b best since 0.1 s is clear.
    var u = timer()
    _ = u.check(elapsed: .milliseconds(100), SearchProgress(best: b, bestVisits: 300, secondVisits: 100, newVisits: 500))
    #expect(u.check(elapsed: .milliseconds(1000), p) == .plannedTime)
  }

  @Test func byoyomiPeriodsNeverStopEarly() {
    // Unused period time is lost: even a lead no visit count can overturn runs to the target.
    var t = timer(target: 0.9, limit: 0.9, early: false)
    let p = SearchProgress(best: a, bestVisits: 5000, secondVisits: 10, newVisits: 5000)
    #expect(t.check(elapsed: .milliseconds(500), p) == nil)
    #expect(t.check(elapsed: .milliseconds(900), p) == .limit)
  }

  @Test func noExtensionWithoutRoomForOne() {
    var t = timer(target: 1, limit: 1)
    let p = SearchProgress(best: a, bestVisits: 1000, secondVisits: 990, newVisits: 2000)
    #expect(t.check(elapsed: .milliseconds(1000), p) == .limit)
  }
}
