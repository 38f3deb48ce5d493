import Foundation
import GoCore
import GoNeuralNet

/// Turning evaluations and final positions into the values and children the tree stores.
extension PUCTEngine {
  /// KataGo-style score utility: a bounded, smooth function of White's score.
  ///
  /// `(2/π)·atan((score − center) / (scale · √area))`.
  static func scoreValue(_ score: Double, center: Double, scale: Double, area: Int) -> Double {
    (2 / Double.pi) * atan((score - center) / (scale * Double(area).squareRoot()))
  }

  /// The expected `scoreValue` when White's score is normal with `mean` and `stdev` (KataGo
  /// scores a network's whole score distribution, not just its mean).
  ///
  /// Trapezoid rule over ±6σ in 48 steps: for a Gaussian times a smooth function it converges
  /// geometrically; the error is far below 1e-6 utility.
  static func expectedScoreValue(
    mean: Double, stdev: Double, center: Double, scale: Double, area: Int
  ) -> Double {
    let s = scale * Double(area).squareRoot()
    guard stdev > 1e-6 * s else { return scoreValue(mean, center: center, scale: scale, area: area) }
    var sum = 0.0
    var weights = 0.0
    for k in 0...48 {
      let z = Double(k - 24) * 0.25
      let w = exp(-0.5 * z * z)
      sum += w * atan((mean + stdev * z - center) / s)
      weights += w
    }
    return (2 / Double.pi) * sum / weights
  }

  /// The utility of an outcome for White: win/loss plus the static and dynamic score terms,
  /// each the expectation over a normal score of `scoreStdev` (0: an exact score).
  static func utility(
    winLoss: Double, score: Double, scoreStdev: Double = 0, center: Double, area: Int,
    _ p: PUCTParameters
  ) -> Double {
    p.winLossUtilityFactor * winLoss
      + p.staticScoreUtilityFactor
      * expectedScoreValue(mean: score, stdev: scoreStdev, center: 0, scale: p.staticScoreScale, area: area)
      + p.dynamicScoreUtilityFactor
      * expectedScoreValue(
        mean: score, stdev: scoreStdev, center: center, scale: p.dynamicScoreCenterScale, area: area)
  }

  /// The values one network evaluation backs up (White's view), weighted by its uncertainty.
  static func leafValues(
    _ e: NNEvaluation, center: Double, area: Int, _ p: PUCTParameters
  ) -> LeafValues {
    let winLoss = Double(e.whiteWin - e.whiteLoss)
    let score = Double(e.whiteScoreMean)
    let stdev = max(0, Double(e.whiteScoreMeanSq) - score * score).squareRoot()
    return LeafValues(
      weight: uncertaintyWeight(e, center: center, area: area, p),
      utility: utility(winLoss: winLoss, score: score, scoreStdev: stdev, center: center, area: area, p),
      winLoss: winLoss, noResult: Double(e.noResult), lead: Double(e.whiteLead), score: score,
      scoreSq: Double(e.whiteScoreMeanSq), wlError: Double(e.shorttermWinlossError),
      scoreError: Double(e.shorttermScoreError))
  }

  /// `v` with its utility and weight recomputed for a new score centre (tree reuse).
  static func rescored(_ v: LeafValues, center: Double, area: Int, _ p: PUCTParameters) -> LeafValues {
    var out = v
    let stdev = max(0, v.scoreSq - v.score * v.score).squareRoot()
    out.utility = utility(winLoss: v.winLoss, score: v.score, scoreStdev: stdev, center: center, area: area, p)
    if v.wlError >= 0 && v.scoreError >= 0 {
      out.weight = uncertaintyWeight(
        wlError: v.wlError, scoreError: v.scoreError, score: v.score, center: center, area: area, p)
    }
    return out
  }

  /// How much one evaluation counts: `coeff / (u^exponent + coeff / maxWeight)`, where `u` is
  /// the network's short-term win/loss error plus its short-term score error converted to
  /// utility by the slope of the score terms at the predicted score. 1 when the evaluator
  /// reports no errors (rollouts, networks before v9) or weighting is off.
  static func uncertaintyWeight(
    _ e: NNEvaluation, center: Double, area: Int, _ p: PUCTParameters
  ) -> Double {
    uncertaintyWeight(
      wlError: Double(e.shorttermWinlossError), scoreError: Double(e.shorttermScoreError),
      score: Double(e.whiteScoreMean), center: center, area: area, p)
  }

  /// The uncertainty weight from the network's error estimates and predicted score.
  static func uncertaintyWeight(
    wlError: Double, scoreError: Double, score: Double, center: Double, area: Int, _ p: PUCTParameters
  ) -> Double {
    guard p.useUncertainty, wlError >= 0, scoreError >= 0, p.uncertaintyCoeff > 0, p.uncertaintyMaxWeight > 0
    else { return 1 }
    let root = Double(area).squareRoot()
    func slope(_ x: Double, _ scale: Double) -> Double {
      let s = scale * root
      return (2 / Double.pi) * s / (s * s + x * x)
    }
    let scoreSlope =
      p.staticScoreUtilityFactor * slope(score, p.staticScoreScale)
      + p.dynamicScoreUtilityFactor * slope(score - center, p.dynamicScoreCenterScale)
    let u = p.winLossUtilityFactor * wlError + scoreSlope * scoreError
    let powered = p.uncertaintyExponent == 1 ? u : pow(u, p.uncertaintyExponent)
    return p.uncertaintyCoeff / (powered + p.uncertaintyCoeff / p.uncertaintyMaxWeight)
  }

