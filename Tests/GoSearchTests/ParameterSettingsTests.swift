import GoCore
@testable import GoSearch
import Testing

/// Start-up settings (`tengen gtp --config FILE --set ...`, extra match-spec keys).
@Suite struct ParameterSettingsTests {
  static func engine() -> PUCTEngine {
    PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: PUCTParameters())
  }

  @Test func configFileAndOverridesSetParametersInOrder() throws {
    var s = ParameterSettings()
    try s.addConfig(
      """
      # KataGo-style config
      maxVisits = 64   # per move
        searchFactorWhenWinning=1

      nnCacheSizePowerOfTwo = 20
      """, file: "my.cfg")
    try s.addOverrides("maxVisits=32, minPlayoutsPerThread=0")
    let e = Self.engine()
    let warnings = try s.apply(to: e)
    #expect(e.params.maxVisits == 32)  // the override came later
    #expect(e.params.searchFactorWhenWinning == 1)
    #expect(e.params.minPlayoutsPerThread == 0)
    // A KataGo key Tengen has no use for only warns, naming the line.
    #expect(warnings == ["my.cfg:5: unused key 'nnCacheSizePowerOfTwo' (not a parameter of this engine)"])
  }

  @Test func errorsNameTheirSource() throws {
    var bad = ParameterSettings()
    #expect(throws: ParameterError("a.cfg:2: expected 'name = value', not 'maxVisits'")) {
      try bad.addConfig("# ok\nmaxVisits\n", file: "a.cfg")
    }
    #expect(throws: ParameterError("expected name=value, not '=3'")) { try bad.addOverrides("=3") }
    // A bad value stops with the line; an unknown override name is an error, not a warning.
    var s = ParameterSettings()
    try s.addConfig("maxTime = soon", file: "b.cfg")
    #expect(throws: ParameterError("b.cfg:1: Invalid value for maxTime: soon (-1 (no limit) or a number from 0 to 1000000 (0: no limit))")) {
      try s.apply(to: Self.engine())
    }
    var o = ParameterSettings()
    try o.addOverrides("maxVisitz=3")
    #expect(throws: ParameterError("--set: Unknown parameter: maxVisitz")) { try o.apply(to: Self.engine()) }
  }

  /// Both engines' tables document every parameter (what `tengen gtp --print-config` and
  /// `configs/gtp_example.cfg` show), and their error messages say what a parameter accepts.
  @Test func everyParameterOfBothEnginesHasADocAndItsAcceptedValues() throws {
    let puct = PUCTEngine.parameterDescriptions(PUCTParameters())
    let rollout = RolloutEngine.parameterDescriptions(RolloutParameters())
    #expect(puct.map(\.name) == Self.engine().parameterValues.map(\.name))
    #expect(rollout.map(\.name) == RolloutEngine().parameterValues.map(\.name))
    for d in puct + rollout {
      #expect(!d.doc.isEmpty && !d.range.isEmpty, "\(d.name)")
      #expect(!d.doc.contains("\n") && !d.range.contains("\n"), "\(d.name)")
    }
    let engine = RolloutEngine()
    #expect(throws: ParameterError("Invalid value for threads: 0 (an integer from 1 to 1024)")) {
      try engine.setParameter("threads", "0")
    }
    #expect(throws: ParameterError("Unknown parameter: nonsense")) { try engine.setParameter("nonsense", "1") }
    try engine.setParameter("numSearchThreads", "3")  // KataGo's name
    try engine.setParameter("maxVisits", "50")
    #expect(engine.params.threads == 3 && engine.params.maxPlayouts == 50)
    try engine.setParameter("maxPlayouts", "none")
    #expect(engine.params.maxPlayouts == nil)
  }
}
