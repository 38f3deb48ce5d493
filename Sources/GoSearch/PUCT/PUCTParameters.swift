import Foundation

/// Tunable settings of the PUCT search (names follow KataGo's where the idea is the same).
///
/// The settings both engines share (threads, time, seed, memory, resignation, tree reuse) are
/// `budget`'s; `p.threads` reads and writes `p.budget.threads`.
@dynamicMemberLookup
public struct PUCTParameters: Sendable, Hashable {
  /// How much thinking a move gets (Dualformer-style modes).
  public enum ThinkingMode: String, Sendable, Hashable, CaseIterable {
    /// The raw policy, or `fastVisits` visits.
    case fast
    /// The full time or visit budget.
    case slow
    /// Effort chosen from the position's uncertainty and the clock.
    case auto
  }

  /// Threads, time, seed, memory, resignation, tree reuse (defaults: 8 threads, 2M nodes,
  /// resign under 5%).
  public var budget = SearchBudget(threads: 8, maxNodes: 2_000_000, resignThreshold: 0.05)

  /// `budget`'s settings as if they were this struct's own (`p.threads`, `p.time.lagBuffer`).
  public subscript<T>(dynamicMember path: WritableKeyPath<SearchBudget, T>) -> T {
    get { budget[keyPath: path] }
    set { budget[keyPath: path] = newValue }
  }

  /// Small searches use fewer threads: at most ⌊new visits ÷ this⌋ (at least one), so that a
  /// 16-visit search is not blurred by another thread's virtual losses (KataGo's
  /// `minPlayoutsPerThread`, 8 in its GTP and analysis engines; 0 turns the cap off).
  public var minPlayoutsPerThread: Double = 8
  /// Stop after this many root visits per move (nil: no limit).
  public var maxVisits: Int? = nil
  /// `genmove` budget (visits and seconds) after the opponent's pass (KataGo's
  /// `searchFactorAfterOnePass`): the game is ending.
  public var searchFactorAfterOnePass: Double = 0.5
  /// The same after the opponent's last two moves were passes.
  public var searchFactorAfterTwoPass: Double = 0.25
  /// `genmove` budget when our last three root win/loss values were all clearly won: 1 at
  /// `searchFactorWhenWinningThreshold` (win/loss −1…1), falling linearly to this at 1.
  public var searchFactorWhenWinning: Double = 0.4
  /// Win/loss value (−1…1, 0.95 = 97.5%) past which `searchFactorWhenWinning` starts.
  public var searchFactorWhenWinningThreshold: Double = 0.95
  /// Thinking mode for `genmove`.
  public var thinking: ThinkingMode = .slow
  /// `auto` thinking's time factor and early stops.
  public var autoThinking = AutoThinkingParameters()
  /// Visits per move in `fast` mode (1 = the raw policy's best move).
  public var fastVisits: Int = 1

  /// Base exploration constant of PUCT.
  public var cpuctExploration: Double = 1.0
  /// Growth of the exploration constant with the log of the parent's visits.
  public var cpuctExplorationLog: Double = 0.45
  /// Visits at which that growth starts.
  public var cpuctExplorationBase: Double = 500
  /// Prior standard deviation of utility for variance-scaled cPUCT (0 disables the scaling).
  public var cpuctUtilityStdevPrior: Double = 0.40
  /// Weight (in visits) of that prior.
  public var cpuctUtilityStdevPriorWeight: Double = 2.0
  /// How strongly the observed utility spread scales exploration.
  public var cpuctUtilityStdevScale: Double = 0.85
  /// First-play urgency: an unvisited child is valued at the parent's value minus this times
  /// the square root of the policy mass already visited.
  public var fpuReductionMax: Double = 0.2
  /// The same at the root.
  public var rootFpuReductionMax: Double = 0.1
  /// The parent value FPU starts from blends the node's own evaluation with its search
  /// average, the average weighted by (visited policy mass)^`fpuParentWeightPower`.
  public var fpuParentWeightByVisitedPolicy: Bool = true
  /// Exponent of that blend.
  public var fpuParentWeightPower: Double = 2.0
  /// Utility a pending (virtual) visit counts as, for the player choosing (the lowest utility
  /// possible: −(win/loss + static + dynamic score factors)).
  public var virtualLossUtility: Double = -1.4

