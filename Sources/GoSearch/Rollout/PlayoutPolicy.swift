/// How playouts choose moves.
public struct PlayoutPolicy: Sendable, Hashable {
  /// Answer an atari on one's own chain next to the last move (capture the attacker or extend).
  public var escapeAtari: Bool
  /// Capture an opposing chain in atari next to the last move.
  public var captureLastMove: Bool
  /// Play good 3×3 shapes around the last move.
  public var patterns: Bool
  /// Reject random moves that put one's own chain of this many stones or more in atari
  /// (0 disables the check).
  public var selfAtariLimit: Int
  /// Probability that each heuristic is tried when it applies (keeps playouts varied).
  public var heuristicProbability: Double

  public init(
    escapeAtari: Bool, captureLastMove: Bool, patterns: Bool, selfAtariLimit: Int,
    heuristicProbability: Double
  ) {
    self.escapeAtari = escapeAtari
    self.captureLastMove = captureLastMove
    self.patterns = patterns
    self.selfAtariLimit = selfAtariLimit
    self.heuristicProbability = heuristicProbability
  }

  /// Uniformly random legal moves that never fill one's own eyes.
  public static let light = PlayoutPolicy(
    escapeAtari: false, captureLastMove: false, patterns: false, selfAtariLimit: 0,
    heuristicProbability: 0)

  /// Tengen's default: captures, atari escapes, local shape and self-atari avoidance.
  public static let standard = PlayoutPolicy(
    escapeAtari: true, captureLastMove: true, patterns: true, selfAtariLimit: 2,
    heuristicProbability: 0.9)

  /// True if any last-move heuristic is on.
  @inlinable
  public var isLight: Bool { !escapeAtari && !captureLastMove && !patterns && selfAtariLimit == 0 }
}
