import GoCore
public import GoFeatures
public import GoNeuralNet

/// A network that labels positions for distillation: its evaluations of games' current
/// positions for each game's `nextPlayer`, on the board's own grid (White's perspective, as
/// `NNEvaluation`).
public protocol RowTeacher {
  /// Evaluates the current position of every game in `games` (one result per game, in order).
  func evaluate(_ games: [NNGame]) throws -> [NNEvaluation]
}

extension RawNNEvaluator: RowTeacher {
  /// The identity-symmetry evaluations of `games` (boards of one size), as one batch.
  public func evaluate(_ games: [NNGame]) throws -> [NNEvaluation] {
    guard let first = games.first else { return [] }
    var options = InputFeaturesV7.Options()
    options.preferPassAliveUnderSuicide = backend.model.preferPassAliveUnderSuicideRules
    let symmetries = Array(repeating: Symmetry(0), count: games.count)
    let batch = NNInputBatch(
      games: games, symmetries: symmetries, nnXLen: first.board.width,
      nnYLen: first.board.height, options: options)
    let raw = try backend.evaluate(batch)
    return try games.indices.map { try postProcessor.process(raw, index: $0, game: games[$0], symmetry: symmetries[$0]) }
  }
}