  /// Weight each evaluation by the network's own short-term error estimates (KataGo's
  /// uncertainty-weighted playouts): `coeff / (uncertainty^exponent + coeff / maxWeight)`.
  public var useUncertainty: Bool = true
  /// Numerator of the uncertainty weight.
  public var uncertaintyCoeff: Double = 0.25
  /// Exponent applied to the utility uncertainty.
  public var uncertaintyExponent: Double = 1.0
  /// Largest weight one evaluation can get.
  public var uncertaintyMaxWeight: Double = 8.0

  /// A node's value is recomputed from its children after every visit (KataGo), each child
  /// weighted by its weight times tCDF₃(z)^exponent, z its utility's distance from the
  /// children's mean in its own standard errors: better children count more (0: plain weights).
  public var valueWeightExponent: Double = 0.25
  /// In that recompute, take weight from a child that holds more than twice its policy share
  /// while being worse than the children before it in policy order (KataGo's noise pruning).
  public var useNoisePruning: Bool = true
  /// Utility gap over which noise pruning takes (1 − e^(−gap/scale)) of the excess weight.
  public var noisePruneUtilityScale: Double = 0.15
  /// Most weight noise pruning takes from one child.
  public var noisePruningCap: Double = 1e50

  /// Subtree value bias (KataGo): nodes reached by the same move after the same previous move
  /// with the same 5×5 neighbourhood share how far their searched value ended up from the
  /// network's; a new evaluation there is corrected by this fraction of that mean gap (0: off).
  public var subtreeValueBiasFactor: Double = 0.45
  /// A node's share of its entry grows as (its children's weight)^exponent.
  public var subtreeValueBiasWeightExponent: Double = 0.85
  /// Fraction of a discarded node's share removed from entries that kept nodes still use.
  public var subtreeValueBiasFreeProp: Double = 0.8
  /// Search one move of each class of moves a symmetry of the root position makes equivalent
  /// (KataGo's GTP and analysis default; self-play must turn it off, since its policy targets
  /// need visits on every move).
  public var rootSymmetryPruning: Bool = true
  /// Score points by which a root move on a point the network gives one side almost surely
  /// (ownership beyond ±0.95) is discouraged, scaled by how far beyond, unless it captures or
  /// touches opponent stones or connects own groups that are not pass-alive; under territory
  /// scoring a pass is discouraged by 2/3 of it (KataGo's `rootEndingBonusPoints`: shorter,
  /// cleaner game ends; GTP and analysis default 0.5, self-play 0).
  public var rootEndingBonusPoints: Double = 0.5
  /// After the opponent's last four moves were passes, never play inside either side's
  /// pass-alive area at the root (KataGo's `rootPruneUselessMoves`; ends games where one side
  /// keeps filling while the other passes).
  public var rootPruneUselessMoves: Bool = true
  /// Under territory scoring, do not choose to pass while a searched move that is not deep in
  /// the opponent's area is about as good (utility within 0.1, score and lead within 0.5
  /// points): fill the dame first (KataGo's GTP `fillDameBeforePass`).
  public var fillDameBeforePass: Bool = true

  /// Weight of the win/loss term of the utility.
  public var winLossUtilityFactor: Double = 1.0
  /// Weight of the score term centred on 0 (play for points when the game is decided).
  public var staticScoreUtilityFactor: Double = 0.1
  /// Weight of the score term centred on the root's expected score.
  public var dynamicScoreUtilityFactor: Double = 0.3
  /// Fraction of the root's expected score that is pulled back towards 0 for that centre.
  public var dynamicScoreCenterZeroWeight: Double = 0.2
  /// Scale of the dynamic score term, in units of sqrt(board area).
  public var dynamicScoreCenterScale: Double = 0.75
  /// Scale of the static score term, in units of sqrt(board area).
  public var staticScoreScale: Double = 2.0

