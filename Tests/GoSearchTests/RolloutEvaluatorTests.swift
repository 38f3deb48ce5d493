import GoCore
import GoNeuralNet
import GoSearch
import Testing

@Suite struct RolloutEvaluatorTests {
  /// A capturing race on 5x5: Black's left column and White's second column each have one
  /// liberty; Black to move captures at B1 (x 1, y 4) and wins, or loses four stones.
  static func captureRace() throws -> GameState {
    var s = GameState(size: 5, rules: .chinese)
    s.setup(
      black: (0..<4).flatMap { [Point(x: 0, y: $0), Point(x: 2, y: $0)] },
      white: (0..<4).map { Point(x: 1, y: $0) })
    s.setToMove(.black)
    return s
  }

  @Test func playoutsValueTheCapture() throws {
    let s = try Self.captureRace()
    let e = RolloutEvaluator(playouts: 200, seed: 3)
    var blackCaptures = s
    try blackCaptures.play(.play(Point(x: 1, y: 4)))
    var whiteCaptures = s
    try whiteCaptures.play(.pass)
    try whiteCaptures.play(.play(Point(x: 0, y: 4)))
    let good = try e.evaluate(blackCaptures, isRoot: false)
    let bad = try e.evaluate(whiteCaptures, isRoot: false)
    #expect(good.whiteWin < bad.whiteWin)
    #expect(good.whiteWin < 0.2)
    #expect(good.whiteLead < bad.whiteLead)
    let root = try e.evaluate(s, isRoot: true)
    #expect(root.policy[0 * 5 + 1] == -1)  // occupied
    // Ownership of a black stone that cannot die is Black's (negative in White's view).
    #expect(good.whiteOwnership[0 * 5 + 2] < -0.9)
  }

  @Test func puctWithPlayoutsFindsTheCapture() throws {
    var p = PUCTParameters()
    p.maxVisits = 300
    p.threads = 2
    p.resignThreshold = 0
    let engine = PUCTEngine(evaluator: RolloutEvaluator(playouts: 8, seed: 5), params: p)
    #expect(engine.generateMove(for: try Self.captureRace(), request: MoveRequest()) == .move(.play(Point(x: 1, y: 4))))
  }

  @Test func mixedEvaluatorBlendsValuesAndKeepsThePolicy() throws {
    let s = try Self.captureRace()
    let net = ScriptedEvaluator { _ in 0.9 }
    let rollouts = RolloutEvaluator(playouts: 64, seed: 7)
    let r = try rollouts.evaluate(s, isRoot: true)
    let rollouts2 = RolloutEvaluator(playouts: 64, seed: 7)
    let half = try MixedEvaluator(network: net, rollouts: rollouts2, lambda: 0.5).evaluate(s, isRoot: true)
    #expect(abs(half.whiteWin - (0.5 * 0.9 + 0.5 * r.whiteWin)) < 1e-5)
    #expect(half.policy == (try net.evaluate(s, isRoot: true)).policy)
    let none = try MixedEvaluator(network: net, rollouts: rollouts, lambda: 0).evaluate(s, isRoot: true)
    #expect(none.whiteWin == 0.9)
  }
}