  /// The centre of the dynamic score utility: the root's expected score (from the kept tree
  /// when there is one, else the network) pulled towards 0, at most `dynamicScoreCenterScale`
  /// × √area away from it.
  static func scoreCenter(expected: Double, area: Int, _ p: PUCTParameters) -> Double {
    let cap = p.dynamicScoreCenterScale * Double(area).squareRoot()
    let pulled = expected * (1 - p.dynamicScoreCenterZeroWeight)
    return min(expected + cap, max(expected - cap, pulled))
  }

  /// The exact values of a finished game (White's view).
  ///
  /// Under rules that let players agree on dead stones (friendly passing or territory
  /// scoring), stones that `whiteOwnership` gives firmly to the other side are removed first;
  /// under strict area rules (Tromp-Taylor) every stone counts, so the search learns to
  /// capture dead stones before passing.
  static func terminalValues(
    _ state: GameState, whiteOwnership: [Float]?, center: Double, _ p: PUCTParameters
  ) -> LeafValues {
    let area = state.board.area
    if state.isNoResult {
      return LeafValues(
        utility: 0, winLoss: 0, noResult: 1, lead: 0, score: 0, scoreSq: 0)
    }
    let dead = deadStones(state, whiteOwnership: whiteOwnership, threshold: p.deadStoneOwnership)
    let score = state.score(dead: dead)
    let white = score.white - score.black
    let winLoss: Double = white > 0 ? 1 : (white < 0 ? -1 : 0)
    return LeafValues(
      utility: utility(winLoss: winLoss, score: white, center: center, area: area, p),
      winLoss: winLoss, noResult: 0, lead: white, score: white, scoreSq: white * white)
  }

  /// Chains the ownership gives to the other colour by a mean beyond `threshold`, when the
  /// rules let players agree on dead stones; none under strict area rules.
  static func deadStones(
    _ state: GameState, whiteOwnership: [Float]?, threshold: Double
  ) -> Set<Point> {
    guard let own = whiteOwnership, state.rules.friendlyPassOk || state.rules.scoring == .territory
    else { return [] }
    return deadChains(state.board, whiteOwnership: own, threshold: threshold)
  }

  /// Chains whose mean ownership (`whiteOwnership`, row-major, White's view) favours the
  /// other colour by more than `threshold`: a chain lives or dies as one, whatever its single
  /// stones read.
  /// - Complexity: O(area).
  static func deadChains(_ board: Board, whiteOwnership own: [Float], threshold: Double = 0) -> Set<Point> {
    var dead: Set<Point> = []
    guard own.count == board.area else { return dead }
    var seen: Set<Point> = []
    for p in board.points where board[p] != .empty && !seen.contains(p) {
      let chain = board.chainStones(p)
      seen.formUnion(chain)
      let sign: Double = board[p] == .white ? 1 : -1
      let total = chain.reduce(0.0) { $0 + sign * Double(own[$1.y * board.width + $1.x]) }
      if total < -threshold * Double(chain.count) { dead.formUnion(chain) }
    }
    return dead
  }

  /// The legal moves of `state` with their policy priors, normalised, pass last.
  ///
  /// - Parameter temperature: priors become p^(1/T) before normalising.
  static func childList(
    _ state: GameState, _ e: NNEvaluation, temperature: Double = 1
  ) -> [(Move, Float)] {
    var list: [(Move, Float)] = []
    let w = state.board.width
    list.reserveCapacity(state.board.emptyCount + 1)
    for p in state.board.points where state.board[p] == .empty {
      let raw = e.policy.count == state.board.area ? e.policy[p.y * w + p.x] : 0
      guard raw >= 0, state.isLegal(.play(p)) else { continue }
      list.append((.play(p), raw))
    }
    if !state.isOver { list.append((.pass, max(e.passProbability, 0))) }
    return normalise(list, temperature: temperature)
  }

  /// Priors scaled to sum to one (uniform if they sum to zero), after a temperature.
  static func normalise(_ list: [(Move, Float)], temperature: Double) -> [(Move, Float)] {
    var out = list
    if temperature != 1 && temperature > 0 {
      let inv = Float(1 / temperature)
      for k in out.indices { out[k].1 = powf(max(out[k].1, 1e-20), inv) }
    }
    let total = out.reduce(Float(0)) { $0 + $1.1 }
    if total > 0 {
      for k in out.indices { out[k].1 /= total }
    } else if !out.isEmpty {
      for k in out.indices { out[k].1 = 1 / Float(out.count) }
    }
    return out
  }
}
