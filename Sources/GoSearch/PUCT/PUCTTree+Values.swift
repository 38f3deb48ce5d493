import Foundation

extension PUCTTree {
  /// Adds one visit with `values` along `path` (root first) and removes its virtual losses.
  ///
  /// The leaf adds the values to its sums; every node above it counts the visit and has its
  /// sums rebuilt from its children's means and its own evaluation (`recompute`), so a node's
  /// value leans towards its better children instead of averaging every visit alike. A fresh
  /// network evaluation (`evaluated`) is first corrected by the leaf's subtree value bias
  /// entry; exact values of finished games are not.
  ///
  /// - Complexity: O(Σ children of the path's inner nodes).
  mutating func backup(_ path: [Int32], _ values: LeafValues, evaluated: Bool = false) {
    guard let leaf = path.last else { return }
    nodes[Int(leaf)].inFlight -= 1
    var v = values
    if evaluated { v.utility += biasCorrection(nodes[Int(leaf)].biasKey) }
    nodes[Int(leaf)].add(v)
    var depth = path.count - 2
    while depth >= 0 {
      let i = path[depth]
      nodes[Int(i)].inFlight -= 1
      nodes[Int(i)].visits += 1
      recompute(i, depth: depth)
      depth -= 1
    }
  }

  /// One visited child as `recompute` weighs it: its index, its utility for the node's
  /// player, its weight, its prior.
  typealias ChildWeight = (index: Int32, utility: Double, weight: Double, prior: Double)

  /// Rebuilds node `i`'s weighted sums from its visited children and its own evaluation.
  ///
  /// Children are taken in policy order. Noise pruning first removes weight from a child whose
  /// utility is below the weighted mean of the children before it and whose weight exceeds twice
  /// the share its prior gives it (`noisePrune`); then each child's weight is scaled by its
  /// value (`weightByValue`); the subtree value bias entry is updated and the sums rebuilt
  /// (`rebuildSums`).
  ///
  /// - Complexity: O(children of `i`).
  mutating func recompute(_ i: Int32, depth: Int) {
    let s = Perspective.sign(player(atDepth: depth))
    let rule = valueRule
    var kids: [ChildWeight] = []
    for c in children(i) {
      let n = nodes[Int(c)]
      guard n.visits > 0, n.weightSum > 0 else { continue }
      kids.append((c, s * n.utilitySum / n.weightSum, n.weightSum, max(1e-30, Double(n.prior))))
    }
    var total = 0.0
    for k in kids { total += k.weight }
    if kids.count > 1 {
      kids.sort { $0.prior > $1.prior }
      if rule.noisePruning { total = Self.noisePrune(&kids, rule) }
      if rule.valueWeightExponent > 0 && total > 0 { Self.weightByValue(&kids, total: total, rule) }
    }
    rebuildSums(i, kids: kids, total: total)
  }

  /// KataGo's noise pruning over `kids` in policy order: a child worse than the weighted mean of
  /// the children before it loses (1 − e^(−gap / `noisePruneUtilityScale`)) of its weight above
  /// twice its policy share of theirs, at most `noisePruningCap`. Returns the pruned total.
  static func noisePrune(_ kids: inout [ChildWeight], _ rule: ValueRule) -> Double {
    var utilitySoFar = 0.0
    var weightSoFar = 0.0
    var priorSoFar = 0.0
    for k in kids.indices {
      let old = kids[k].weight
      var new = old
      if weightSoFar > 0 && priorSoFar > 0 {
        let gap = utilitySoFar / weightSoFar - kids[k].utility
        let lenientShare = 2 * weightSoFar * kids[k].prior / priorSoFar
        if gap > 0 && old > lenientShare {
          let take = min(rule.noisePruningCap, (old - lenientShare) * (1 - exp(-gap / rule.noisePruneUtilityScale)))
          new = old - take
          kids[k].weight = new
        }
      }
      utilitySoFar += kids[k].utility * new
      weightSoFar += new
      priorSoFar += kids[k].prior
    }
    return weightSoFar
  }

  /// Scales each child's weight by (tCDF₃(z) + 0.0001)^`valueWeightExponent`, z = (its utility −
  /// the children's weighted mean) / its standard error √(1 / (1.5 √weight)), and renormalises
  /// the weights to `total` (KataGo's `downweightBadChildrenAndNormalizeWeight`).
  static func weightByValue(_ kids: inout [ChildWeight], total: Double, _ rule: ValueRule) {
    var simple = 0.0
    for k in kids { simple += k.utility * k.weight }
    simple /= total
    var unnormalised = 0.0
    for k in kids.indices {
      let w = kids[k].weight
      let stdev = (1e-8 + 1 / (1.5 * w.squareRoot())).squareRoot()
      let p = ValueRule.tCDF3((kids[k].utility - simple) / stdev) + 0.0001
      kids[k].weight = w * pow(p, rule.valueWeightExponent)
      unnormalised += kids[k].weight
    }
    if unnormalised > 0 {
      let f = total / unnormalised
      for k in kids.indices { kids[k].weight *= f }
    }
  }

