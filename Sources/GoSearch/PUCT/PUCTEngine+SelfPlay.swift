import Foundation
public import GoCore
public import GoNeuralNet

/// One root child after a search, as self-play's targets need it.
public struct RootChildStats: Sendable, Equatable {
  /// The move.
  public var move: Move
  /// Completed visits.
  public var visits: Int
  /// Sum of the visits' weights.
  public var weight: Double
  /// The prior the search used (noised and tempered when those were on).
  public var prior: Double
  /// The policy-target weight: `weight`, or its pruned value (`PUCTTree.policyTargetWeights`).
  public var targetWeight: Double
}

/// What one self-play search leaves behind: the root's children and averaged values, and the
/// network's own evaluation of the root.
public struct SelfPlaySearchResult: Sendable {
  /// Every root child (legal move), pass last.
  public var children: [RootChildStats]
  /// Root visits at the end (a kept tree's included).
  public var rootVisits: Int
  /// White's win/loss (−1…1), no-result probability, expected score and lead, averaged over
  /// the root's search.
  public var whiteWinLoss: Double
  public var whiteNoResult: Double
  public var whiteScore: Double
  public var whiteLead: Double
  /// The network's raw evaluation of the root.
  public var rawEval: NNEvaluation
  /// Counters of the search.
  public var stats: PUCTEngine.SearchStats
}

/// Searches for self-play: a fixed visit budget, the settings the caller put in `params` for
/// this move (noise, root policy temperature, forced playouts), and the root's children with
/// their policy-target weights instead of a chosen move (the generator chooses).
extension PUCTEngine {
  /// Searches `state` until the root has `visits` visits (a kept tree's count), on a fresh
  /// tree when `freshTree`, else on the subtree kept from the previous search when the game
  /// followed it.
  ///
  /// - Parameter prunePolicyTarget: reduce every child but the best to the weight at which
  ///   PUCT would no longer have chosen it (KataGo's policy-target pruning, which takes out
  ///   forced playouts and noise-driven visits).
  /// - Throws: when the root cannot be evaluated.
  public func selfPlaySearch(
    _ state: GameState, visits: Int, freshTree: Bool, prunePolicyTarget: Bool
  ) throws -> SelfPlaySearchResult {
    if freshTree { clearTree() }
    var limits = SearchLimits()
    limits.maxVisits = max(1, visits)
    try runSearch(state, limits: limits, restrictions: [], forbidRootPass: false, analysis: nil, report: nil)
    let p = params
    return tree.withLock { t in
      let targets = t.policyTargetWeights(prune: prunePolicyTarget, p)
      let children = zip(t.children(0), targets).map { c, w in
        let n = t.nodes[Int(c)]
        return RootChildStats(
          move: n.move, visits: Int(n.visits), weight: n.weightSum, prior: Double(n.prior), targetWeight: w)
      }
      let root = t.nodes[0]
      return SelfPlaySearchResult(
        children: children, rootVisits: Int(root.visits),
        whiteWinLoss: root.mean(root.winLossSum), whiteNoResult: root.mean(root.noResultSum),
        whiteScore: root.mean(root.scoreSum), whiteLead: root.mean(root.leadSum),
        rawEval: t.rootEval!, stats: lastStats)
    }
  }

  /// Forgets the search tree (not the evaluator's cache, which other games may share).
  public func clearTree() {
    stopPondering()
    tree.withLock { $0 = PUCTTree(rootPlayer: .black) }
    treeLine = nil
  }
}

extension PUCTTree {
  /// The root children's policy-target weights, in child order.
  ///
  /// Without pruning, each child's weight. With pruning (KataGo's play selection values
  /// without the LCB step): the best child — most weight, discounting one visit's worth and
  /// adding twice the prior, so that a barely visited move cannot win by one lucky visit —
  /// keeps its weight; every other visited child is cut to the weight at which its PUCT value
  /// would equal the best child's, rounded up to whole units and never above its own weight.
  /// Unvisited children get 0.
  ///
  /// - Complexity: O(children).
  func policyTargetWeights(prune: Bool, _ p: PUCTParameters) -> [Double] {
    let kids = children(0)
    var weights = kids.map { nodes[Int($0)].visits > 0 ? nodes[Int($0)].weightSum : 0 }
    guard prune, !kids.isEmpty else { return weights }
    var best = 0
    var bestGoodness = -Double.infinity
    for (k, c) in kids.enumerated() {
      let n = nodes[Int(c)]
      let v = Double(n.visits)
      let g = weights[k] * max(0, v - 1) / max(1, v) + 2 * Double(n.prior)
      if g > bestGoodness {
        bestGoodness = g
        best = k
      }
    }
    let total = weights.reduce(0, +)
    var cpuct = p.cpuctExploration + p.cpuctExplorationLog * log((total + p.cpuctExplorationBase) / p.cpuctExplorationBase)
    if p.cpuctUtilityStdevPrior > 0 { cpuct *= varianceScale(nodes[0], p) }
    let scaling = cpuct * (total + 0.01).squareRoot()
    let s = Perspective.sign(rootPlayer)
    func q(_ c: Int32) -> Double {
      let n = nodes[Int(c)]
      return s * (n.utilitySum / n.weightSum + (rootEnding?.utilityDiff(n) ?? 0))
    }
    let bestNode = nodes[Int(kids.lowerBound) + best]
    guard bestNode.weightSum > 0 else { return weights }
    let bestValue = q(kids.lowerBound + Int32(best)) + scaling * Double(bestNode.prior) / (1 + weights[best])
    for (k, c) in kids.enumerated() where k != best && weights[k] > 0 {
      let explore = bestValue - q(c)
      guard explore > 0 else { continue }
      let wanted = max(0, scaling * Double(nodes[Int(c)].prior) / explore - 1)
      weights[k] = min(weights[k], wanted.rounded(.up))
    }
    return weights
  }
}
