import GoCore
@testable import GoSearch
import Testing

/// One parameter mechanism (issue 18, item 11): every numeric parameter of both engines has a
/// documented range that `setParameter` enforces — the one path of GTP's `kata-set-param`,
/// `--config`, `--set`, match specs and the JSON engine's `overrideSettings` — and the
/// settings both engines share are defined once (`SearchBudget`).
@Suite struct ParameterRangeTests {
  /// A setter over a fresh engine of each kind, and the descriptions it documents.
  static var engines: [(String, [ParameterDescription], () -> (String, String) throws(ParameterError) -> Void)] {
    [
    ("puct", PUCTEngine.parameterDescriptions(PUCTParameters()), {
      let e = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: PUCTParameters())
      return { (n: String, v: String) throws(ParameterError) in try e.setParameter(n, v) }
    }),
    ("rollout", RolloutEngine.parameterDescriptions(RolloutParameters()), {
      let e = RolloutEngine()
      return { (n: String, v: String) throws(ParameterError) in try e.setParameter(n, v) }
    }),
    ]
  }

  /// The bounds of a range text `a number from A to B` / `an integer from A to B`.
  static func bounds(_ range: String) -> (Double, Double)? {
    let words = range.split(separator: " ")
    guard let from = words.firstIndex(of: "from"), from + 3 < words.count, words[from + 2] == "to",
      let low = Double(words[from + 1]), let high = Double(words[from + 3])
    else { return nil }
    return (low, high)
  }

  @Test func everyNumericParameterHasARangeThatIsEnforced() throws {
    for (engine, descriptions, make) in Self.engines {
      for d in descriptions where d.range.contains("number") || d.range.contains("integer") {
        // "any finite number" or a bare lower bound would let any size through.
        let (low, high) = try #require(Self.bounds(d.range), "\(engine) \(d.name): \(d.range)")
        let set = make()
        let integer = d.range.contains("integer")
        let above = integer ? String(Int(min(high, 9e17)) + 1) : String(high * 2 + 1)
        if high < 1e18 {
          #expect(throws: ParameterError.self, "\(engine) \(d.name) \(above)") { try set(d.name, above) }
        }
        #expect(throws: ParameterError.self, "\(engine) \(d.name) abc") { try set(d.name, "abc") }
        // The documented bounds themselves are accepted (a value ≤ 0 of an optional limit
        // unsets it).
        let top = integer ? String(Int(min(high, 9e17))) : String(high)
        try set(d.name, top)
        try set(d.name, integer ? String(Int(low)) : String(low))
      }
    }
  }

  @Test func theSharedBudgetIsOneDefinitionForBothEngines() throws {
    let puct = Dictionary(uniqueKeysWithValues: PUCTEngine.parameterDescriptions(PUCTParameters()).map { ($0.name, $0) })
    let rollout = Dictionary(uniqueKeysWithValues: RolloutEngine.parameterDescriptions(RolloutParameters()).map { ($0.name, $0) })
    // Same names (PUCT says numSearchThreads, as KataGo), same accepted values.
    for name in ["defaultMoveTime", "seed", "maxNodes", "resignThreshold", "reuseTree", "lagBuffer", "keptTreeDiscount"] {
      let p = try #require(puct[name], "\(name)")
      let r = try #require(rollout[name], "\(name)")
      #expect(p.range == r.range, "\(name)")
    }
    #expect(puct["numSearchThreads"]?.range == rollout["threads"]?.range)
    // The fields live in the budget; each engine keeps its own defaults.
    var p = PUCTParameters()
    p.threads = 3
    p.time.lagBuffer = 2
    #expect(p.budget.threads == 3 && p.budget.time.lagBuffer == 2)
    #expect(PUCTParameters().budget.maxNodes == 2_000_000 && RolloutParameters().budget.maxNodes == 4_000_000)
    #expect(PUCTParameters().budget.threads == 8 && RolloutParameters().budget.threads == 1)
  }

  @Test func aNewSeedRestartsThePUCTRandomChoices() throws {
    let e = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: PUCTParameters())
    try e.setParameter("seed", "7")
    var fresh = FastRandom(seed: 7)
    #expect(e.rng.next() == fresh.next())
  }
}
