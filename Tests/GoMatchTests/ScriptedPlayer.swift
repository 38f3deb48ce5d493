import GoCore
import GoMatch
import GoSearch

/// A match player that plays a fixed list of moves and then passes, with a separate list for a
/// cleanup play-out, and names dead stones by a rule over its own board: for referee tests.
final class ScriptedPlayer: MatchPlayer {
  let name: String
  var displayName: String { name }
  var moves: [Move]
  var cleanupMoves: [Move]
  let dead: (GameState) -> Set<Point>
  private(set) var state = GameState(size: 5)
  private(set) var cleanupRequests = 0

  init(name: String, moves: [Move], cleanupMoves: [Move] = [], dead: @escaping (GameState) -> Set<Point>) {
    self.name = name
    self.moves = moves
    self.cleanupMoves = cleanupMoves
    self.dead = dead
  }

  func newGame(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws {
    state = GameState(width: width, height: height, rules: rules)
  }
  func play(_ move: Move, by player: Player, height: Int) throws { try state.play(move, by: player) }
  func generateMove(_ player: Player, clock: ClockState, height: Int, cleanup: Bool) throws -> MoveDecision {
    if cleanup { cleanupRequests += 1 }
    var list = cleanup ? cleanupMoves : moves
    let move = list.isEmpty ? Move.pass : list.removeFirst()
    if cleanup { cleanupMoves = list } else { moves = list }
    try state.play(move, by: player)
    return .move(move)
  }
  func finalScore() throws -> String? { state.score(dead: dead(state)).resultString }
  func deadStones(height: Int) throws -> Set<Point>? { dead(state) }
  func close() {}
}
