import GoCore
import GoNeuralNet
import GoSearch
import Synchronization

/// A deterministic stand-in for a network: the policy is a pseudo-random pattern keyed by the
/// position's hash (so games vary with the moves, and repeat exactly for the same moves), the
/// value leans to whoever has more stones plus `whiteBias`, ownership follows the stones.
final class PatternEvaluator: PositionEvaluator, @unchecked Sendable {
  let whiteBias: Float
  let calls = Atomic<Int>(0)

  init(whiteBias: Float = 0) { self.whiteBias = whiteBias }

  func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    calls.add(1, ordering: .relaxed)
    let b = state.board
    var rng = FastRandom(seed: b.hash ^ (state.toMove == .black ? 0x55 : 0xAA))
    var policy = [Float](repeating: -1, count: b.area)
    var own = [Float](repeating: 0, count: b.area)
    var balance: Float = 0
    for p in b.points {
      let k = p.y * b.width + p.x
      switch b[p] {
      case .empty: policy[k] = Float(0.05 + rng.unit())
      case .white: own[k] = 1; balance += 1
      case .black: own[k] = -1; balance -= 1
      default: break
      }
    }
    let total = policy.reduce(Float(0)) { $0 + max(0, $1) } + 0.2
    for k in policy.indices where policy[k] > 0 { policy[k] /= total }
    let w = min(0.99, max(0.01, 0.5 + 0.04 * balance + whiteBias))
    let lead = (w - 0.5) * 20
    return NNEvaluation(
      xSize: b.width, ySize: b.height, nextPlayer: state.toMove == .black ? 1 : 2, policy: policy,
      passProbability: 0.2 / total, whiteWin: w, whiteLoss: 1 - w, noResult: 0, whiteLead: lead,
      whiteScoreMean: lead, whiteScoreMeanSq: lead * lead + 4, whiteOwnership: own)
  }

  func clearCache() {}
  var evaluatorName: String { "pattern" }
}
