import GoCore
import GoNeuralNet
import GoSearch

/// An evaluator whose every evaluation fails, as a network backend that broke would: for tests
/// that errors reach the user instead of becoming defaults.
final class FailingEvaluator: PositionEvaluator, @unchecked Sendable {
  /// The error every evaluation throws.
  struct BrokenError: Error, CustomStringConvertible {
    var description: String { "the backend is broken" }
  }

  func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation { throw BrokenError() }
  func clearCache() {}
  var evaluatorName: String { "failing" }
}
