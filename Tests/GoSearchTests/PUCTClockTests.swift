import Foundation
import GoCore
import GoSearch
import Testing

@Suite struct PUCTClockTests {
  /// A whole 7×7 game on a short clock with a slowish evaluator: the real time each move takes
  /// is charged to the clock, and the flag must never fall. The lag buffer (0.5 s) is what a
  /// move may overrun its budget by when the machine is loaded (the whole suite runs in
  /// parallel on two cores in CI): the engine must stop within it.
  @Test(arguments: [
    TimeControl.absolute(main: 8), .byoyomi(main: 1, period: 1.2, periods: 1),
    .fischer(main: 3, increment: 0.3),
  ])
  func puctNeverLosesOnTime(control: TimeControl) throws {
    let slow = ScriptedEvaluator { s in
      usleep(300)
      return Float(s.board.stoneCount(.white) % 5) / 10 + 0.3
    }
    var p = PUCTParameters()
    p.threads = 2
    p.time.lagBuffer = 0.5
    p.resignThreshold = 0
    let engine = PUCTEngine(evaluator: slow, params: p)
    engine.log = { _ in }
    var state = GameState(size: 7, rules: .chinese)
    var clock = ClockState(start: control)
    for move in 0..<30 where !state.isOver {
      let before = clock
      let t0 = Date()
      let d = engine.generateMove(
        for: state, request: MoveRequest(timeControl: control, clock: clock))
      clock = clock.after(move: Date().timeIntervalSince(t0), under: control)
      // Every move was planned from the clock; a byo-yomi period is never cut short.
      let stats = engine.lastStats
      #expect(stats.plan != nil && stats.timeLine.hasPrefix("time: budget "))
      if case .byoyomi = control, before.inOvertime { #expect(stats.plan?.mayStopEarly == false && stats.stop != .dominant) }
      switch control {
      case .absolute, .fischer: #expect(clock.mainTime >= 0, "flag fell at move \(move)")
      case .byoyomi: #expect(clock.count == 1, "period lost at move \(move)")
      default: break
      }
      guard case .move(let m) = d else { break }
      try state.play(m)
      // The opponent answers instantly with its first legal non-pass move, or passes.
      if !state.isOver {
        let reply = state.legalMoves().first { !$0.isPass && !state.board.isEye($0.point!, of: state.toMove) } ?? .pass
        try state.play(reply)
      }
    }
  }
}
