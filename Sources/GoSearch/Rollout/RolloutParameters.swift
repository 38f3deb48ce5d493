/// Tunable settings of the rollout search.
///
/// The settings both engines share (threads, time, seed, memory, resignation, tree reuse) are
/// `budget`'s; `p.threads` reads and writes `p.budget.threads`.
@dynamicMemberLookup
public struct RolloutParameters: Sendable, Hashable {
  /// Threads, time, seed, memory, resignation, tree reuse (defaults: 1 thread, 4M nodes,
  /// resign under 10%).
  public var budget = SearchBudget(threads: 1, maxNodes: 4_000_000, resignThreshold: 0.1)

  /// `budget`'s settings as if they were this struct's own (`p.threads`, `p.time.lagBuffer`).
  public subscript<T>(dynamicMember path: WritableKeyPath<SearchBudget, T>) -> T {
    get { budget[keyPath: path] }
    set { budget[keyPath: path] = newValue }
  }

  /// Stop after this many simulations per move (nil: no limit).
  public var maxPlayouts: Int? = nil
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
  /// Resign when the best move wins less often than `resignThreshold` after at least this
  /// many simulations ...
  public var resignMinPlayouts: Int = 500
  /// ... and once the moves played are at least this share of the board's points.
  public var resignMinFill: Double = 0.25
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
