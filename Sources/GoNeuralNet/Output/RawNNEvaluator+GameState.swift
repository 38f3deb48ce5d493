import GoCore
import GoFeatures

extension RawNNEvaluator {
  /// The GTP reply to `kata-raw-nn [color] <symmetry|all> [optimism]` for a GoCore game.
  ///
  /// - Parameters:
  ///   - state: the game.
  ///   - color: evaluate as if this player were to move; when it is not the natural player the
  ///     ko and move history are dropped, as KataGo does.
  ///   - symmetry: 0...7, or nil for all eight.
  ///   - optimism: the policy optimism (KataGo's default for `kata-raw-nn` is 0.2).
  public func kataRawNNReply(
    _ state: GameState, color: Player? = nil, symmetry: Int?, optimism: Float? = nil
  ) throws -> String {
    var game = NNGame(state)
    if let color, color != state.toMove {
      var board = game.board
      board.clearKo()
      game = NNGame(
        initialBoard: board, initialPlayer: color == .black ? 1 : 2, rules: game.rules,
        komi: game.komi)
    }
    var evaluator = self
    if let optimism { evaluator.postProcessor.policyOptimism = optimism }
    return try evaluator.kataRawNNReply(game, symmetry: symmetry)
  }

  /// A handler for `GTPConfiguration.rawNN`: the `kata-raw-nn` reply body (without the `= `
  /// prefix and the final blank line), e.g.
  /// `config.rawNN = RawNNEvaluator(backend: CPUBackend(model: model, threads: 2)).gtpHandler()`.
  public func gtpHandler() -> @Sendable (GameState, Player?, Int?, Double?) throws -> String {
    let evaluator = self
    return { state, color, symmetry, optimism in
      let reply = try evaluator.kataRawNNReply(
        state, color: color, symmetry: symmetry, optimism: optimism.map(Float.init))
      return String(reply.dropFirst(2).dropLast(2))
    }
  }
}
