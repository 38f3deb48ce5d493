import Foundation
import GoCore
import GoNeuralNet
@testable import GoSearch
import Testing

/// The search pieces self-play adds: forced playouts, policy-target pruning, shaped noise.
@Suite struct SelfPlaySearchTests {
  static func params(forced: Double) -> PUCTParameters {
    var p = PUCTEngineTests.params(visits: 800)
    p.rootSymmetryPruning = false
    p.rootEndingBonusPoints = 0
    p.rootPruneUselessMoves = false
    p.fillDameBeforePass = false
    p.rootDesiredPerChildVisitsCoeff = forced
    return p
  }

  @Test func forcedPlayoutsGiveEveryVisitedChildItsShare() throws {
    let state = GameState(size: 5, rules: .chinese)
    let engine = PUCTEngine(evaluator: PUCTEngineTests.targetEvaluator(), params: Self.params(forced: 2))
    let r = try engine.selfPlaySearch(state, visits: 800, freshTree: true, prunePolicyTarget: false)
    let total = r.children.reduce(0) { $0 + $1.weight }
    for c in r.children where c.visits > 0 {
      // Forced while below √(k·P·W); each visit adds at most one unit of weight here.
      #expect(c.weight + 1.0001 >= (2 * c.prior * total).squareRoot(), "\(c.move): \(c.weight) of \(total)")
    }
    // Without forcing, a visited low-valued move can stay at fewer visits.
    let plain = PUCTEngine(evaluator: PUCTEngineTests.targetEvaluator(), params: Self.params(forced: 0))
    let q = try plain.selfPlaySearch(state, visits: 800, freshTree: true, prunePolicyTarget: false)
    let weakest = { (list: [RootChildStats]) in list.filter { $0.visits > 0 }.map(\.visits).min()! }
    #expect(weakest(r.children) > weakest(q.children))
  }

  @Test func pruningRemovesForcedVisitsButKeepsTheBestMove() throws {
    let state = GameState(size: 5, rules: .chinese)
    let engine = PUCTEngine(evaluator: PUCTEngineTests.targetEvaluator(), params: Self.params(forced: 2))
    let r = try engine.selfPlaySearch(state, visits: 300, freshTree: true, prunePolicyTarget: true)
    let best = r.children.first { $0.move == .play(PUCTEngineTests.target) }!
    #expect(best.targetWeight == best.weight)
    #expect(r.children.allSatisfy { $0.targetWeight <= $0.weight + 1e-9 })
    let cut = r.children.filter { $0.move != best.move }
    #expect(cut.reduce(0) { $0 + $1.targetWeight } < cut.reduce(0) { $0 + $1.weight })
    #expect(r.children.filter { $0.visits == 0 }.allSatisfy { $0.targetWeight == 0 })
    // Every target weight is one the search would have given without the extra visits: a
    // child's PUCT value at its pruned weight does not exceed the best child's.
    #expect(r.children.max { $0.targetWeight < $1.targetWeight }!.move == best.move)
  }

  @Test func freshTreeForgetsAndKeptTreeCountsOldVisits() throws {
    var state = GameState(size: 5, rules: .chinese)
    let engine = PUCTEngine(evaluator: PUCTEngineTests.targetEvaluator(), params: Self.params(forced: 0))
    let first = try engine.selfPlaySearch(state, visits: 100, freshTree: true, prunePolicyTarget: false)
    let move = first.children.max { $0.visits < $1.visits }!
    try state.play(move.move)
    let kept = try engine.selfPlaySearch(state, visits: 10, freshTree: false, prunePolicyTarget: false)
    // The reply's subtree already had visits: a cheap search on it adds few or none.
    #expect(kept.stats.newVisits < 10 || kept.rootVisits > 10)
    let fresh = try engine.selfPlaySearch(state, visits: 10, freshTree: true, prunePolicyTarget: false)
    #expect(fresh.rootVisits == 10 && fresh.stats.newVisits == 10)
  }

  @Test func shapedNoiseFavoursMovesAboveTheMeanLogPrior() {
    let priors: [Float] = [0.5, 0.3, 0.1, 0.05, 0.05]
    let shares = DirichletNoise.shapedShares(priors: priors)
    #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
    #expect(shares[0] > shares[1] && shares[1] > shares[2])
    // Moves at or below the mean log-prior get only the even half.
    #expect(abs(shares[4] - 0.5 / 5) < 1e-12)
    // Equal priors: all even.
    #expect(DirichletNoise.shapedShares(priors: [0.25, 0.25, 0.25, 0.25]) == [0.25, 0.25, 0.25, 0.25])
    var rng = FastRandom(seed: 3)
    let sample = DirichletNoise.sample(alphas: shares.map { $0 * 10.83 }, rng: &rng)
    #expect(abs(sample.reduce(0, +) - 1) < 1e-9 && sample.allSatisfy { $0 >= 0 })
  }

  @Test func newSettingsAreSettableByName() throws {
    var p = PUCTParameters()
    try PUCTEngine.setParameter("rootDesiredPerChildVisitsCoeff", "2", in: &p)
    try PUCTEngine.setParameter("rootDirichletNoiseShaped", "true", in: &p)
    #expect(p.rootDesiredPerChildVisitsCoeff == 2 && p.rootDirichletNoiseShaped)
    #expect(throws: ParameterError.self) { try PUCTEngine.setParameter("rootDesiredPerChildVisitsCoeff", "x", in: &p) }
    #expect(!PUCTEngine.isParameter("noSuchParameter"))
  }
}
