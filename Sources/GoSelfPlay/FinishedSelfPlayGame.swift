public import GoCore

/// A self-play game played to its end (two passes, the move cap, or a resignation), with
/// everything its rows and record need.
public struct FinishedSelfPlayGame: Sendable {
  /// The game's index in the run (its seed derives from it).
  public var index: Int
  /// The final position with every move, the opening's included.
  public var state: GameState
  /// The rules preset name drawn for the game.
  public var rulesName: String
  /// Moves at the start sampled from the raw policy (no search, no rows).
  public var openingMoves: Int
  /// The searched moves, in order, after the opening.
  var turns: [SelfPlayTurn]
  /// White's final margin (komi included), or nil when the game ended by resignation.
  public var whiteScore: Double?
  /// The winner (nil: a draw).
  public var winner: Player?
  /// The side that resigned, if one did.
  public var resigned: Player?
  /// In a game played out with resignation enabled for measurement: the side that would
  /// have resigned first (nil: nobody would have).
  public var wouldHaveResigned: Player?
  /// Whether resignation was enabled for this game (false for the played-out fraction).
  public var resignationEnabled: Bool
  /// Final ownership per padded board index (nil after a resignation).
  var finalOwnership: [Stone]?
  /// Wall-clock seconds the game took.
  public var seconds: Double

  /// Moves played in all.
  public var moveCount: Int { state.moves.count }
  /// Full searches, i.e. training rows.
  public var rowCount: Int { turns.filter(\.full).count }
  /// Visits the game's searches added.
  public var newVisits: Int { turns.reduce(0) { $0 + $1.newVisits } }
  /// Network evaluations the game's searches asked for.
  public var evaluations: Int { turns.reduce(0) { $0 + $1.evaluations } }
  /// `RE` text: `B+3.5`, `W+R`, `0` (draw).
  public var resultText: String {
    if let resigned { return resigned == .black ? "W+R" : "B+R" }
    guard let s = whiteScore, s != 0 else { return "0" }
    let m = abs(s)
    let text = m == m.rounded() ? String(Int(m)) : String(m)
    return (s > 0 ? "W+" : "B+") + text
  }
  /// For a played-out game where someone would have resigned: whether that side went on to
  /// win or draw (a false resignation).
  public var falseResignation: Bool? {
    guard let r = wouldHaveResigned else { return nil }
    return winner != r.opponent
  }
}
