import Foundation
import GoCore
@testable import GoSearch
import TestSupport
import Testing

/// Failures of the evaluator reach the user (a log line, a thrown error) instead of turning
/// into defaults: no dead stones, a silently idle ponder.
@Suite struct SwallowedErrorTests {
  @Test func deadStoneJudgementThrowsWhenTheEvaluatorFails() {
    let engine = PUCTEngine(evaluator: FailingEvaluator())
    var state = GameState(size: 5, rules: .chinese)
    try? state.play(.play(Point(x: 2, y: 2)))
    #expect(throws: FailingEvaluator.BrokenError.self) { try engine.deadStones(in: state) }
  }

  @Test func aPonderingSearchThatFailsIsLogged() {
    var p = PUCTParameters()
    p.ponder = true
    p.threads = 1
    let engine = PUCTEngine(evaluator: FailingEvaluator(), params: p)
    let recorder = LogRecorder()
    engine.log = recorder.sink
    engine.ponder(GameState(size: 5, rules: .chinese))
    engine.stopPondering()  // waits for the pondering thread
    #expect(recorder.lines == ["pondering failed: the backend is broken"])
  }
}
