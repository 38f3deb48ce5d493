public import GoCore
public import GoFormats
public import GoSearch

/// A decoded analysis query: the positions to analyse, how, and how to report.
public struct AnalysisQuery: Sendable {
  /// One position of the query (an entry of `analyzeTurns`).
  ///
  /// A turn keeps its number, not its position: `state` replays the query's moves when the
  /// turn is analysed (see `PositionSpec.state(at:)` for why).
  public struct Turn: Sendable {
    /// Moves played before this position (0 = before `moves[0]`).
    public var number: Int
    /// Higher runs first; ties by arrival.
    public var priority: Int
    /// `thisHash` and `symHash` of the position, for its results.
    public var thisHash: String
    public var symHash: String
    /// The query's position part, shared by its turns.
    let position: PositionSpec

    /// The position: the query's first `number` moves played. Takes a replay of them.
    public var state: GameState { position.state(at: number) }
  }

  /// Echoed in every response.
  public var id: String
  /// The positions to analyse, in the order given.
  public var turns: [Turn]
  /// Limits, includes, restrictions and search overrides.
  public var request: AnalysisRequest
  /// How signed values are reported.
  public var perspective: ReportPerspective
  /// Add `pvVisits`/`pvEdgeVisits`.
  public var includePVVisits = false
  /// Add each move's `noResultValue`.
  public var includeNoResultValue = false
  /// Engine parameters to set for this query only (`overrideSettings` names the engine knows).
  public var parameters: [(name: String, value: String)] = []
  /// Warnings to print before the results (the query still runs).
  public var warnings: [AnalysisMessage] = []
}

extension AnalysisQuery {
  /// Top-level keys of an analysis query.
  static let knownKeys: Set<String> = [
    "id", "moves", "initialStones", "initialPlayer", "rules", "komi", "whiteHandicapBonus",
    "boardXSize", "boardYSize", "analyzeTurns", "maxVisits", "rootPolicyTemperature",
    "rootFpuReductionMax", "analysisPVLen", "includeOwnership", "includeOwnershipStdev",
    "includeMovesOwnership", "includeMovesOwnershipStdev", "includePolicy", "includePVVisits",
    "includeNoResultValue", "avoidMoves", "allowMoves", "overrideSettings",
    "reportDuringSearchEvery", "firstReportDuringSearchAfter", "priority", "priorities",
  ]

  /// The message for a query whose top-level key is unknown.
  static let unusedFieldWarning =
    "Unexpected or unused field, do you have a typo? (set warnUnusedFields=false in the config to disable this warning)"

  /// Decodes the query object `fields` with id `id`.
  ///
  /// `engineParameters` are the names `overrideSettings` may set on the engine besides the
  /// ones the request itself carries. Throws the first field error; the query is then dropped.
  public static func decode(
    id: String, fields: [String: JSONValue], configuration: AnalysisConfiguration,
    engineParameters: Set<String> = []
  ) throws(AnalysisMessage) -> AnalysisQuery {
    let f = QueryFields(fields)
    let position = try PositionSpec.decode(f, maxBoardSize: configuration.maxBoardSize)
    let turnNumbers = try f.turnNumbers(moveCount: position.moves.count)
    let priorities = try f.priorities(count: turnNumbers.count)
    let wanted = Set(turnNumbers)
    var hashes: [Int: (this: String, sym: String)] = [:]
    try position.replay { n, state in
      if wanted.contains(n) {
        hashes[n] = (PositionHash.this(state), PositionHash.symmetric(state))
      }
    }
    var query = AnalysisQuery(
      id: id,
      turns: zip(turnNumbers, priorities).map {
        Turn(
          number: $0, priority: $1, thisHash: hashes[$0]!.this, symHash: hashes[$0]!.sym,
          position: position)
      },
      request: AnalysisRequest(), perspective: configuration.perspective)
    try query.decodeSettings(
      f, configuration: configuration, engineParameters: engineParameters,
      width: position.width, height: position.height)
    if configuration.warnUnusedFields {
      for key in fields.keys.sorted() where !knownKeys.contains(key) {
        query.warnings.append(AnalysisMessage(field: key, unusedFieldWarning))
      }
    }
    return query
  }
}
