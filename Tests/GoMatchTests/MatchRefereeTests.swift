import Foundation
import GoCore
import GoMatch
import GoSearch
import Testing

/// The referee's count when the engines disagree on dead stones: neither side's judgement
/// decides; a cleanup play-out does (as on KGS).
@Suite struct MatchRefereeTests {
  static func column(_ x: Int) -> [Move] { (0..<5).map { .play(Point(x: x, y: $0)) } }

  /// Black walls column 1 and White column 3 on 5x5: 10 points each, White wins by komi 7.
  func run(_ black: ScriptedPlayer, _ white: ScriptedPlayer) throws -> MatchRunner.GameRecord {
    let dir = temporaryMatchDirectory("tengen-referee")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let runner = MatchRunner(configuration: .small(dir: dir, komi: 7), a: black, b: white)
    runner.warn = { _ in }
    try runner.run { _, _ in }
    return try #require(runner.records.first)
  }

  @Test func aFalseClaimOfDeadStonesDoesNotWin() throws {
    // Black calls every White stone dead; under the old union rule that gave Black the board.
    let liar = ScriptedPlayer(name: "liar", moves: Self.column(1)) { s in
      Set(s.board.points.filter { s.board[$0] == .white })
    }
    let honest = ScriptedPlayer(name: "honest", moves: Self.column(3)) { _ in [] }
    let record = try run(liar, honest)
    #expect(record.deadStonesAgree == false)
    #expect(record.cleanupMoves == 2)  // both pass at once: nothing to capture
    #expect(honest.cleanupRequests == 1 && liar.cleanupRequests == 1)
    #expect(record.result == "W+7")
    #expect(record.reason.hasPrefix("dead stones disputed"))
  }

  @Test func aDeadStoneClaimedAliveIsCapturedInTheCleanup() throws {
    // Black leaves a stone at (4,2) inside White's area and calls it alive; White captures it
    // in the cleanup, and the count is White's true margin.
    let black = ScriptedPlayer(name: "black", moves: Self.column(1) + [.play(Point(x: 4, y: 2))]) { _ in [] }
    let white = ScriptedPlayer(
      name: "white", moves: Self.column(3),
      cleanupMoves: [.play(Point(x: 4, y: 1)), .play(Point(x: 4, y: 3))]
    ) { s in Set(s.board.points.filter { s.board[$0] == .black && $0.x > 3 }) }
    let record = try run(black, white)
    #expect(record.deadStonesAgree == false)
    #expect(record.cleanupMoves == 5)  // W (4,1), B pass, W (4,3) captures, B pass, W pass
    #expect(record.result == "W+7")
  }

  @Test func agreedDeadStonesAreRemovedWithoutACleanup() throws {
    let judge: (GameState) -> Set<Point> = { s in Set(s.board.points.filter { s.board[$0] == .black && $0.x > 3 }) }
    let black = ScriptedPlayer(name: "black", moves: Self.column(1) + [.play(Point(x: 4, y: 2))], dead: judge)
    let white = ScriptedPlayer(name: "white", moves: Self.column(3), dead: judge)
    let record = try run(black, white)
    #expect(record.deadStonesAgree == true)
    #expect(record.cleanupMoves == nil && black.cleanupRequests == 0)
    #expect(record.result == "W+7")
  }
}
