import GoCore
import GoProtocol
import GoSearch
import Testing

/// Reliability audit F3, F4: `kata-set-param` with a time or a search factor far out of range
/// is refused with the parameter's range, changes nothing, and the next `genmove` plays
/// (these values once trapped the process at that `genmove`).
@Suite struct GTPHugeSettingTests {
  func check(_ c: GTPController, _ name: String, _ value: String, keeps old: String) {
    let reply = c.send("kata-set-param \(name) \(value)")
    #expect(reply.hasPrefix("? Invalid value for \(name): \(value) ("), "\(reply)")
    #expect(c.ok("kata-get-param \(name)") == old)
  }

  @Test func theRolloutEngineRefusesAHugeMaxTime() {
    var params = RolloutParameters()
    params.threads = 1
    params.maxPlayouts = 100
    params.ownershipPlayouts = 50
    let c = GTPController(
      engine: RolloutEngine(params: params), configuration: GTPConfiguration(width: 9, height: 9, rules: .chinese))
    check(c, "maxTime", "1e300", keeps: "none")
    check(c, "maxTime", "2e10", keeps: "none")
    #expect(c.ok("genmove b") != nil)
  }

  @Test func thePUCTEngineRefusesHugeTimesAndFactors() {
    var params = PUCTParameters()
    params.threads = 1
    params.maxVisits = 30
    let engine = PUCTEngine(evaluator: RolloutEvaluator(playouts: 4), params: params)
    engine.log = { _ in }
    let c = GTPController(engine: engine, configuration: GTPConfiguration(width: 9, height: 9, rules: .chinese))
    check(c, "maxTime", "1e300", keeps: "-1")
    check(c, "searchFactorAfterOnePass", "1e308", keeps: "0.5")
    check(c, "searchFactorAfterTwoPass", "1e308", keeps: "0.25")
    #expect(c.ok("play b pass") == "")
    #expect(c.ok("genmove w") != nil)
  }
}
