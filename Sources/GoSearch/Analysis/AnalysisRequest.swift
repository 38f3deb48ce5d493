public import GoCore

/// What an analysis should compute, how long, and how often to report.
public struct AnalysisRequest: Sendable, Equatable {
  /// Stop after this many root visits (nil: no limit).
  public var maxVisits: Int?
  /// Stop after this many seconds (nil: no limit; then only `stop()` ends an analysis).
  public var maxTime: Double?
  /// Seconds between reports (nil: report only at the end).
  public var reportInterval: Double?
  /// Seconds before the first report (nil: `reportInterval`).
  public var firstReportAfter: Double?
  /// Fill `AnalysisSnapshot.ownership`.
  public var includeOwnership = false
  /// Fill `AnalysisSnapshot.ownershipStdev`.
  public var includeOwnershipStdev = false
  /// Fill each `AnalysisMoveInfo.ownership`.
  public var includeMovesOwnership = false
  /// Fill each `AnalysisMoveInfo.ownershipStdev`.
  public var includeMovesOwnershipStdev = false
  /// Fill `AnalysisSnapshot.policy`.
  public var includePolicy = false
  /// Moves in each PV after the first.
  public var pvLength = 15
  /// Report at least this many moves (0-visit ones by prior if needed).
  public var minMoves = 0
  /// Report at most this many moves (nil: all with visits).
  public var maxMoves: Int?
  /// Moves forbidden or exclusively allowed near the root.
  public var restrictions: [MoveRestriction] = []
  /// Root policy temperature (> 1 widens the search); nil = the engine's setting.
  public var rootPolicyTemperature: Double?
  /// Root first-play-urgency reduction; nil = the engine's setting.
  public var rootFpuReductionMax: Double?
  /// Wide root noise (KataGo's `wideRootNoise`); nil = the engine's setting.
  public var wideRootNoise: Double?
  /// Evaluate the root without the moves before it (KataGo's analysis default).
  public var ignorePreRootHistory = false

  public init() {}
}

/// An `avoid` or `allow` list of `lz-analyze`/`kata-analyze` and the JSON engine.
public struct MoveRestriction: Sendable, Hashable {
  /// Whose moves are restricted.
  public var player: Player
  /// The moves listed (pass allowed).
  public var moves: Set<Move>
  /// Plies from the root during which the restriction holds (1 = the root move only).
  public var untilDepth: Int
  /// True: only `moves` are allowed; false: `moves` are forbidden.
  public var isAllowList: Bool

  public init(player: Player, moves: Set<Move>, untilDepth: Int, isAllowList: Bool) {
    self.player = player
    self.moves = moves
    self.untilDepth = untilDepth
    self.isAllowList = isAllowList
  }

  /// True if `move` by `player` at `depth` plies from the root (0 = the root's move) is
  /// allowed by every restriction in `list`.
  public static func permits(
    _ list: [MoveRestriction], move: Move, player: Player, depth: Int
  ) -> Bool {
    for r in list where r.player == player && depth < r.untilDepth {
      if r.isAllowList != r.moves.contains(move) { return false }
    }
    return true
  }
}
