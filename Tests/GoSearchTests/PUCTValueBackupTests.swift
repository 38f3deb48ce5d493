import Foundation
import GoCore
@testable import GoSearch
import Testing

/// KataGo's value backup, rebuilt by hand on small trees: child values recomputed with
/// tCDF₃ value weights and noise pruning, the expected score utility, and the subtree value bias.
@Suite struct PUCTValueBackupTests {
  /// A root (White to move) with children of the given priors and (utility, weight) visits.
  static func tree(own: Double, ownWeight: Double = 1, children: [(prior: Float, visits: [(Double, Double)])]) -> PUCTTree {
    var t = PUCTTree(rootPlayer: .white)
    t.expand(
      0, children: children.enumerated().map { (.play(Point(x: $0.offset, y: 0)), $0.element.prior) },
      own: LeafValues(weight: ownWeight, utility: own), maxNodes: 100)
    t.nodes[0].add(LeafValues(weight: ownWeight, utility: own))
    for (k, c) in children.enumerated() {
      for (u, w) in c.visits { t.nodes[1 + k].add(LeafValues(weight: w, utility: u)) }
    }
    return t
  }

  @Test func tDistributionCDF() {
    #expect(abs(ValueRule.tCDF3(0) - 0.5) < 1e-15)
    // Student's t with 3 degrees of freedom, integrated numerically from its density.
    #expect(abs(ValueRule.tCDF3(1) - 0.804_498_890_5) < 1e-9)
    #expect(abs(ValueRule.tCDF3(3.182_446) - 0.975) < 1e-6)
    #expect(abs(ValueRule.tCDF3(-2) + ValueRule.tCDF3(2) - 1) < 1e-15)
  }

  @Test func plainWeightsGiveTheWeightedMeanOfChildrenAndOwnValue() {
    var t = Self.tree(own: 0.5, ownWeight: 2, children: [(0.5, [(0.2, 1), (0.4, 1)]), (0.5, [(-0.3, 3)])])
    t.valueRule.valueWeightExponent = 0
    t.valueRule.noisePruning = false
    t.recompute(0, depth: 0)
    // (0.5·2 + 0.3·2 + (−0.3)·3) / 7: each child counts with its weight at its own mean.
    let n = t.nodes[0]
    #expect(abs(n.weightSum - 7) < 1e-12)
    #expect(abs(n.utilitySum / n.weightSum - (1.0 + 0.6 - 0.9) / 7) < 1e-12)
    // Σw² of a child scales with (its new weight / its old weight)² = 1 here.
    #expect(abs(n.weightSqSum - (4 + 2 + 9)) < 1e-12)
  }

  @Test func valueWeightsFavourTheBetterChildForThePlayerToMove() {
    let children: [(prior: Float, visits: [(Double, Double)])] = [(0.5, [(0.6, 4)]), (0.5, [(-0.2, 4)])]
    var white = Self.tree(own: 0, children: children)
    white.valueRule.noisePruning = false
    white.recompute(0, depth: 0)
    // By hand: simple mean 0.2, stdev √(1/(1.5·2)) each, z = ±0.2/stdev.
    let sd = (1e-8 + 1 / (1.5 * 2.0)).squareRoot()
    let pGood = pow(ValueRule.tCDF3(0.4 / sd) + 0.0001, 0.25)
    let pBad = pow(ValueRule.tCDF3(-0.4 / sd) + 0.0001, 0.25)
    let wGood = 8 * pGood / (pGood + pBad)
    let wBad = 8 * pBad / (pGood + pBad)
    let expected = (0.6 * wGood - 0.2 * wBad) / 9
    #expect(abs(white.nodes[0].utilitySum / white.nodes[0].weightSum - expected) < 1e-12)
    #expect(expected > 0.2 / 9 * 8)  // above the plain mean
    #expect(abs(white.nodes[0].weightSum - 9) < 1e-12)  // the children's total is kept
    // With Black to move at the root the same children tilt the other way (White's view).
    var black = Self.tree(own: 0, children: children)
    black.rootPlayer = .black
    black.valueRule.noisePruning = false
    black.recompute(0, depth: 0)
    #expect(black.nodes[0].utilitySum / black.nodes[0].weightSum < 0.2 * 8 / 9)
  }

