import GoCore
@testable import GoSearch
import Testing

/// Small visit-limited searches run on fewer threads (KataGo's `minPlayoutsPerThread`).
@Suite struct SearchThreadCapTests {
  /// The engine tests' settings with the cap at `minPlayouts` (the visit limit comes per call).
  static func params(threads: Int, minPlayouts: Double) -> PUCTParameters {
    var p = PUCTEngineTests.params(visits: 16, threads: threads)
    p.minPlayoutsPerThread = minPlayouts
    return p
  }

  @Test func capFollowsTheVisitsStillToDo() {
    let p = Self.params(threads: 2, minPlayouts: 8)
    // A fresh 16-visit search: 16 / 8 = 2 threads.
    #expect(PUCTEngine.searchThreadCount(p, maxVisits: 16, visitsBefore: 0) == 2)
    // With visits kept from the last move, 15 or fewer are left: one thread.
    #expect(PUCTEngine.searchThreadCount(p, maxVisits: 16, visitsBefore: 1) == 1)
    #expect(PUCTEngine.searchThreadCount(p, maxVisits: 16, visitsBefore: 30) == 1)
    // Large searches keep every configured thread.
    let many = Self.params(threads: 8, minPlayouts: 8)
    #expect(PUCTEngine.searchThreadCount(many, maxVisits: 100, visitsBefore: 0) == 8)
    #expect(PUCTEngine.searchThreadCount(many, maxVisits: 40, visitsBefore: 0) == 5)
    // No visit limit (time or pondering), or the cap turned off: all threads.
    #expect(PUCTEngine.searchThreadCount(many, maxVisits: nil, visitsBefore: 0) == 8)
    let off = Self.params(threads: 8, minPlayouts: 0)
    #expect(PUCTEngine.searchThreadCount(off, maxVisits: 16, visitsBefore: 10) == 8)
  }

  @Test func searchesReportTheThreadsTheyRan() {
    let engine = PUCTEngine(
      evaluator: ScriptedEvaluator { _ in 0.5 }, params: Self.params(threads: 4, minPlayouts: 8))
    var a = AnalysisRequest()
    a.maxVisits = 16
    let state = GameState(size: 5)
    _ = engine.analyze(state, request: a, report: { _ in })
    #expect(engine.lastStats.threads == 2)
    #expect(engine.lastStats.rootVisits == 16)
    // The same position again keeps its 16 visits; a larger limit leaves 24 to do: 3 threads.
    a.maxVisits = 40
    _ = engine.analyze(state, request: a, report: { _ in })
    #expect(engine.lastStats.newVisits == 24)
    #expect(engine.lastStats.threads == 3)
  }

  @Test func parameterIsSettableByName() throws {
    let engine = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: PUCTParameters())
    #expect(engine.params.minPlayoutsPerThread == 8)
    let spec = try #require(PUCTEngine.parameterSpecs.first { $0.name == "minPlayoutsPerThread" })
    var p = engine.params
    #expect(spec.set(&p, "0"))
    #expect(p.minPlayoutsPerThread == 0)
    #expect(!spec.set(&p, "many"))
  }
}
