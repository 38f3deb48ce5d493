import GoCore

extension PUCTTree {
  /// Sets the root children's priors from `list` (same moves), mixing in noise if given.
  mutating func setRootPriors(_ list: [(Move, Float)], noise: [Double]?, noiseWeight: Double) {
    var prior: [Move: Float] = [:]
    for (k, (m, p)) in list.enumerated() {
      var v = p
      if let noise, k < noise.count {
        v = Float((1 - noiseWeight) * Double(p) + noiseWeight * noise[k])
      }
      prior[m] = v
    }
    for c in children(0) { nodes[Int(c)].prior = prior[nodes[Int(c)].move] ?? 0 }
  }
}
