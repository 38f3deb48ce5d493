/// The time manager's settings by name, with their ranges, for both engines' parameter tables.
extension TimeParameters {
  /// Every time setting `kata-set-param`, config files and match specs accept.
  public static let settingSpecs: [SettingSpec<TimeParameters>] = [
    .double("lagBuffer", \.lagBuffer, in: 0...60,
            doc: "Seconds kept back on every move for network and GUI lag (--lag-buffer)"),
    .double("minMoveTime", \.minMoveTime, in: 0...10,
            doc: "Seconds every future move needs at least (kept in reserve under absolute time)"),
    .double("expectedGameLength", \.expectedGameLength, in: 0.1...4,
            doc: "Expected game length in plies per board point"),
    .double("endgameMovesShare", \.endgameMovesShare, in: 0...1,
            doc: "Plies still expected never fall below this share of the board's points"),
    .double("settledMovesWeight", \.settledMovesWeight, in: 0...1,
            doc: "How much the settled share of the board decides the plies left (blend weight)"),
    .double("settledOwnership", \.settledOwnership, in: 0.5...1,
            doc: "Ownership (either colour) from which a point counts as settled"),
    .double("openingTimeFactor", \.openingTimeFactor, in: 0.1...10,
            doc: "Main-time budget factor in the opening (first 10% of the expected plies)"),
    .double("midgameTimeFactor", \.midgameTimeFactor, in: 0.1...10,
            doc: "Main-time budget factor in the middle game (10% to 60% of the expected plies)"),
    .double("maxMainShare", \.maxMainShare, in: 0.01...1,
            doc: "Most of the usable main time one extended move may reach (absolute, Fischer)"),
    .double("periodSpendRate", \.periodSpendRate, in: 0...10,
            doc: "Byo-yomi: spare periods per own move left needed before an unclear move may spend one"),
    .int("bufferPeriods", \.bufferPeriods, min: 0, max: 100,
         doc: "Byo-yomi: spare periods never spent on purpose, kept against a move that runs late"),
    .double("earlyStopMargin", \.earlyStopMargin, in: 0...10,
            doc: "Stop early when the runner-up cannot catch up within this many times the visits left (0: never)"),
    .double("unclearTimeFactor", \.unclearTimeFactor, in: 1...10,
            doc: "An unclear move may think up to this many times its budget (within the limit)"),
    .double("unclearVisitRatio", \.unclearVisitRatio, in: 0...1,
            doc: "Unclear: the runner-up has at least this share of the best move's visits"),
    .double("unclearValueGap", \.unclearValueGap, in: 0...1,
            doc: "Unclear: the two best moves' win rates are this close"),
    .double("lateChangeShare", \.lateChangeShare, in: 0...1,
            doc: "Unclear: the best move changed within this last share of the time spent"),
    .double("keptTreeDiscount", \.keptTreeDiscount, in: 0...1,
            doc: "Most of the budget a tree kept from pondering or the last move saves"),
  ]

  /// The same settings on a struct that holds `TimeParameters` at `path` (an engine's
  /// parameters), under the same names.
  public static func settingSpecs<Root>(
    at path: WritableKeyPath<Root, TimeParameters> & Sendable
  ) -> [SettingSpec<Root>] {
    settingSpecs.map { $0.lifted(to: path) }
  }
}
