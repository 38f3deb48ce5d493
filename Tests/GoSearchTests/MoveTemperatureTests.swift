import GoCore
import GoSearch
import Testing

/// The move temperature schedule (KataGo's `chosenMoveTemperatureEarly` / `Halflife`).
@Suite struct MoveTemperatureTests {
  @Test func earlyTemperatureDecaysWithBoardScaledHalfLife() {
    var p = PUCTParameters()
    #expect(p.moveTemperature(turns: 0, area: 81) == 0)  // Tengen's default: always the best move
    p.chosenMoveTemperature = 0.1
    p.chosenMoveTemperatureEarly = 0.5
    #expect(abs(p.moveTemperature(turns: 0, area: 361) - 0.5) < 1e-12)
    // One half-life: 19 moves on 19×19, 9 moves on 9×9.
    #expect(abs(p.moveTemperature(turns: 19, area: 361) - 0.3) < 1e-12)
    #expect(abs(p.moveTemperature(turns: 9, area: 81) - 0.3) < 1e-12)
    #expect(abs(p.moveTemperature(turns: 400, area: 361) - 0.1) < 1e-6)
  }

  @Test func temperatureSamplesAmongTheSearchedMoves() {
    var p = PUCTParameters()
    p.maxVisits = 60
    p.threads = 1
    p.resignThreshold = 0
    p.chosenMoveTemperatureEarly = 5
    p.chosenMoveTemperature = 5
    p.rootSymmetryPruning = false
    var seen = Set<MoveDecision>()
    for seed in 1...12 {
      p.seed = UInt64(seed)
      let engine = PUCTEngine(evaluator: PUCTEngineTests.targetEvaluator(), params: p)
      seen.insert(engine.generateMove(for: GameState(size: 5), request: MoveRequest()))
    }
    // A high temperature spreads the choice over several moves; at 0 the choice never varies.
    #expect(seen.count > 1)
    p.chosenMoveTemperatureEarly = 0
    p.chosenMoveTemperature = 0
    var fixed = Set<MoveDecision>()
    for seed in 1...4 {
      p.seed = UInt64(seed)
      fixed.insert(PUCTEngine(evaluator: PUCTEngineTests.targetEvaluator(), params: p).generateMove(for: GameState(size: 5), request: MoveRequest()))
    }
    #expect(fixed.count == 1)
  }
}
