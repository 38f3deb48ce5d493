public import GoFeatures
public import GoNeuralNet

/// A network that labels positions for distillation: its evaluation of a game's position for
/// the game's `nextPlayer`, on the board's own grid (White's perspective, as `NNEvaluation`).
public protocol RowTeacher {
  /// Evaluates the current position of `game`.
  func evaluate(_ game: NNGame) throws -> NNEvaluation
}

extension RawNNEvaluator: RowTeacher {
  /// The identity-symmetry evaluation of `game`.
  public func evaluate(_ game: NNGame) throws -> NNEvaluation {
    try evaluate(game, symmetries: [NNSymmetry(0)])[0]
  }
}
