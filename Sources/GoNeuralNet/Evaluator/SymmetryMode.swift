import GoFeatures

/// Which board symmetries the evaluator runs the network under.
public enum SymmetryMode: Sendable, Hashable {
  /// Always this symmetry (0...7).
  case fixed(Int)
  /// A random symmetry per evaluation (KataGo's `nnRandomize`).
  case random
  /// A symmetry chosen by the position's input hash: spread over all eight like `random`, but
  /// the same position always gets the same one, so a seeded self-play game replays exactly
  /// and a cached result is the one a fresh evaluation would give.
  case hashed
  /// Average the post-processed outputs of these symmetries.
  case average([Int])
}
