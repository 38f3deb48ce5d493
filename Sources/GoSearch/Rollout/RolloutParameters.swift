/// Tunable settings of the rollout search.
public struct RolloutParameters: Sendable, Hashable {
  /// Worker threads.
  public var threads: Int = 1
  /// Stop after this many simulations per move (nil: no limit).
  public var maxPlayouts: Int? = nil
  /// Stop after this many seconds per move (nil: from the clock, or `defaultMoveTime`).
  public var maxTime: Double? = nil
  /// Seconds per move when neither a limit nor a clock says otherwise.
  public var defaultMoveTime: Double = 5
  /// The time manager's settings (lag buffer, planning horizon, early stop, extensions).
  public var time = TimeParameters()
  /// Seed of the random generators; with one thread and a playout limit, search is
  /// deterministic.
  public var seed: UInt64 = 1
  /// Playout policy.
  public var policy: PlayoutPolicy = .standard
  /// RAVE equivalence: visits at which plain and all-moves-as-first values weigh the same.
  public var raveEquivalence: Double = 3000
  /// UCB exploration constant.
  public var exploration: Double = 0.1
  /// Virtual visits of prior knowledge given to each new child.
  public var priorWeight: Float = 10
  /// A node is expanded after this many visits.
  public var expandThreshold: Int32 = 2
  /// Hard cap on tree nodes (memory); past it the tree stops growing.
  public var maxNodes: Int = 4_000_000
  /// Resign when the best move wins less often than this (0 disables) ...
  public var resignThreshold: Double = 0.1
  /// ... after at least this many simulations ...
  public var resignMinPlayouts: Int = 500
  /// ... and once the moves played are at least this share of the board's points.
  public var resignMinFill: Double = 0.25
  /// Keep the tree between moves.
  public var reuseTree: Bool = true
  /// Simulations run to judge dead stones at the end of a game.
  public var ownershipPlayouts: Int = 2000
  /// On a clock, the judgement after an opponent's pass gets at most half the move's target
  /// at the last search's rate, but never fewer simulations than this.
  public var minJudgementPlayouts: Int = 64
  /// A chain is dead when the mean playout ownership of its points favours the opponent by
  /// more than this (0…1).
  public var deadStoneOwnership: Double = 0.2

  public init() {}
}
