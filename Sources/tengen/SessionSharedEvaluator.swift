import GoCore
import GoNeuralNet
import GoSearch

/// The network evaluator every `tengen serve` session searches with, as one session sees it:
/// it evaluates through the shared evaluator (and its cache) but ignores `clearCache()`.
///
/// A session's engine clears its caches for a new game (`clear_cache` in GTP terms) and for the
/// analysis protocol's `clear_cache` action; in a server that would empty the cache every other
/// open session is using. Its entries stay correct across games (they are keyed by the exact
/// network input), and it is bounded, so the sessions keep it; the engine still drops its own
/// search tree.
final class SessionSharedEvaluator: PositionEvaluator {
  let shared: any PositionEvaluator

  init(_ shared: any PositionEvaluator) { self.shared = shared }

  func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    try shared.evaluate(state, isRoot: isRoot)
  }

  func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation {
    try shared.evaluate(state, isRoot: isRoot, historyFloor: historyFloor)
  }

  func clearCache() {}

  var evaluatorName: String { shared.evaluatorName }
}
