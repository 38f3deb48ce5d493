import GoCore
import GoFeatures

extension NeuralNetBackend {
  /// Evaluates a few ordinary positions (the empty 9×9 board with Black to move, the same
  /// after one move with White to move, the empty 19×19 board) and post-processes them, so
  /// that a network whose weights are finite but whose outputs overflow to NaN or infinity is
  /// refused when it loads instead of being found out by a "winrate nan" pass later
  /// (reliability audit F7; the run-time check is `PostProcessor.process`'s). Costs three
  /// evaluations at load.
  /// - Throws: `NNOutputError` naming the output that is not finite, or the backend's error.
  public func probe() throws {
    let empty9 = GameState(size: 9, rules: .chinese)
    var oneMove = empty9
    try oneMove.play(.play(Point(x: 4, y: 4)))
    let evaluator = RawNNEvaluator(backend: self)
    for state in [empty9, oneMove, GameState(size: 19, rules: .chinese)] {
      _ = try evaluator.evaluate(NNGame(state), symmetries: [Symmetry(0)])
    }
  }
}
