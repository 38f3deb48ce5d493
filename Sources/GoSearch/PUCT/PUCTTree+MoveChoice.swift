import GoCore

/// The move choice's order over root children: most weight, or a better lower confidence
/// bound (LCB); also what analysis reports rank by.
extension PUCTTree {
  /// The root child with the most weight among `candidates`, or a well-visited one (weight at
  /// least `minVisitPropForLcb` of the most) whose utility lower confidence bound is higher.
  func bestChild(_ candidates: [Int32], _ p: PUCTParameters, mover: Player? = nil) -> Int32 {
    var best = candidates[0]
    for c in candidates where Self.weighsMore(nodes[Int(c)], nodes[Int(best)]) { best = c }
    guard p.useLcbForSelection else { return best }
    let most = nodes[Int(best)].weightSum
    var bestLcb = utilityLcb(best, p, mover: mover).lcb
    var chosen = best
    for c in candidates where nodes[Int(c)].weightSum >= p.minVisitPropForLcb * most {
      let l = utilityLcb(c, p, mover: mover).lcb
      if l > bestLcb {
        bestLcb = l
        chosen = c
      }
    }
    return chosen
  }

  /// Order for the move choice: more weight first, then more visits, then the higher prior.
  static func weighsMore(_ a: PUCTNode, _ b: PUCTNode) -> Bool {
    if a.weightSum != b.weightSum { return a.weightSum > b.weightSum }
    return ranksAbove(a, b)
  }

  /// A child's mean utility for the player choosing it (default: the root's player) and its
  /// lower confidence bound (with a root child's ending bonus).
  ///
  /// The second moment is blended with a pseudo-sample `lcbPriorUtilityRange`² wider, weighted
  /// W / ess³ (it matters for the first few visits only); radius = `lcbStdevs` · √(variance /
  /// effective samples).
  func utilityLcb(_ c: Int32, _ p: PUCTParameters, mover: Player? = nil) -> (
    mean: Double, lcb: Double, radius: Double
  ) {
    let n = nodes[Int(c)]
    guard n.visits > 0, n.weightSum > 0 else { return (0, -1e9, 1e9) }
    let weight = n.weightSum
    let mean = n.utilitySum / weight
    let meanSq = n.utilitySqSum / weight
    let ess = n.effectiveSamples
    let priorWeight = weight / (ess * ess * ess)
    let range = p.lcbPriorUtilityRange
    let blendedSq = (meanSq * weight + (meanSq + range * range) * priorWeight) / (weight + priorWeight)
    let blendedEss = (weight + priorWeight) * (weight + priorWeight) / (n.weightSqSum + priorWeight * priorWeight)
    let variance = max(0, blendedSq - mean * mean)
    let radius = p.lcbStdevs * (variance / blendedEss).squareRoot()
    let s = Perspective.sign(mover ?? rootPlayer)
    // A root child's ending bonus counts in its bound, not in its reported mean (KataGo).
    let bonus = n.parent == 0 ? rootEnding?.utilityDiff(n) ?? 0 : 0
    return (s * mean, s * (mean + bonus) - radius, radius)
  }
}
