/// Settings of the JSON analysis engine: the defaults a query may override, and the
/// scheduler's size.
public struct AnalysisConfiguration: Sendable {
  /// Worker threads, i.e. queries analysed at the same time (one engine each).
  public var threads = 2
  /// Visits per analysis when the query sets neither `maxVisits` nor `maxTime`.
  public var maxVisits: Int? = 500
  /// Seconds per analysis (nil: no limit).
  public var maxTime: Double?
  /// Perspective of signed values (KataGo's example analysis config and KaTrain use BLACK).
  public var perspective = ReportPerspective.black
  /// Moves in each PV after the first (`analysisPVLen`).
  public var pvLength = 15
  /// Largest accepted board side (KataGo's compile-time maximum is 19).
  public var maxBoardSize = 19
  /// Wide root noise of analysis (KataGo's analysis default 0.04; nil: the engine's setting).
  public var wideRootNoise: Double? = 0.04
  /// Evaluate the root without its history (KataGo's analysis default).
  public var ignorePreRootHistory = true
  /// Warn about unknown top-level query keys.
  public var warnUnusedFields = true
  /// `query_version`'s `version` and `git_hash`.
  public var version = "0.1.0"
  public var gitHash = "tengen"
  /// What `query_models` lists.
  public var models: [AnalysisModelInfo] = []

  public init() {}
}
