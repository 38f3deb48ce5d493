import Foundation

/// Wins, losses and draws of one side, with a 95% interval, an Elo estimate and an SPRT.
public struct MatchStatistics: Sendable, Equatable {
  public var wins = 0
  public var losses = 0
  public var draws = 0

  public init(wins: Int = 0, losses: Int = 0, draws: Int = 0) {
    self.wins = wins
    self.losses = losses
    self.draws = draws
  }

  public var games: Int { wins + losses + draws }

  /// Points per game: a win 1, a draw ½.
  public var score: Double {
    games == 0 ? 0.5 : (Double(wins) + Double(draws) / 2) / Double(games)
  }

  /// Wilson 95% interval of the score.
  public var scoreInterval: (low: Double, high: Double) {
    let n = Double(games)
    guard n > 0 else { return (0, 1) }
    let z = 1.959964
    let p = score
    let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / (1 + z * z / n)
    return (max(0, centre - half), min(1, centre + half))
  }

  /// The logistic Elo difference a score corresponds to (±∞ at 0 and 1).
  public static func elo(_ score: Double) -> Double {
    if score <= 0 { return -.infinity }
    if score >= 1 { return .infinity }
    return -400 * log10(1 / score - 1)
  }

  /// Elo estimate with its 95% interval (from the score interval).
  public var eloEstimate: (elo: Double, low: Double, high: Double) {
    let ci = scoreInterval
    return (Self.elo(score), Self.elo(ci.low), Self.elo(ci.high))
  }

  /// Log-likelihood ratio of H1 (`elo1`) over H0 (`elo0`), by the normal approximation to
  /// the per-game scores.
  ///
  /// Mean and variance are estimated with half a virtual win and half a virtual loss added:
  /// without them a clean sweep has variance 0 and two wins in two games already "prove" H1.
  public func sprtLLR(elo0: Double, elo1: Double) -> Double {
    let n = Double(games)
    guard n > 1 else { return 0 }
    let s0 = 1 / (1 + pow(10, -elo0 / 400))
    let s1 = 1 / (1 + pow(10, -elo1 / 400))
    let w = Double(wins) + 0.5
    let l = Double(losses) + 0.5
    let d = Double(draws)
    let mean = (w + d / 2) / (w + l + d)
    let sq = (w + d / 4) / (w + l + d)
    let variance = max(sq - mean * mean, 1e-6)
    return (s1 - s0) * (2 * mean - s0 - s1) * n / (2 * variance)
  }

  /// The SPRT's verdict: "H1" (accept elo1), "H0" (accept elo0) or nil (continue).
  public func sprtDecision(elo0: Double, elo1: Double, alpha: Double = 0.05, beta: Double = 0.05)
    -> String?
  {
    let llr = sprtLLR(elo0: elo0, elo1: elo1)
    if llr >= log((1 - beta) / alpha) { return "H1" }
    if llr <= log(beta / (1 - alpha)) { return "H0" }
    return nil
  }

  /// One-line report: `W-L-D, score 0.62 [0.48, 0.74], Elo +85 [-14, +180]`.
  public var report: String {
    let ci = scoreInterval
    let e = eloEstimate
    func f(_ v: Double) -> String {
      v.isFinite ? String(format: "%+.0f", v) : (v > 0 ? "+inf" : "-inf")
    }
    return "\(wins)-\(losses)-\(draws) (W-L-D), score "
      + String(format: "%.3f [%.3f, %.3f]", score, ci.low, ci.high)
      + ", Elo \(f(e.elo)) [\(f(e.low)), \(f(e.high))]"
  }
}
