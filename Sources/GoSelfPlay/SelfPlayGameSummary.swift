import GoCore

/// One game's line in a row file's index (`rows_NNNNN.json`): what the loop, the dashboard and
/// the false-resignation count read without opening the rows.
public struct SelfPlayGameSummary: Codable, Sendable, Equatable {
  public var index: Int
  public var size: Int
  public var komi: Double
  public var rules: String
  public var moves: Int
  public var openingMoves: Int
  public var rows: Int
  /// SGF `RE` text.
  public var result: String
  /// White's final margin; nil after a resignation.
  public var whiteScore: Double?
  /// "B" or "W" when that side resigned.
  public var resigned: String?
  /// Whether resignation was on for the game (off for the played-out share).
  public var resignationEnabled: Bool
  /// In a played-out game, the side that would have resigned, and whether that was wrong.
  public var wouldHaveResigned: String?
  public var falseResignation: Bool?
  public var seconds: Double
  public var visits: Int
  public var evaluations: Int

  init(_ g: FinishedSelfPlayGame) {
    func letter(_ p: Player?) -> String? { p.map { $0 == .black ? "B" : "W" } }
    index = g.index
    size = g.state.width
    komi = g.state.rules.komi
    rules = g.rulesName
    moves = g.moveCount
    openingMoves = g.openingMoves
    rows = g.rowCount
    result = g.resultText
    whiteScore = g.whiteScore
    resigned = letter(g.resigned)
    resignationEnabled = g.resignationEnabled
    wouldHaveResigned = letter(g.wouldHaveResigned)
    falseResignation = g.falseResignation
    seconds = (g.seconds * 1000).rounded() / 1000
    visits = g.newVisits
    evaluations = g.evaluations
  }
}

/// A committed row file's index: its games. Written after the rows, so its presence marks the
/// file complete.
struct SelfPlayFileIndex: Codable, Sendable {
  var rowsFile: String
  var rows: Int
  var games: [SelfPlayGameSummary]
}
