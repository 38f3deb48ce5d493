import GoCore
import Testing

@Suite struct ClockTests {
  @Test func canadianPeriodsRefill() {
    let tc = TimeControl.canadian(main: 10, period: 30, stones: 3)
    var c = ClockState(start: tc)
    c = c.after(move: 4, under: tc)
    #expect(c.mainTime == 6 && !c.inOvertime)
    c = c.after(move: 8, under: tc)  // 6 s of main, 2 s of the first period
    #expect(c.inOvertime && c.periodTime == 28 && c.count == 2)
    c = c.after(move: 5, under: tc)
    c = c.after(move: 5, under: tc)  // third stone: the period refills
    #expect(c.periodTime == 30 && c.count == 3)
  }

  @Test func byoyomiUsesPeriodsOnlyWhenOverrun() {
    let tc = TimeControl.byoyomi(main: 5, period: 10, periods: 3)
    var c = ClockState(start: tc)
    c = c.after(move: 7, under: tc)  // 5 main + 2 of a period: no period lost
    #expect(c.inOvertime && c.count == 3)
    c = c.after(move: 25, under: tc)  // overruns two periods
    #expect(c.count == 1)
  }

  @Test func byoyomiOverrunIsComputedNotLooped() {
    let tc = TimeControl.byoyomi(main: 0, period: 0.001, periods: 1_000_000_000)
    let c = ClockState(start: tc).after(move: 1e7, under: tc)
    #expect(c.count == 0)  // ten million seconds overrun every period at once
    let d = ClockState(start: tc).after(move: 0.0105, under: tc)
    #expect(d.count == 1_000_000_000 - 10)
  }

  @Test func fischerAddsTheIncrement() {
    let tc = TimeControl.fischer(main: 60, increment: 5)
    #expect(ClockState(start: tc).after(move: 3, under: tc).mainTime == 62)
  }
}