  @Test func noisePruningTakesExcessWeightFromAWorseOverVisitedChild() {
    // Policy order: the 0.9 child first (good), then a 0.1 child that got far more than its
    // share while being worse.
    var t = Self.tree(own: 0, children: [(0.9, [(0.5, 2)]), (0.1, [(0.0, 6)])])
    t.valueRule.valueWeightExponent = 0
    t.recompute(0, depth: 0)
    // Lenient share 2 · 2 · 0.1/0.9; excess taken in proportion 1 − e^(−0.5/0.15).
    let share = 2 * 2 * Double(Float(0.1)) / Double(Float(0.9))  // priors are stored as Float
    let kept = 6 - (6 - share) * (1 - exp(-0.5 / 0.15))
    let expected = (0.5 * 2 + 0) / (1 + 2 + kept)
    #expect(abs(t.nodes[0].weightSum - (1 + 2 + kept)) < 1e-12)
    #expect(abs(t.nodes[0].utilitySum / t.nodes[0].weightSum - expected) < 1e-12)
    // A better child is never pruned, however many visits it has.
    var u = Self.tree(own: 0, children: [(0.9, [(0.0, 2)]), (0.1, [(0.5, 6)])])
    u.valueRule.valueWeightExponent = 0
    u.recompute(0, depth: 0)
    #expect(abs(u.nodes[0].weightSum - 9) < 1e-12)
  }

  @Test func backupCountsTheVisitOnEveryAncestorAndRebuildsThem() {
    var t = Self.tree(own: 0.1, children: [(0.5, []), (0.5, [])])
    t.valueRule.valueWeightExponent = 0
    t.valueRule.noisePruning = false
    t.nodes[0].inFlight = 1
    t.nodes[1].inFlight = 1
    t.backup([0, 1], LeafValues(weight: 3, utility: -0.5))
    #expect(t.nodes[0].visits == 2 && t.nodes[1].visits == 1)
    #expect(t.nodes[0].inFlight == 0 && t.nodes[1].inFlight == 0)
    #expect(abs(t.nodes[0].utilitySum / t.nodes[0].weightSum - (0.1 - 1.5) / 4) < 1e-12)
  }

