public import GoCore
import GoFormats
public import GoSearch

/// A match player running a `GoEngine` in this process.
///
/// Like a GTP engine answering `genmove`, it plays the moves it generates on its own board.
public final class EngineMatchPlayer: MatchPlayer {
  public let name: String
  public let displayName: String
  let engine: any GoEngine
  var state = GameState(size: 19)
  var timeControl: TimeControl = .none

  /// A player named `name` in reports and `displayName` (default `Tengen 0.1.0`) in SGF records.
  public init(name: String, displayName: String? = nil, engine: any GoEngine) {
    self.name = name
    self.displayName = displayName ?? TengenVersion.displayName
    self.engine = engine
  }

  public func newGame(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws {
    state = GameState(width: width, height: height, rules: rules)
    self.timeControl = timeControl
    engine.clear()
  }

  public func play(_ move: Move, by player: Player, height: Int) throws {
    try state.play(move, by: player)
  }

  public func generateMove(_ player: Player, clock: ClockState, height: Int, cleanup: Bool) throws
    -> MoveDecision
  {
    if cleanup && state.isOver && !state.isNoResult { state.resume() }
    state.setToMove(player)
    let request = MoveRequest(
      timeControl: timeControl, clock: clock.mainTime.isFinite ? clock : nil, cleanup: cleanup,
      allowResign: !cleanup)
    // Like GTP genmove, the chosen move is played on the player's own board.
    let decision = engine.generateMove(for: state, request: request)
    if case .move(let m) = decision { try state.play(m, by: player) }
    return decision
  }

  public func finalScore() throws -> String? {
    state.score(dead: try engine.deadStones(in: state)).resultString
  }

  public func deadStones(height: Int) throws -> Set<Point>? { try engine.deadStones(in: state) }

  public func close() {}
}
