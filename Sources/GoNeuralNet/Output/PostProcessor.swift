import GoCore
import GoFeatures

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns raw network outputs into `NNEvaluation`s exactly as KataGo post-processes them.
public struct PostProcessor: Sendable {
  /// The model whose outputs are processed.
  public let model: ModelDescription
  /// Mixing weight of the optimistic policy channel (KataGo's rootPolicyOptimism; 0.2 in kata-raw-nn).
  public var policyOptimism: Float
  /// Policy softmax temperature.
  public var policyTemperature: Float

  /// A post-processor with KataGo's `kata-raw-nn` defaults.
  public init(model: ModelDescription, policyOptimism: Float = 0.2, policyTemperature: Float = 1) {
    self.model = model
    self.policyOptimism = policyOptimism
    self.policyTemperature = policyTemperature
  }

  static func softplus(_ x: Double) -> Double { x > 40 ? x : log1p(exp(x)) }

  /// Post-processes sample `index` of `raw`, which was evaluated for `game` under `symmetry`.
  /// - Throws: `NNOutputError` when an output is not finite (the policy's softmax sum, the
  ///   value, a score or an ownership value): such an evaluation never reaches the search.
  public func process(
    _ raw: NNRawOutputBatch, index: Int, game: NNGame, symmetry: Symmetry
  ) throws(NNOutputError) -> NNEvaluation {
    // Models before v7 play under the nearest rules they support (`docs/KATAGO.md` §5.4).
    let game = model.version < 7 ? game.withPreV7Rules() : game
    let board = game.board
    let w = raw.nnXLen
    let h = raw.nnYLen
    let area = w * h
    let pc = raw.policyChannels
    let pla = game.nextPlayer
    let banned = game.superkoBanned(for: pla)
    let optimism = pc >= 2 ? Double(policyOptimism) : 0
    func mixed(_ base: Int, stride: Int) -> Double {
      let c0 = Double(raw.policy[base])
      guard pc >= 2 else { return c0 }
      return c0 + (Double(raw.policy[base + stride]) - c0) * optimism
    }
    // Policy logits on the board, mapped back through the symmetry.
    var logits = [Double](repeating: -.infinity, count: board.area)
    let scale = 1 / Double(policyTemperature)
    for y in 0..<board.height {
      for x in 0..<board.width {
        let p = Point(x: x, y: y)
        guard game.isLegal(p, for: pla, banned: banned) else { continue }
        let t = symmetry.apply(x: x, y: y, gridWidth: w, gridHeight: h)
        logits[y * board.width + x] = mixed(index * pc * area + t.y * w + t.x, stride: area) * scale
      }
    }
    let p0 = Double(raw.pass[index * pc])
    let passLogit = (pc >= 2 ? p0 + (Double(raw.pass[index * pc + 1]) - p0) * optimism : p0) * scale
    let maxLogit = max(logits.max() ?? -.infinity, passLogit)
    var total = exp(passLogit - maxLogit)
    for l in logits where l > -.infinity { total += exp(l - maxLogit) }
    // A NaN logit is skipped by the sum above but not by the probabilities below.
    guard total.isFinite, total > 0, passLogit.isFinite, !logits.contains(where: \.isNaN) else {
      throw NNOutputError(output: "policy sum")
    }
    let policy = logits.map { $0 == -.infinity ? Float(-1) : Float(exp($0 - maxLogit) / total) }
    let passProb = Float(exp(passLogit - maxLogit) / total)
    // Value head.
    let v = (0..<3).map { Double(raw.value[index * 3 + $0]) }
    // Version 3 nets never mask the no-result outcome.
    let noResultPossible = model.version == 3 || game.rules.ko == .simple || game.rules.scoring == .territory
    let vm = noResultPossible ? max(v[0], v[1], v[2]) : max(v[0], v[1])
    let ew = exp(v[0] - vm)
    let el = exp(v[1] - vm)
    let en = noResultPossible ? exp(v[2] - vm) : 0
    let vt = ew + el + en
    var win = ew / vt
    var loss = el / vt
    let noResult = en / vt
    guard win.isFinite, loss.isFinite, noResult.isFinite else { throw NNOutputError(output: "value") }
    let pp = model.postProcess
    let sc = raw.scoreCount
    let s = (0..<sc).map { Double(raw.score[index * sc + $0]) }
    var scoreMean = 0.0
    var scoreMeanSq = 0.0
    var lead = 0.0
    var varTime = -1.0
    var stWL = -1.0
    var stScore = -1.0
    if model.version >= 4 {
      scoreMean = s[0] * Double(pp.scoreMeanMultiplier)
      let stdev = Self.softplus(s[1]) * Double(pp.scoreStdevMultiplier)
      scoreMeanSq = scoreMean * scoreMean + stdev * stdev
      lead = model.version >= 8 ? s[2] * Double(pp.leadMultiplier) : scoreMean
      if model.version >= 9 { varTime = Self.softplus(s[3]) * Double(pp.varianceTimeMultiplier) }
      if model.version >= 14 {
        stWL = Self.softplus(0.5 * s[4]) * Double(pp.shorttermValueErrorMultiplier).squareRoot()
        stScore = Self.softplus(0.5 * s[5]) * Double(pp.shorttermScoreErrorMultiplier).squareRoot()
      } else if model.version >= 10 {
        stWL = (Self.softplus(s[4]) * Double(pp.shorttermValueErrorMultiplier)).squareRoot()
        stScore = (Self.softplus(s[5]) * Double(pp.shorttermScoreErrorMultiplier)).squareRoot()
      } else if model.version == 9 {
        stWL = Self.softplus(s[4])
        stScore = 10 * Self.softplus(s[5])
      }
      scoreMean *= 1 - noResult
      scoreMeanSq *= 1 - noResult
      lead *= 1 - noResult
    } else {
      // Version 3: a pre-arctan score value, mapped back to points by KataGo's smooth score
      // value inverse (center 0, scale 2 × sqrt(board area)); not scaled by no-result.
      let angle = atan(s[0])
      let unscaled = angle >= .pi / 2 - 1e-6 ? 1e6 : angle <= -.pi / 2 + 1e-6 ? -1e6 : tan(angle)
      scoreMean = Double(Float(unscaled * 2 * Double(board.area).squareRoot()))
      scoreMeanSq = scoreMean * scoreMean
      lead = scoreMean
    }
    guard scoreMean.isFinite, scoreMeanSq.isFinite, lead.isFinite, varTime.isFinite, stWL.isFinite,
      stScore.isFinite
    else { throw NNOutputError(output: "score") }
    // Ownership, mapped back through the symmetry.
    var own = [Float](repeating: 0, count: board.area)
    var ownershipIsFinite = true
    for y in 0..<board.height {
      for x in 0..<board.width {
        let t = symmetry.apply(x: x, y: y, gridWidth: w, gridHeight: h)
        let o = Float(tanh(Double(raw.ownership[index * area + t.y * w + t.x])))
        ownershipIsFinite = ownershipIsFinite && !o.isNaN
        own[y * board.width + x] = o
      }
    }
    guard ownershipIsFinite else { throw NNOutputError(output: "ownership") }
    if pla == 1 {
      swap(&win, &loss)
      scoreMean = -scoreMean
      lead = -lead
      own = own.map { -$0 }
    }
    return NNEvaluation(
      xSize: board.width, ySize: board.height, nextPlayer: pla, policy: policy,
      passProbability: passProb, whiteWin: Float(win), whiteLoss: Float(loss),
      noResult: Float(noResult), whiteLead: Float(lead), whiteScoreMean: Float(scoreMean),
      whiteScoreMeanSq: Float(scoreMeanSq), varTimeLeft: Float(varTime),
      shorttermWinlossError: Float(stWL), shorttermScoreError: Float(stScore), whiteOwnership: own)
  }
}
