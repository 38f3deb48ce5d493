import Foundation

/// Samples from a symmetric Dirichlet distribution (root exploration noise in self-play).
enum DirichletNoise {
  /// `count` values summing to one, each with concentration `alpha`.
  static func sample(count: Int, alpha: Double, rng: inout FastRandom) -> [Double] {
    sample(alphas: [Double](repeating: alpha, count: count), rng: &rng)
  }

  /// Values summing to one, value k with concentration `alphas[k]`.
  static func sample(alphas: [Double], rng: inout FastRandom) -> [Double] {
    let count = alphas.count
    guard count > 0 else { return [] }
    var values = alphas.map { $0 > 0 ? gamma($0, &rng) : 0 }
    let total = values.reduce(0, +)
    if total <= 0 {
      values = [Double](repeating: 1 / Double(count), count: count)
    } else {
      for k in values.indices { values[k] /= total }
    }
    return values
  }

  /// How KataGo's shaped noise spreads the total concentration over moves with these priors:
  /// half evenly, half in proportion to how far each move's log-prior lies above the mean
  /// log-prior (all evenly when none does). The shares sum to one.
  static func shapedShares(priors: [Float]) -> [Double] {
    let n = priors.count
    guard n > 0 else { return [] }
    let logs = priors.map { log(max(Double($0), 1e-20)) }
    let mean = logs.reduce(0, +) / Double(n)
    let above = logs.map { max(0, $0 - mean) }
    let total = above.reduce(0, +)
    guard total > 0 else { return [Double](repeating: 1 / Double(n), count: n) }
    return above.map { 0.5 * $0 / total + 0.5 / Double(n) }
  }

  /// A Gamma(alpha, 1) sample (Marsaglia–Tsang; boosted for alpha < 1).
  static func gamma(_ alpha: Double, _ rng: inout FastRandom) -> Double {
    if alpha < 1 {
      let u = max(rng.unit(), 1e-300)
      return gamma(alpha + 1, &rng) * pow(u, 1 / alpha)
    }
    let d = alpha - 1.0 / 3
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = rng.normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = rng.unit()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if log(max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }
}
