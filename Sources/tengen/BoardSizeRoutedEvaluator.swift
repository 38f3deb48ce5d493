import GoCore
import GoNeuralNet
import GoSearch

/// Several networks behind one `PositionEvaluator`: each position goes to the network trained
/// for the board side nearest its own (`BundledNetworks.nearest`), so a GUI's `boardsize`
/// switches networks while the engine, its parameters and its clock stay the same.
final class BoardSizeRoutedEvaluator: PositionEvaluator {
  /// The networks by the board side each was trained for; at least one.
  let networks: [(side: Int, evaluator: BatchingEvaluator)]

  init(_ networks: [(side: Int, evaluator: BatchingEvaluator)]) {
    precondition(!networks.isEmpty, "a routed evaluator needs a network")
    self.networks = networks
  }

  /// The evaluator for a `width`×`height` board.
  func route(width: Int, height: Int) -> BatchingEvaluator {
    let i = BundledNetworks.nearest(networks.map(\.side), to: max(width, height))!
    return networks[i].evaluator
  }

  func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    try route(width: state.board.width, height: state.board.height)
      .evaluate(state, isRoot: isRoot)
  }

  func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation {
    try route(width: state.board.width, height: state.board.height)
      .evaluate(state, isRoot: isRoot, historyFloor: historyFloor)
  }

  func clearCache() {
    for n in networks { n.evaluator.clearCache() }
  }

  var evaluatorName: String { networks.map(\.evaluator.evaluatorName).joined(separator: "+") }

  /// `kata-raw-nn` through the network the position's board size routes to.
  func rawNNHandler() -> @Sendable (GameState, Player?, Int?, Double?) throws -> String {
    let handlers = networks.map { RawNNEvaluator(backend: $0.evaluator.backend).gtpHandler() }
    let sides = networks.map(\.side)
    return { state, color, symmetry, optimism in
      let side = max(state.board.width, state.board.height)
      return try handlers[BundledNetworks.nearest(sides, to: side)!](state, color, symmetry, optimism)
    }
  }
}
