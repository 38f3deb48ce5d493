import GoCore
import GoProtocol
import GoSearch
import Testing

/// `time_settings`, `kgs-time_settings`, `kata-time_settings` and `time_left` reach the time
/// manager of a real engine: the rollout engine plans each `genmove` from the clock the
/// controller keeps (a fake controller clock charges nothing, so each plan follows from the
/// commands alone; 30 playouts end every search quickly, and no tree is kept, so no kept-tree
/// discount applies).
@Suite struct GTPTimePlanTests {
  func near(_ d: Duration?, _ seconds: Double) -> Bool {
    guard let d else { return false }
    return abs(d.inSeconds - seconds) < 1e-6
  }

  @Test func clockCommandsReachThePlanner() throws {
    var params = RolloutParameters()
    params.threads = 1
    params.maxPlayouts = 30
    params.ownershipPlayouts = 20
    params.reuseTree = false
    let engine = RolloutEngine(params: params)
    let clock = FakeClock()
    let c = GTPController(
      engine: engine, configuration: GTPConfiguration(width: 9, height: 9),
      now: { clock.seconds })

    // Absolute 60 s, first move of 9×9: (60 − 0.5 − 0.05 × 35.45) / 32.4 own moves × 0.8.
    #expect(c.ok("time_settings 60 0 0") == "")
    #expect(c.ok("genmove b") != nil)
    let first = try #require(engine.lastSummary?.plan)
    #expect(first.basis == .mainTime && near(first.target, (60 - 0.5 - 0.05 * 35.45) / 32.4 * 0.8))
    #expect(engine.lastSummary?.stop == .visitLimit)
    #expect(engine.lastSummary?.timeLine.hasPrefix("time: budget ") == true)

    // KGS byo-yomi, 3 periods of 10 s: 9.5 s a move; this early neither spare period may go
    // (one is the buffer against an overrun, the other too few for 32 own moves).
    #expect(c.ok("kgs-time_settings byoyomi 0 10 3") == "")
    #expect(c.ok("genmove w") != nil)
    let periods = try #require(engine.lastSummary?.plan)
    #expect(periods.basis == .periods(left: 3) && near(periods.target, 9.5) && near(periods.limit, 9.5))

    // A late time_left: 7 s left in the last period.
    #expect(c.ok("time_left b 7 1") == "")
    #expect(c.ok("genmove b") != nil)
    let last = try #require(engine.lastSummary?.plan)
    #expect(last.basis == .lastPeriod && near(last.target, 6.5) && near(last.limit, 6.5))

    // Canadian (GTP time_settings): 12 s left for 3 stones.
    #expect(c.ok("time_settings 0 30 5") == "")
    #expect(c.ok("time_left w 12 3") == "")
    #expect(c.ok("genmove w") != nil)
    let canadian = try #require(engine.lastSummary?.plan)
    #expect(canadian.basis == .canadian(stones: 3) && near(canadian.target, 3.5))

    // Fischer (kata-time_settings); then no clock, where only the playout limit counts.
    #expect(c.ok("kata-time_settings fischer 30 2") == "")
    #expect(c.ok("genmove b") != nil)
    #expect(engine.lastSummary?.plan?.basis == .fischer)
    #expect(c.ok("kgs-time_settings none") == "")
    #expect(c.ok("genmove w") != nil)
    #expect(engine.lastSummary?.plan == nil && engine.lastSummary?.stop == .visitLimit)
  }
}
