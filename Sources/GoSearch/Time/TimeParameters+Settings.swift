/// The time manager's settings by name, with their ranges, for both engines' parameter tables.
extension TimeParameters {
  /// Every time setting `kata-set-param`, config files and match specs accept.
  public static let settingSpecs: [SettingSpec<TimeParameters>] = [
    .double("lagBuffer", \.lagBuffer, in: 0...60),
    .double("minMoveTime", \.minMoveTime, in: 0...10),
    .double("expectedGameLength", \.expectedGameLength, in: 0.1...4),
    .double("endgameMovesShare", \.endgameMovesShare, in: 0...1),
    .double("settledMovesWeight", \.settledMovesWeight, in: 0...1),
    .double("settledOwnership", \.settledOwnership, in: 0.5...1),
    .double("openingTimeFactor", \.openingTimeFactor, in: 0.1...10),
    .double("midgameTimeFactor", \.midgameTimeFactor, in: 0.1...10),
    .double("maxMainShare", \.maxMainShare, in: 0.01...1),
    .double("periodSpendRate", \.periodSpendRate, in: 0...10),
    .double("earlyStopMargin", \.earlyStopMargin, in: 0...10),
    .double("unclearTimeFactor", \.unclearTimeFactor, in: 1...10),
    .double("unclearVisitRatio", \.unclearVisitRatio, in: 0...1),
    .double("unclearValueGap", \.unclearValueGap, in: 0...1),
    .double("lateChangeShare", \.lateChangeShare, in: 0...1),
    .double("keptTreeDiscount", \.keptTreeDiscount, in: 0...1),
  ]

  /// The same settings on a struct that holds `TimeParameters` at `path` (an engine's
  /// parameters), under the same names.
  public static func settingSpecs<Root>(
    at path: WritableKeyPath<Root, TimeParameters> & Sendable
  ) -> [SettingSpec<Root>] {
    settingSpecs.map { spec in
      SettingSpec<Root>(
        name: spec.name, get: { spec.get($0[keyPath: path]) },
        set: { root, text in spec.set(&root[keyPath: path], text) })
    }
  }
}
