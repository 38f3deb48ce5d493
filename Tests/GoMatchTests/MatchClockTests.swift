import Foundation
import GoCore
import GoMatch
import GoSearch
import Testing

/// A player that thinks a fixed time per move (it sleeps, so its moves take at least that)
/// and plays the first empty point that is legal and not its own eye.
final class SlowPlayer: MatchPlayer {
  let name: String
  var displayName: String { name }
  let seconds: Double
  var state = GameState(size: 9)

  init(name: String, seconds: Double) {
    self.name = name
    self.seconds = seconds
  }

  func newGame(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws {
    state = GameState(width: width, height: height, rules: rules)
  }

  func play(_ move: Move, by player: Player, height: Int) throws { try state.play(move, by: player) }

  func generateMove(_ player: Player, clock: ClockState, height: Int, cleanup: Bool) throws -> MoveDecision {
    usleep(UInt32(seconds * 1_000_000))
    state.setToMove(player)
    let move = state.legalMoves().first { m in
      guard let p = m.point else { return false }
      return !state.board.isEye(p, of: player)
    } ?? .pass
    try state.play(move, by: player)
    return .move(move)
  }

  func finalScore() throws -> String? { nil }
  func deadStones(height: Int) throws -> Set<Point>? { nil }
  func close() {}
}

/// The match runner on a clock: each move's seconds are recorded and a fallen flag loses.
@Suite struct MatchClockTests {
  func configuration(_ control: TimeControl, dir: String) -> MatchRunner.Configuration {
    .small(dir: dir, timeControl: control)
  }

  func temporaryDirectory() -> String { temporaryMatchDirectory("tengen-clock") }

  /// 60 ms a move against 0.25 s of absolute time: the flag falls by the slow player's fifth
  /// move (its opponent takes 1 ms a move).
  @Test func aFallenFlagLosesAndEveryMoveIsTimed() throws {
    let dir = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let runner = MatchRunner(
      configuration: configuration(.absolute(main: 0.25), dir: dir), a: SlowPlayer(name: "slow", seconds: 0.06),
      b: SlowPlayer(name: "quick", seconds: 0.001))
    try runner.run { _, _ in }
    let record = try #require(runner.records.first)
    #expect(record.result == "W+T" && record.winner == "B")
    #expect(record.timeControl == "absolute:0.25")
    let slow = try #require(record.moveSeconds?["B"])
    #expect(slow.count >= 1 && slow.count <= 5)
    #expect(slow.allSatisfy { $0 >= 0.06 })
    #expect(abs(slow.reduce(0, +) - (record.seconds["B"] ?? 0)) < 1e-9)
    #expect(record.moveSeconds?["W"]?.count == slow.count - 1)
    #expect(record.overtimeMoves?["B"] == [])
  }

  /// Byo-yomi with no main time: every move is made in overtime and recorded as such.
  @Test func overtimeMovesAreMarked() throws {
    let dir = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var config = configuration(.byoyomi(main: 0, period: 0.2, periods: 3), dir: dir)
    config.maxMoves = 6
    let runner = MatchRunner(
      configuration: config, a: SlowPlayer(name: "slow", seconds: 0.01), b: SlowPlayer(name: "slower", seconds: 0.02))
    try runner.run { _, _ in }
    let record = try #require(runner.records.first)
    #expect(record.moves == 6)
    #expect(record.overtimeMoves?["B"] == [0, 1, 2] && record.overtimeMoves?["W"] == [0, 1, 2])
  }
}
