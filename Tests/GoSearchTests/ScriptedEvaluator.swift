import GoCore
import GoNeuralNet
import GoSearch
import Synchronization

/// A deterministic evaluator for search tests: uniform policy over empty points, and a value
/// that a closure computes from the position (White's win probability). Ownership follows the
/// stones unless an `ownership` closure gives it (row-major, White's view).
final class ScriptedEvaluator: PositionEvaluator, @unchecked Sendable {
  let whiteWin: @Sendable (GameState) -> Float
  let ownership: (@Sendable (GameState) -> [Float])?
  let passPolicy: Float
  let calls = Atomic<Int>(0)

  init(
    passPolicy: Float = 0.01, ownership: (@Sendable (GameState) -> [Float])? = nil,
    whiteWin: @escaping @Sendable (GameState) -> Float
  ) {
    self.whiteWin = whiteWin
    self.ownership = ownership
    self.passPolicy = passPolicy
  }

  func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    calls.add(1, ordering: .relaxed)
    let b = state.board
    var policy = [Float](repeating: -1, count: b.area)
    let empties = b.points.filter { b[$0] == .empty }
    for p in empties { policy[p.y * b.width + p.x] = (1 - passPolicy) / Float(max(empties.count, 1)) }
    let w = whiteWin(state)
    var own = [Float](repeating: 0, count: b.area)
    for p in b.points {
      own[p.y * b.width + p.x] = b[p] == .white ? 1 : (b[p] == .black ? -1 : 0)
    }
    if let ownership { own = ownership(state) }
    let lead = (w - 0.5) * 20
    return NNEvaluation(
      xSize: b.width, ySize: b.height, nextPlayer: state.toMove == .black ? 1 : 2, policy: policy,
      passProbability: passPolicy, whiteWin: w, whiteLoss: 1 - w, noResult: 0, whiteLead: lead,
      whiteScoreMean: lead, whiteScoreMeanSq: lead * lead + 4, whiteOwnership: own)
  }

  func clearCache() {}
  var evaluatorName: String { "scripted" }
}
