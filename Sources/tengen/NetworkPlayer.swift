import GoCore
import GoNeuralNet
import GoSearch

/// What a network player searches with (`NetworkEvaluator.makePlayer`): the evaluator the search
/// calls (one network, or a `BoardSizeRoutedEvaluator` over the bundled ones), the primary
/// network's batching evaluator (its model and backend name what was loaded), and the
/// `kata-raw-nn` handler that matches the evaluator.
struct NetworkPlayer {
  var evaluator: any PositionEvaluator
  var primary: BatchingEvaluator
  var rawNN: @Sendable (GameState, Player?, Int?, Double?) throws -> String
}
