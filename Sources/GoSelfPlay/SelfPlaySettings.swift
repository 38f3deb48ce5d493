import Foundation
import GoCore
import GoFormats
public import GoSearch

/// Every knob of the self-play generator (`docs/SELFPLAY.md`), with KataGo's self-play defaults
/// scaled for small boards. Search settings (cPUCT, noise concentration, …) are `PUCTParameters`
/// and set by their `kata-list-params` names in the same config file.
public struct SelfPlaySettings: Sendable, Equatable {
  /// Visits of a full search (one that becomes a training row).
  public var fullVisits = 64
  /// Visits of a cheap search (keeps the tree, no noise, writes no row). 0: every move full.
  public var cheapVisits = 16
  /// Probability that a move gets a full search (KataGo: 1 − `cheapSearchProb` = 0.25).
  public var fullSearchProbability = 0.25
  /// Distillation games: no search; every move is one network evaluation, played from the
  /// raw policy at the move temperature, and every move is a row whose policy target is that
  /// raw policy (the visit settings, noise, forced playouts and soft resignation do not
  /// apply). With a strong teacher network this labels positions as it plays them.
  public var rawPolicy = false

  /// Root policy temperature of full searches at the start of the game, decaying towards
  /// `rootPolicyTemperature` with the move temperature's half-life (KataGo 1.25 → 1.1).
  public var rootPolicyTemperatureEarly = 1.25
  public var rootPolicyTemperature = 1.1
  /// Move temperature over the pruned visit distribution: early value, late value and
  /// half-life in moves on 19×19 (scaled by 19/√area) (KataGo 0.75 → 0.15, 19).
  public var chosenMoveTemperatureEarly = 0.75
  public var chosenMoveTemperature = 0.15
  public var chosenMoveTemperatureHalflife = 19.0
  /// Forced playouts in full searches (KataGo's `rootDesiredPerChildVisitsCoeff`).
  public var forcedPlayoutsCoeff = 2.0
  /// Prune forced and noise-driven visits from full searches' policy targets.
  public var policyTargetPruning = true

  /// Opening moves sampled from the raw policy (temperature `policyInitTemperature`) before
  /// the searched game starts: an exponential count with mean `policyInitAreaProp` × area
  /// (KataGo 0.04: about 3 moves on 9×9). They write no rows.
  public var policyInitAreaProp = 0.04
  public var policyInitTemperature = 1.0
  /// After those moves, the probability that komi is reset to make the position fair by the
  /// network's lead (KataGo's `compensateAfterPolicyInitProb`).
  public var compensateAfterPolicyInitProb = 0.2

  /// Soft resignation (KataGo's `reduceVisits`, on by default): once the search's win/loss
  /// value was past `reduceVisitsThreshold` (−1…1) for the last `reduceVisitsLookback` moves,
  /// full searches shrink towards `reducedVisitsMin` visits and their rows' weight towards
  /// `reducedVisitsWeight`, quadratically in how far past.
  public var reduceVisits = true
  public var reduceVisitsThreshold = 0.9
  public var reduceVisitsLookback = 3
  public var reducedVisitsMin = 16
  public var reducedVisitsWeight = 0.1

  /// Leela Zero-style resignation (off at 0): a side resigns when its win rate (0…1) stays
  /// below this for `resignConsecutiveTurns` moves; `resignPlayoutProbability` of the games
  /// ignore it and are played out, to measure how often resigning would have been wrong.
  public var resignThreshold = 0.0
  public var resignConsecutiveTurns = 3
  public var resignPlayoutProbability = 0.1

  /// Komi: the rules' komi, or with `komiAuto` the fair komi the network gives the empty
  /// board (within `komiAutoMaxShift` of the rules' komi); then a normal offset of
  /// `komiStdev` (with probability `komiBigStdevProbability`, of `komiBigStdev`), rounded to
  /// half points (KataGo's `komiAuto`, 1.0, 0.06, 12 scaled to the board).
  public var komi = 7.0
  public var komiAuto = true
  public var komiAutoMaxShift = 4.0
  public var komiStdev = 1.0
  public var komiBigStdevProbability = 0.06
  public var komiBigStdev = 6.0
  /// Board sizes with weights (square boards).
  public var boardSizes: [WeightedChoice<Int>] = [WeightedChoice(9, 1)]
  /// Rules presets with weights.
  public var rules: [WeightedChoice<String>] = [WeightedChoice("chinese", 1)]
  /// A game that reaches this many moves × area ends and is scored as it stands.
  public var maxMovesAreaFactor = 3.0

  /// Side of the row grid; 0: the largest board size.
  public var posLen = 0
  /// Games per row file (the unit that is committed to disk; a killed run replays at most
  /// the unfinished ones).
  public var gamesPerFile = 16
  /// KataGo's short-term TD value factor: each turn's target is (1 − f) × the next turn's
  /// target + f × this turn's search value, f = 1 / (1 + area × this).
  public var shortTermValueFactor = 0.176

  public init() {}

  /// The search parameters self-play starts from before a config file changes them: the
  /// engine's, with KataGo's self-play values where they differ (`selfplay1.cfg`): cPUCT 1.1
  /// without log growth, no root first-play-urgency reduction, the score utility only
  /// dynamic (0.4), shaped Dirichlet noise.
  public static func defaultSearch() -> PUCTParameters {
    var p = PUCTParameters()
    p.cpuctExploration = 1.1
    p.cpuctExplorationLog = 0
    p.rootFpuReductionMax = 0
    p.staticScoreUtilityFactor = 0
    p.dynamicScoreUtilityFactor = 0.4
    p.rootDirichletNoiseShaped = true
    return p
  }

  /// The search settings every self-play search starts from: `base` with the root-only
  /// match tricks off (ending bonus, useless-move pruning, dame filling, symmetry pruning),
  /// LCB off for the move, one search thread, no resignation, the tree kept.
  public static func searchParameters(_ base: PUCTParameters) -> PUCTParameters {
    var p = base
    p.threads = 1
    p.rootSymmetryPruning = false
    p.rootEndingBonusPoints = 0
    p.rootPruneUselessMoves = false
    p.fillDameBeforePass = false
    p.useLcbForSelection = false
    p.reuseTree = true
    p.ponder = false
    p.resignThreshold = 0
    p.maxTime = nil
    p.thinking = .slow
    p.chosenMoveTemperature = 0
    p.chosenMoveTemperatureEarly = 0
    return p
  }

  /// KataGo's early-to-late decay: `late + (early − late) · 0.5^(turns / halflife · 19/√area)`.
  public func decayed(early: Double, late: Double, turns: Int, area: Int) -> Double {
    PUCTParameters.decay(early: early, late: late, halflife: chosenMoveTemperatureHalflife, turns: turns, area: area)
  }

  /// The largest board this configuration plays.
  public var largestBoard: Int { boardSizes.map(\.value).max() ?? 9 }
  /// The row grid side.
  public var rowGrid: Int { posLen > 0 ? posLen : largestBoard }
}

/// A value with a sampling weight.
public struct WeightedChoice<Value: Sendable & Equatable>: Sendable, Equatable {
  public var value: Value
  public var weight: Double
  public init(_ value: Value, _ weight: Double) {
    self.value = value
    self.weight = weight
  }
}

extension Array {
  /// One value drawn in proportion to the weights.
  func draw<V>(_ rng: inout FastRandom) -> V where Element == WeightedChoice<V> {
    let total = reduce(0) { $0 + Swift.max(0, $1.weight) }
    var x = rng.unit() * total
    for c in self where c.weight > 0 {
      x -= c.weight
      if x < 0 { return c.value }
    }
    return last!.value
  }
}
