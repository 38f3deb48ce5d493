public import GoCore
public import GoSearch

/// One side of a match: an external GTP engine or an in-process Tengen engine.
public protocol MatchPlayer: AnyObject {
  /// The player's full description for reports and `results.jsonl` (an engine spec or
  /// command line).
  var name: String { get }
  /// A short name for SGF records: the engine's own name and version (`GNU Go 3.8`,
  /// `Tengen 0.1.0`), no command line or local path.
  var displayName: String { get }
  /// Starts a new game; the player forgets the previous one.
  func newGame(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws
  /// Tells the player about a move (its own or the opponent's).
  func play(_ move: Move, by player: Player, height: Int) throws
  /// Asks for a move for `player` with `clock` left. With `cleanup` the game was resumed to
  /// settle disputed dead stones: the player should capture what it judges dead before it
  /// passes (`kgs-genmove_cleanup`).
  func generateMove(_ player: Player, clock: ClockState, height: Int, cleanup: Bool) throws
    -> MoveDecision
  /// The player's own count of the finished game (`B+3.5`, `W+0.5`, `0`), if it has one.
  func finalScore() throws -> String?
  /// The stones the player judges dead at the end, if it says.
  func deadStones(height: Int) throws -> Set<Point>?
  /// Ends the player's process, if any.
  func close()
}

/// `B` or `W`, as GTP commands spell the colours.
func colorText(_ p: Player) -> String { p == .black ? "B" : "W" }