  @Test func expectedScoreValueIntegratesOverTheScoreDistribution() {
    let area = 81
    // No spread: the plain value.
    #expect(
      PUCTEngine.expectedScoreValue(mean: 3, stdev: 0, center: 1, scale: 0.75, area: area)
        == PUCTEngine.scoreValue(3, center: 1, scale: 0.75, area: area))
    // Centred: zero by symmetry; a spread pulls the value towards zero (atan is concave above).
    #expect(abs(PUCTEngine.expectedScoreValue(mean: 1, stdev: 8, center: 1, scale: 0.75, area: area)) < 1e-12)
    let sharp = PUCTEngine.scoreValue(10, center: 0, scale: 0.75, area: area)
    let wide = PUCTEngine.expectedScoreValue(mean: 10, stdev: 10, center: 0, scale: 0.75, area: area)
    #expect(wide < sharp && wide > 0)
    // Against a fine midpoint-rule integral of the normal density.
    var sum = 0.0
    var mass = 0.0
    for k in 0..<200_000 {
      let z = -10 + (Double(k) + 0.5) * 1e-4
      let w = exp(-0.5 * z * z)
      sum += w * PUCTEngine.scoreValue(10 + 10 * z, center: 0, scale: 0.75, area: area)
      mass += w
    }
    #expect(abs(wide - sum / mass) < 1e-7)
  }

  @Test func subtreeBiasKeysDescribeTheMoveAndItsNeighbourhood() throws {
    func state(_ moves: [(Int, Int)]) throws -> GameState {
      var s = GameState(size: 9, rules: .chinese)
      for (x, y) in moves { try s.play(.play(Point(x: x, y: y))) }
      return s
    }
    let base = try state([(4, 4), (2, 2)])
    let move = Move.play(Point(x: 6, y: 6))
    let key = PUCTTree.biasKey(base, move: move)
    #expect(key != 0)
    // Same previous move, same 5×5 window around the move, other stones far away: same key.
    #expect(PUCTTree.biasKey(try state([(0, 8), (8, 0), (4, 4), (2, 2)]), move: move) == key)
    // A stone inside the window, another previous move, another move or no previous move: new keys.
    #expect(PUCTTree.biasKey(try state([(8, 8), (0, 0), (4, 4), (2, 2)]), move: move) != key)
    #expect(PUCTTree.biasKey(try state([(4, 4), (2, 3)]), move: move) != key)
    #expect(PUCTTree.biasKey(base, move: .play(Point(x: 6, y: 5))) != key)
    #expect(PUCTTree.biasKey(GameState(size: 9, rules: .chinese), move: move) == 0)
  }

  @Test func subtreeBiasCorrectsNewEvaluationsUnderTheSameKey() {
    // One child with a key whose subtree came out 0.4 better than its own evaluation.
    var t = Self.tree(own: 0, children: [(1, [])])
    t.valueRule.valueWeightExponent = 0
    t.valueRule.noisePruning = false
    t.nodes[1].biasKey = 42
    t.biasTable[42] = SubtreeBiasEntry(deltaSum: 0.8, weightSum: 2)
    t.nodes[0].inFlight = 1
    t.nodes[1].inFlight = 1
    t.backup([0, 1], LeafValues(weight: 1, utility: 0.1), evaluated: true)
    // The leaf stores 0.1 + 0.45 · 0.4.
    #expect(abs(t.nodes[1].utilitySum - (0.1 + 0.45 * 0.4)) < 1e-12)
    // Exact results are never corrected.
    t.nodes[1].inFlight = 1
    t.nodes[0].inFlight = 1
    t.backup([0, 1], LeafValues(weight: 1, utility: 0.1), evaluated: false)
    #expect(abs(t.nodes[1].utilitySum - (0.2 + 0.45 * 0.4)) < 1e-12)
  }

  @Test func innerNodesFeedTheirEntryAndTreeReuseKeepsOnlyUsedEntries() {
    // Two root children sharing key 7, each with own evaluation 0 and one grandchild.
    var t = PUCTTree(rootPlayer: .white)
    t.valueRule.valueWeightExponent = 0
    t.valueRule.noisePruning = false
    t.expand(
      0, children: [(.play(Point(x: 0, y: 0)), 0.5), (.play(Point(x: 1, y: 0)), 0.5)],
      own: LeafValues(utility: 0), maxNodes: 100, biasKeys: [7, 7])
    t.nodes[0].add(LeafValues(utility: 0))
    for c in 1...2 {
      t.expand(Int32(c), children: [(.play(Point(x: 2, y: 0)), 1)], own: LeafValues(utility: 0), maxNodes: 100, biasKeys: [9])
      t.nodes[c].add(LeafValues(utility: 0))
    }
    func visit(_ child: Int32, _ grandchild: Int32, _ u: Double) {
      for i in [0, child, grandchild] { t.nodes[Int(i)].inFlight += 1 }
      t.backup([0, child, grandchild], LeafValues(utility: u))
    }
    visit(1, 3, 0.5)
    // Child 1's share: (0.5 − 0) · 1^0.85 with weight 1; its own value is corrected by 0.45 · 0.5.
    #expect(abs(t.biasTable[7]!.deltaSum - 0.5) < 1e-12 && abs(t.biasTable[7]!.weightSum - 1) < 1e-12)
    #expect(abs(t.nodes[1].utilitySum / t.nodes[1].weightSum - (0.45 * 0.5 + 0.5) / 2) < 1e-12)
    // A second visit replaces the node's share (weight 2^0.85) instead of adding to it.
    visit(1, 3, 0.5)
    let w = pow(2, 0.85)
    #expect(abs(t.biasTable[7]!.weightSum - w) < 1e-12 && abs(t.biasTable[7]!.deltaSum - 0.5 * w) < 1e-12)
    // Child 2 adds its own share: (−0.3) · 1.
    visit(2, 4, -0.3)
    #expect(abs(t.biasTable[7]!.deltaSum - (0.5 * w - 0.3)) < 1e-12)
    // Keeping child 1: entry 7 stays (child 1 uses it) minus 0.8 of discarded child 2's share.
    let kept = t.subtree(at: 1, rootPlayer: .black)
    #expect(abs(kept.biasTable[7]!.deltaSum - (0.5 * w - 0.3 * 0.2)) < 1e-12)
    #expect(abs(kept.biasTable[7]!.weightSum - (w + 0.2)) < 1e-12)
    // Keeping a grandchild: no kept node uses entry 7, so it goes.
    #expect(t.subtree(at: 3, rootPlayer: .white).biasTable[7] == nil)
  }

  @Test func reusedTreesAreRescoredForANewScoreCentre() {
    let p = PUCTParameters()
    func leaf(_ winLoss: Double, _ score: Double, center: Double) -> LeafValues {
      var v = LeafValues(winLoss: winLoss, score: score, scoreSq: score * score + 16, wlError: 0.1, scoreError: 2)
      v = PUCTEngine.rescored(v, center: center, area: 81, p)
      return v
    }
    // Root (White to move) with one child that has one visited grandchild, built at centre 0.
    var t = PUCTTree(rootPlayer: .white)
    t.valueRule.valueWeightExponent = 0
    t.valueRule.noisePruning = false
    t.valueRule.biasFactor = 0
    t.expand(0, children: [(.play(Point(x: 0, y: 0)), 1)], own: leaf(0.2, 3, center: 0), maxNodes: 100)
    t.nodes[0].add(t.nodes[0].own)
    t.expand(1, children: [(.play(Point(x: 1, y: 0)), 1)], own: leaf(-0.1, -2, center: 0), maxNodes: 100)
    for i in [0, 1] { t.nodes[i].inFlight += 1 }
    t.backup([0, 1], t.nodes[1].own)
    t.nodes[0].inFlight += 1
    t.nodes[1].inFlight += 1
    t.nodes[2].inFlight += 1
    t.backup([0, 1, 2], leaf(0.4, 6, center: 0))
    // Moving the centre to 5 rescores the leaf from its mean result and score distribution,
    // and rebuilds the inner nodes from their own (rescored) evaluations and children.
    t.rescoreAll(center: 5, area: 81, p)
    let grandchild = leaf(0.4, 6, center: 5)
    #expect(abs(t.nodes[2].utilitySum / t.nodes[2].weightSum - grandchild.utility) < 1e-12)
    #expect(t.nodes[2].weightSum == leaf(0.4, 6, center: 0).weight)  // a leaf keeps its weight
    let own1 = leaf(-0.1, -2, center: 5)
    #expect(abs(t.nodes[1].own.weight - own1.weight) < 1e-12)
    let expected1 = (own1.utility * own1.weight + grandchild.utility * t.nodes[2].weightSum) / (own1.weight + t.nodes[2].weightSum)
    #expect(abs(t.nodes[1].utilitySum / t.nodes[1].weightSum - expected1) < 1e-12)
    #expect(own1.utility != leaf(-0.1, -2, center: 0).utility)
  }
}
