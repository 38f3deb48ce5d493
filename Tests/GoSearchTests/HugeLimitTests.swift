import GoCore
@testable import GoSearch
import Testing

/// Reliability audit F1–F4: time limits far past any real setting end a search at its other
/// limits instead of trapping in a conversion, and the settings' ranges refuse such values
/// where a user gives them.
@Suite struct HugeLimitTests {
  static let huge: [Double] = [SearchBudget.maxSeconds, 1e16, 2e10, 1e300, .infinity]

  @Test func aPUCTAnalysisWithAHugeTimeStopsAtItsVisitLimit() {
    for t in Self.huge {
      let e = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: PUCTEngineTests.params(visits: 8))
      var a = AnalysisRequest()
      a.maxVisits = 8
      a.maxTime = t
      a.reportInterval = t
      a.firstReportAfter = t
      #expect(e.analyze(GameState(size: 5), request: a) { _ in }.rootInfo.visits == 8, "\(t)")
    }
  }

  @Test func aRolloutAnalysisWithAHugeTimeStopsAtItsPlayoutLimit() {
    for t in Self.huge {
      var p = RolloutParameters()
      p.threads = 1
      let e = RolloutEngine(params: p)
      var a = AnalysisRequest()
      a.maxVisits = 64
      a.maxTime = t
      a.reportInterval = t
      #expect(e.analyze(GameState(size: 5), request: a) { _ in }.rootInfo.visits > 0, "\(t)")
    }
  }

  @Test func aMoveWithAHugeMaxTimeIsPlannedAndPlayed() throws {
    // Set directly, past the setting's range: the conversions themselves must hold.
    for t in Self.huge {
      var p = PUCTEngineTests.params(visits: 8)
      p.maxTime = t
      let puct = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: p)
      #expect(puct.generateMove(for: GameState(size: 5), request: MoveRequest()) != .resign)
      #expect(puct.lastStats.plan?.limit == .seconds(saturating: t))
      var r = RolloutParameters()
      r.threads = 1
      r.maxPlayouts = 64
      r.maxTime = t
      let rollout = RolloutEngine(params: r)
      #expect(rollout.generateMove(for: GameState(size: 5), request: MoveRequest()) != .resign)
    }
  }

  @Test func plansScaleAndCapWithoutTrapping() {
    let plan = TimePlan(seconds: 10, basis: .fixed, ownMovesLeft: 20, mayStopEarly: false)
    #expect(plan.capped(at: 1e300) == plan)
    #expect(plan.scaled(by: 1e300).limit == plan.limit)
    #expect(TimePlan(seconds: 1e300, basis: .fixed, ownMovesLeft: 1, mayStopEarly: false).target
      == .seconds(Duration.saturationSeconds))
  }

  @Test func theSettingsRefuseHugeTimesAndFactors() throws {
    let e = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: PUCTParameters())
    for (name, value) in [
      ("maxTime", "1e300"), ("maxTime", "1e16"), ("defaultMoveTime", "1e300"),
      ("searchFactorAfterOnePass", "1e308"), ("searchFactorAfterTwoPass", "1e308"),
      ("searchFactorWhenWinning", "1e308"), ("numSearchThreads", "400000"),
    ] {
      #expect(throws: ParameterError.self, "\(name) \(value)") { try e.setParameter(name, value) }
    }
    #expect(e.params.maxTime == nil)
    let r = RolloutEngine()
    #expect(throws: ParameterError.self) { try r.setParameter("maxTime", "2e10") }
    var p = RolloutParameters()
    #expect(throws: ParameterError.self) { try RolloutEngine.setParameter("threads", "0", in: &p) }
    try RolloutEngine.setParameter("maxTime", String(SearchBudget.maxSeconds), in: &p)
    #expect(p.maxTime == SearchBudget.maxSeconds)
  }
}
