import GoCore
import GoFeatures

/// Evaluates positions the way `kata-raw-nn` does: features on a grid the size of the board,
/// one or all symmetries, post-processed with optimism 0.2 by default.
public struct RawNNEvaluator: Sendable {
  /// The backend that runs the network.
  public let backend: any NeuralNetBackend
  /// The post-processing settings.
  public var postProcessor: PostProcessor

  /// Wraps `backend`.
  public init(backend: any NeuralNetBackend, policyOptimism: Float = 0.2) {
    self.backend = backend
    postProcessor = PostProcessor(model: backend.model, policyOptimism: policyOptimism)
  }

  /// Evaluates `game` under each of `symmetries` (one batch).
  public func evaluate(_ game: NNGame, symmetries: [Symmetry]) throws -> [NNEvaluation] {
    var options = InputFeatures.Options(modelVersion: backend.model.version)
    options.preferPassAliveUnderSuicide = backend.model.preferPassAliveUnderSuicideRules
    let b = game.board
    let batch = NNInputBatch(
      games: Array(repeating: game, count: symmetries.count), symmetries: symmetries,
      nnXLen: b.width, nnYLen: b.height, options: options)
    let raw = try backend.evaluate(batch)
    return try symmetries.enumerated().map { i, s in
      try postProcessor.process(raw, index: i, game: game, symmetry: s)
    }
  }

  /// The GTP reply to `kata-raw-nn <symmetry|all>` for `game`.
  public func kataRawNNReply(_ game: NNGame, symmetry: Int?) throws -> String {
    let syms = symmetry.map { [Symmetry($0)] } ?? Symmetry.allCases
    let evals = try evaluate(game, symmetries: syms)
    return RawNNFormatter.reply(zip(syms, evals).map { ($0.rawValue, $1) })
  }
}
