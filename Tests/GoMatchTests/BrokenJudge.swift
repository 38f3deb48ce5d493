import GoCore
import GoMatch
import GoSearch

/// An in-process player that plays normally but cannot judge the end of a game, as an engine
/// whose evaluator failed: for tests that the match reports it.
final class BrokenJudge: MatchPlayer {
  struct JudgeError: Error, CustomStringConvertible {
    var description: String { "cannot judge" }
  }

  let inner: EngineMatchPlayer
  var name: String { inner.name }
  var displayName: String { inner.displayName }

  init(name: String, engine: any GoEngine) { inner = EngineMatchPlayer(name: name, engine: engine) }

  func newGame(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws {
    try inner.newGame(width: width, height: height, rules: rules, timeControl: timeControl)
  }
  func play(_ move: Move, by player: Player, height: Int) throws {
    try inner.play(move, by: player, height: height)
  }
  func generateMove(_ player: Player, clock: ClockState, height: Int, cleanup: Bool) throws -> MoveDecision {
    try inner.generateMove(player, clock: clock, height: height, cleanup: cleanup)
  }
  func finalScore() throws -> String? { throw JudgeError() }
  func deadStones(height: Int) throws -> Set<Point>? { throw JudgeError() }
  func close() {}
}
