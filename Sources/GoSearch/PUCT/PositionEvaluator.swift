public import GoCore
public import GoNeuralNet
import GoFeatures

/// What the PUCT search asks about a leaf: policy, value, score and ownership.
///
/// The network's `BatchingEvaluator` is one; `RolloutEvaluator` answers with playouts and
/// `MixedEvaluator` blends both (AlphaGo's λ). Called from many search threads at once.
public protocol PositionEvaluator: AnyObject, Sendable {
  /// Evaluates `state` for its player to move. `isRoot` marks the search root (KataGo hides
  /// some history there). Blocks.
  func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation
  /// As `evaluate(_:isRoot:)`, showing no history before move `historyFloor` of the game
  /// (KataGo's `ignorePreRootHistory`); evaluators without history ignore it.
  func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation
  /// Forgets cached evaluations.
  func clearCache()
  /// A short description for logs and `kata-get-models`-style listings.
  var evaluatorName: String { get }
}

extension PositionEvaluator {
  public func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation {
    try evaluate(state, isRoot: isRoot)
  }
}

extension BatchingEvaluator: PositionEvaluator {
  public func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    try evaluate(NNGame(state), isRoot: isRoot)
  }

  public func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation {
    try evaluate(NNGame(state), isRoot: isRoot, historyFloor: historyFloor)
  }

  public var evaluatorName: String { backend.model.name }
}
