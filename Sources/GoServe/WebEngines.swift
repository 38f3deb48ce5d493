public import GoAnalysis
public import GoSearch

/// How the web server gets engines: the composition root (`tengen serve`) chooses the network
/// or rollouts exactly as `tengen gtp` and `tengen analysis` do and hands the makers in.
public struct WebEngines: Sendable {
  /// A new engine for one game or analysis session, searching with `threads` threads.
  public var make: @Sendable (_ threads: Int) -> any AnalyzingEngine
  /// The loaded networks, for the analysis protocol's `query_models` and the page's footer.
  public var models: [AnalysisModelInfo]
  /// A short description of what plays (network name or "rollouts").
  public var description: String
  /// The shared network cache's entries and capacity, for `/api/info` (nil: no network). It
  /// grows up to its capacity and stays, so the load test tells it from memory that sessions
  /// keep.
  public var cacheFill: (@Sendable () -> (entries: Int, capacity: Int))?

  public init(
    description: String, models: [AnalysisModelInfo] = [],
    cacheFill: (@Sendable () -> (entries: Int, capacity: Int))? = nil,
    make: @escaping @Sendable (_ threads: Int) -> any AnalyzingEngine
  ) {
    self.description = description
    self.models = models
    self.cacheFill = cacheFill
    self.make = make
  }
}
