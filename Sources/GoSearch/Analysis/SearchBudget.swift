/// The settings both engines' parameters share, defined once: threads, time, seed, memory,
/// resignation and tree reuse (`PUCTParameters.budget`, `RolloutParameters.budget`; both
/// structs also read them as their own fields through `@dynamicMemberLookup`).
///
/// The engines' defaults differ only in `threads`, `maxNodes` and `resignThreshold`, which
/// each engine passes to `init`. The settings by name: `SearchBudget+Settings`.
public struct SearchBudget: Sendable, Hashable {
  /// Search threads (worker threads of the rollout engine; PUCT threads mostly wait on the
  /// network, so more threads than cores fill its batches).
  public var threads: Int
  /// Stop after this many seconds per move (nil: from the clock, else `defaultMoveTime`).
  public var maxTime: Double? = nil
  /// Seconds per move when neither a limit nor a clock says otherwise.
  public var defaultMoveTime: Double = 5
  /// The time manager's settings (lag buffer, planning horizon, early stop, extensions).
  public var time = TimeParameters()
  /// Seed of the search's random choices; with one thread and a visit or playout limit a
  /// search is deterministic.
  public var seed: UInt64 = 1
  /// Hard cap on tree nodes (memory); past it the tree stops growing (PUCT still evaluates
  /// and backs up leaves).
  public var maxNodes: Int
  /// Resign below this win rate (0: never); each engine adds its own conditions.
  public var resignThreshold: Double
  /// Keep the matching subtree between moves.
  public var reuseTree: Bool = true

  /// The most seconds any per-move or per-analysis time setting accepts (`maxTime`,
  /// `defaultMoveTime`, the JSON engine's `maxTime`): about 11.6 days. Larger values are
  /// refused with the setting's range instead of searching for ever.
  public static let maxSeconds: Double = 1e6

  /// Search threads one search may start at most (`threads` / `numSearchThreads`); every
  /// PUCT thread reserves a 16 MB stack.
  public static let maxThreads = 1024

  public init(threads: Int, maxNodes: Int, resignThreshold: Double) {
    self.threads = threads
    self.maxNodes = maxNodes
    self.resignThreshold = resignThreshold
  }
}
