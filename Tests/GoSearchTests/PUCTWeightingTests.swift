import Foundation
import GoCore
import GoNeuralNet
@testable import GoSearch
import Testing

/// Uncertainty weights, weighted node statistics, FPU, virtual loss and the LCB of the PUCT
/// search, checked on hand-built nodes against the formulas in docs/SEARCH.md.
@Suite struct PUCTWeightingTests {
  static func eval(wlError: Float, scoreError: Float, score: Float = 0) -> NNEvaluation {
    NNEvaluation(
      xSize: 9, ySize: 9, nextPlayer: 1, policy: [Float](repeating: 1 / 81, count: 81),
      passProbability: 0, whiteWin: 0.5, whiteLoss: 0.5, noResult: 0, whiteLead: score,
      whiteScoreMean: score, whiteScoreMeanSq: score * score, shorttermWinlossError: wlError,
      shorttermScoreError: scoreError, whiteOwnership: [Float](repeating: 0, count: 81))
  }

  @Test func uncertaintyWeightFollowsTheErrors() {
    let p = PUCTParameters()
    func weight(_ wl: Float, _ sc: Float, score: Float = 0, center: Double = 0) -> Double {
      PUCTEngine.uncertaintyWeight(Self.eval(wlError: wl, scoreError: sc, score: score), center: center, area: 81, p)
    }
    // No error estimates (rollouts, old networks): every visit counts once.
    #expect(weight(-1, -1) == 1)
    // A sure evaluation gets the largest weight, 8.
    #expect(abs(weight(0, 0) - 8) < 1e-12)
    // The documented formula: 0.25 / (wlError + slope(score) · scoreError + 0.25 / 8).
    let slope = 0.1 * (2 / Double.pi) / 18 + 0.3 * (2 / Double.pi) / 6.75
    let expected = 0.25 / (0.05 + slope * Double(Float(0.49)) + 0.03125)
    #expect(abs(weight(0.05, 0.49) - expected) < 1e-6)
    // More uncertainty, less weight; a score far from both centres makes score errors matter less.
    #expect(weight(0.2, 0.49) < weight(0.05, 0.49))
    #expect(weight(0.05, 3) < weight(0.05, 0.49))
    #expect(weight(0.05, 3, score: 40, center: 0) > weight(0.05, 3, score: 0, center: 0))
    var off = p
    off.useUncertainty = false
    #expect(PUCTEngine.uncertaintyWeight(Self.eval(wlError: 0.05, scoreError: 0.5), center: 0, area: 81, off) == 1)
  }

  @Test func nodeMeansAreWeighted() {
    var n = PUCTNode(move: .pass, parent: -1, prior: 1)
    n.add(LeafValues(weight: 1, utility: 0, winLoss: -1))
    n.add(LeafValues(weight: 3, utility: 1, winLoss: 1))
    #expect(n.visits == 2)
    #expect(n.weightSum == 4)
    #expect(abs(n.mean(n.utilitySum) - 0.75) < 1e-12)
    #expect(abs(n.mean(n.winLossSum) - 0.5) < 1e-12)
    #expect(abs(n.effectiveSamples - 1.6) < 1e-12)
  }

  /// A root (White to move) expanded into two children with equal priors.
  static func twoChildTree(own: Double) -> PUCTTree {
    var t = PUCTTree(rootPlayer: .white)
    t.expand(
      0, children: [(.play(Point(x: 0, y: 0)), 0.5), (.play(Point(x: 1, y: 0)), 0.5)],
      own: LeafValues(utility: own), maxNodes: 100)
    return t
  }

  @Test func firstPlayUrgencyMovesFromTheOwnValueToTheAverage() {
    var p = PUCTParameters()
    var t = Self.twoChildTree(own: 0.4)
    t.nodes[0].add(LeafValues(utility: 0.4))
    t.nodes[0].add(LeafValues(utility: -0.6))  // average −0.1
    let root = t.nodes[0]
    // Nothing visited: the node's own evaluation, no reduction.
    #expect(abs(t.firstPlayUrgency(root, visitedPolicy: 0, perspective: 1, depth: 0, p) - 0.4) < 1e-12)
    // All policy visited: the search average minus the root reduction (0.1).
    #expect(abs(t.firstPlayUrgency(root, visitedPolicy: 1, perspective: 1, depth: 0, p) - (-0.2)) < 1e-12)
    // Half visited: a quarter of the way (mass²), minus 0.2·√0.5 below the root.
    let half = 0.25 * -0.1 + 0.75 * 0.4 - 0.2 * 0.5.squareRoot()
    #expect(abs(t.firstPlayUrgency(root, visitedPolicy: 0.5, perspective: 1, depth: 1, p) - half) < 1e-12)
    // For Black the same values change sign before the reduction.
    #expect(abs(t.firstPlayUrgency(root, visitedPolicy: 0, perspective: -1, depth: 0, p) + 0.4) < 1e-12)
    p.fpuParentWeightByVisitedPolicy = false
    #expect(abs(t.firstPlayUrgency(root, visitedPolicy: 0, perspective: 1, depth: 0, p) - (-0.1)) < 1e-12)
  }

  @Test func pendingVisitsSteerOtherThreadsAway() {
    var t = Self.twoChildTree(own: 0)
    t.nodes[0].add(LeafValues(utility: 0))
    for c in t.children(0) { t.nodes[Int(c)].add(LeafValues(weight: 2, utility: 0.1)) }
    let ctx = SelectionContext(params: PUCTParameters(), restrictions: [], forbidRootPass: false, visitLimit: 100)
    let first = t.children(0).lowerBound
    t.nodes[Int(first)].inFlight = 1
    #expect(t.selectChild(0, depth: 0, ctx) == first + 1)
    t.nodes[Int(first)].inFlight = 0
    t.nodes[Int(first + 1)].inFlight = 1
    #expect(t.selectChild(0, depth: 0, ctx) == first)
  }

  @Test func lowerConfidenceBoundTightensWithEvidence() {
    let p = PUCTParameters()
    var t = Self.twoChildTree(own: 0)
    let (a, b) = (t.children(0).lowerBound, t.children(0).lowerBound + 1)
    t.nodes[Int(a)].add(LeafValues(weight: 2, utility: 0.3))
    for k in 0..<12 { t.nodes[Int(b)].add(LeafValues(weight: 2, utility: k % 2 == 0 ? 0.25 : 0.35)) }
    let one = t.utilityLcb(a, p)
    let many = t.utilityLcb(b, p)
    #expect(abs(one.mean - 0.3) < 1e-12 && abs(many.mean - 0.3) < 1e-12)
    #expect(many.radius < one.radius / 4)
    // The better-bounded move wins although it is no better on average, once it is the most weighted.
    #expect(t.bestChild([a, b], p) == b)
  }

  @Test func scoreCentreIsPulledToZeroWithinACap() {
    let p = PUCTParameters()
    #expect(abs(PUCTEngine.scoreCenter(expected: 10, area: 81, p) - 8) < 1e-12)
    #expect(abs(PUCTEngine.scoreCenter(expected: -10, area: 81, p) + 8) < 1e-12)
    // 0.2 · 50 = 10 > 0.75 · 9 = 6.75: capped.
    #expect(abs(PUCTEngine.scoreCenter(expected: 50, area: 81, p) - (50 - 6.75)) < 1e-12)
  }
}