  /// Prefer a well-visited move with a better lower confidence bound over the most visited.
  public var useLcbForSelection: Bool = true
  /// Standard deviations below the mean for the LCB.
  public var lcbStdevs: Double = 5.0
  /// Moves below this fraction of the most visited move's weight are not LCB candidates.
  public var minVisitPropForLcb: Double = 0.15
  /// Spread of the pseudo-sample that widens the LCB of barely visited moves.
  public var lcbPriorUtilityRange: Double = 1.4

  /// Policy temperature at the root (> 1 widens the search).
  public var rootPolicyTemperature: Double = 1.0
  /// Dirichlet noise at the root (self-play).
  public var rootNoise: Bool = false
  /// Total Dirichlet concentration, spread over the legal moves (KataGo's 0.03 × 361).
  public var rootDirichletTotalAlpha: Double = 10.83
  /// Share of the noise in the noised root priors.
  public var rootNoiseWeight: Double = 0.25
  /// Shaped noise (KataGo's self-play): half of the total concentration is spread evenly over
  /// the legal moves, half over the moves whose log-policy is above the legal moves' mean, in
  /// proportion to how far above; off: all of it evenly.
  public var rootDirichletNoiseShaped: Bool = false
  /// Forced playouts (KataGo's `rootDesiredPerChildVisitsCoeff`, 2 in self-play, 0 off): a
  /// visited root child with prior P is chosen while its weight is below √(k · P · W), W the
  /// root children's total weight, so that noise-boosted moves get enough visits to be judged;
  /// the policy target then prunes those extra visits (`policyTarget(prune:)`).
  public var rootDesiredPerChildVisitsCoeff: Double = 0
  /// Move choice temperature (0: the best move; self-play uses > 0 in the opening).
  public var chosenMoveTemperature: Double = 0
  /// The temperature at the start of the game; it decays towards `chosenMoveTemperature` with
  /// a half-life of `chosenMoveTemperatureHalflife` moves on 19×19, scaled by 19 / √area
  /// (KataGo's GTP defaults are 0.5, 0.1 and 19; Tengen's are 0: always the best move).
  public var chosenMoveTemperatureEarly: Double = 0
  /// Moves (on 19×19) over which the early temperature's excess halves.
  public var chosenMoveTemperatureHalflife: Double = 19

  /// The move temperature after `turns` moves on a board of `area` points.
  public func moveTemperature(turns: Int, area: Int) -> Double {
    Self.decay(
      early: chosenMoveTemperatureEarly, late: chosenMoveTemperature, halflife: chosenMoveTemperatureHalflife,
      turns: turns, area: area)
  }

  /// KataGo's early-to-late decay: `late + (early − late) · 0.5^(turns / halflife · 19/√area)`
  /// (a half-life in moves on 19×19, shorter on smaller boards).
  public static func decay(early: Double, late: Double, halflife: Double, turns: Int, area: Int) -> Double {
    let halflives = Double(turns) / max(0.1, halflife) * 19 / Double(max(1, area)).squareRoot()
    return late + (early - late) * pow(0.5, halflives)
  }
  /// Accepted for compatibility with KataGo's analysis settings; not used yet.
  public var wideRootNoise: Double = 0

  /// Keep searching the opponent's turn after our move (GTP `genmove`).
  public var ponder: Bool = false

  /// Moves in a row under `resignThreshold` before resigning.
  public var resignConsecutiveTurns: Int = 3
  /// Never resign before this fraction of the board is filled.
  public var resignMinFill: Double = 0.15
  /// Ownership beyond which a stone counts as dead (for friendly passing and terminal scores).
  public var deadStoneOwnership: Double = 0.6

  public init() {}
}