  /// Node `i`'s sums from its own evaluation (corrected by its subtree value bias entry, which
  /// this updates with how far its children's value moved from it) and its children at their
  /// weights `kids` (summing to `total`).
  mutating func rebuildSums(_ i: Int32, kids: [ChildWeight], total: Double) {
    let rule = valueRule
    var n = nodes[Int(i)]
    let own = n.own
    let ownWeight = own.weight
    var ownUtility = own.utility
    if n.biasKey != 0 && rule.biasFactor > 0 {
      if total > 1e-10 {
        var childUtility = 0.0
        for k in kids { childUtility += k.weight * nodes[Int(k.index)].utilitySum / nodes[Int(k.index)].weightSum }
        var originalWeight = 0.0
        for k in kids { originalWeight += nodes[Int(k.index)].weightSum }
        let weight = pow(originalWeight, rule.biasWeightExponent)
        let delta = (childUtility / total - own.utility) * weight
        var e = biasTable[n.biasKey, default: SubtreeBiasEntry()]
        e.deltaSum += delta - n.biasDelta
        e.weightSum += weight - n.biasWeight
        biasTable[n.biasKey] = e
        n.biasDelta = delta
        n.biasWeight = weight
      }
      ownUtility += biasCorrection(n.biasKey)
    }
    n.weightSum = ownWeight
    n.weightSqSum = ownWeight * ownWeight
    n.utilitySum = ownWeight * ownUtility
    n.utilitySqSum = ownWeight * ownUtility * ownUtility
    n.winLossSum = ownWeight * own.winLoss
    n.noResultSum = ownWeight * own.noResult
    n.leadSum = ownWeight * own.lead
    n.scoreSum = ownWeight * own.score
    n.scoreSqSum = ownWeight * own.scoreSq
    for k in kids {
      let c = nodes[Int(k.index)]
      let f = k.weight / c.weightSum
      n.weightSum += k.weight
      n.weightSqSum += f * f * c.weightSqSum
      n.utilitySum += f * c.utilitySum
      n.utilitySqSum += f * c.utilitySqSum
      n.winLossSum += f * c.winLossSum
      n.noResultSum += f * c.noResultSum
      n.leadSum += f * c.leadSum
      n.scoreSum += f * c.scoreSum
      n.scoreSqSum += f * c.scoreSqSum
    }
    nodes[Int(i)] = n
  }
}

extension PUCTTree {
  /// Recomputes every kept node for a new score centre before a search on a reused tree
  /// (KataGo recomputes the whole tree when the dynamic score utility moves).
  ///
  /// Each node's own evaluation gets its utility and uncertainty weight anew; a node without
  /// visited children takes the utility of its mean result and score distribution (its weight
  /// unchanged); a node with visited children is rebuilt from them by `recompute`. Children
  /// always sit after their parent in the arena, so one backward pass sees children first.
  ///
  /// - Complexity: O(nodes + Σ children).
  mutating func rescoreAll(center: Double, area: Int, _ p: PUCTParameters) {
    var depth = [Int32](repeating: 0, count: nodes.count)
    for i in nodes.indices {
      for c in children(Int32(i)) { depth[Int(c)] = depth[i] + 1 }
    }
    for i in nodes.indices.reversed() where nodes[i].visits > 0 && nodes[i].weightSum > 0 {
      nodes[i].own = PUCTEngine.rescored(nodes[i].own, center: center, area: area, p)
      let hasVisitedChild = children(Int32(i)).contains { nodes[Int($0)].visits > 0 && nodes[Int($0)].weightSum > 0 }
      if hasVisitedChild {
        recompute(Int32(i), depth: Int(depth[i]))
      } else {
        let n = nodes[i]
        let score = n.mean(n.scoreSum)
        let stdev = max(0, n.mean(n.scoreSqSum) - score * score).squareRoot()
        let u = PUCTEngine.utility(
          winLoss: n.mean(n.winLossSum), score: score, scoreStdev: stdev, center: center, area: area, p)
        nodes[i].utilitySum = n.weightSum * u
        nodes[i].utilitySqSum = n.weightSum * u * u
      }
    }
  }
}
