import GoFeatures

/// Which board symmetries the evaluator runs the network under.
public enum SymmetryMode: Sendable, Hashable {
  /// Always this symmetry (0...7).
  case fixed(Int)
  /// A random symmetry per evaluation (KataGo's `nnRandomize`).
  case random
  /// Average the post-processed outputs of these symmetries.
  case average([Int])
}
