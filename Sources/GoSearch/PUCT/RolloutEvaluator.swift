public import GoCore
public import GoNeuralNet
import Synchronization

/// Evaluates positions with fast playouts instead of a network (DarkForest's rollouts inside
/// PUCT): a flat policy over sensible moves, the win rate and score of `playouts` playouts,
/// and their final ownership.
public final class RolloutEvaluator: PositionEvaluator, @unchecked Sendable {
  /// Playouts per evaluation.
  public let playouts: Int
  /// The playout policy.
  public let policy: PlayoutPolicy
  private let seed = Atomic<UInt64>(1)

  public init(playouts: Int = 16, policy: PlayoutPolicy = .standard, seed: UInt64 = 1) {
    self.playouts = max(1, playouts)
    self.policy = policy
    self.seed.store(seed, ordering: .relaxed)
  }

  public var evaluatorName: String { "rollouts(\(playouts))" }

  public func clearCache() {}

  public func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    var rng = FastRandom(seed: seed.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue)
    let board = state.board
    let w = board.width
    let area = board.area
    let me = state.toMove
    // Policy: uniform over empty points that are not the mover's own true eyes.
    var policy = [Float](repeating: -1, count: area)
    var candidates = 0
    for p in board.points where board[p] == .empty {
      if board.isEye(p, of: me) { continue }
      policy[p.y * w + p.x] = 1
      candidates += 1
    }
    let passProb: Float = candidates == 0 ? 1 : 0.5 / Float(candidates + 1)
    for k in policy.indices where policy[k] > 0 {
      policy[k] = (1 - passProb) / Float(candidates)
    }
    // Value, score and ownership from the playouts.
    let play = Playout(policy: self.policy, multiStoneSuicide: state.rules.multiStoneSuicideLegal)
    let compensation = state.rules.komi + state.whiteHandicapBonus
    var wins = 0.0
    var scoreSum = 0.0
    var scoreSq = 0.0
    var owned = [Int32](repeating: 0, count: Point.capacity)
    let last = state.moves.last?.move.point ?? Point.none
    for _ in 0..<self.playouts {
      var b = board
      var count = 0
      let blackMinusWhite = play.run(&b, toMove: me, lastMove: last, rng: &rng, moveCount: &count)
      let white = compensation - Double(blackMinusWhite)
      wins += white > 0 ? 1 : (white == 0 ? 0.5 : 0)
      scoreSum += white
      scoreSq += white * white
      RolloutEngine.addOwnership(&b, into: &owned)
    }
    let n = Double(self.playouts)
    var own = [Float](repeating: 0, count: area)
    for p in board.points { own[p.y * w + p.x] = -Float(Double(owned[p.i]) / n) }
    let whiteWin = Float(wins / n)
    return NNEvaluation(
      xSize: w, ySize: board.height, nextPlayer: me == .black ? 1 : 2, policy: policy,
      passProbability: passProb, whiteWin: whiteWin, whiteLoss: 1 - whiteWin, noResult: 0,
      whiteLead: Float(scoreSum / n), whiteScoreMean: Float(scoreSum / n),
      whiteScoreMeanSq: Float(scoreSq / n), whiteOwnership: own)
  }
}

/// Blends a network with playouts as AlphaGo did: the network's policy, and values mixed as
/// (1 − λ)·network + λ·playouts.
public final class MixedEvaluator: PositionEvaluator, @unchecked Sendable {
  public let network: any PositionEvaluator
  public let rollouts: RolloutEvaluator
  /// Weight of the playouts' values, in [0, 1].
  public let lambda: Float

  public init(network: any PositionEvaluator, rollouts: RolloutEvaluator, lambda: Double) {
    self.network = network
    self.rollouts = rollouts
    self.lambda = Float(min(1, max(0, lambda)))
  }

  public var evaluatorName: String { "\(network.evaluatorName)+\(rollouts.evaluatorName) λ=\(lambda)" }

  public func clearCache() { network.clearCache() }

  public func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
    try evaluate(state, isRoot: isRoot, historyFloor: 0)
  }

  public func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation {
    var e = try network.evaluate(state, isRoot: isRoot, historyFloor: historyFloor)
    guard lambda > 0 else { return e }
    let r = try rollouts.evaluate(state, isRoot: isRoot)
    let l = lambda
    func mix(_ a: Float, _ b: Float) -> Float { (1 - l) * a + l * b }
    e.whiteWin = mix(e.whiteWin, r.whiteWin)
    e.whiteLoss = mix(e.whiteLoss, r.whiteLoss)
    e.noResult = mix(e.noResult, 0)
    e.whiteLead = mix(e.whiteLead, r.whiteLead)
    e.whiteScoreMean = mix(e.whiteScoreMean, r.whiteScoreMean)
    e.whiteScoreMeanSq = mix(e.whiteScoreMeanSq, r.whiteScoreMeanSq)
    for k in e.whiteOwnership.indices where k < r.whiteOwnership.count {
      e.whiteOwnership[k] = mix(e.whiteOwnership[k], r.whiteOwnership[k])
    }
    return e
  }
}
