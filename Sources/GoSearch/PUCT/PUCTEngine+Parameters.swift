import Foundation
public import GoCore

/// `kata-list-params` / `kata-set-param` over `PUCTParameters`, and pondering.
extension PUCTEngine {
  /// A settable parameter: its name, how to read it, how to set it from text.
  typealias ParameterSpec = SettingSpec<PUCTParameters>

  static func double(
    _ name: String, _ kp: WritableKeyPath<PUCTParameters, Double> & Sendable, in range: ClosedRange<Double>,
    _ doc: String
  ) -> ParameterSpec {
    .double(name, kp, in: range, doc: doc)
  }

  static func int(
    _ name: String, _ kp: WritableKeyPath<PUCTParameters, Int> & Sendable, in range: ClosedRange<Int>,
    _ doc: String
  ) -> ParameterSpec {
    .int(name, kp, min: range.lowerBound, max: range.upperBound, doc: doc)
  }

  static func bool(
    _ name: String, _ kp: WritableKeyPath<PUCTParameters, Bool> & Sendable, _ doc: String
  ) -> ParameterSpec {
    .bool(name, kp, doc: doc)
  }

  /// Every parameter `kata-set-param` accepts, with KataGo's names where they exist, what it
  /// accepts and what it does (`docs/SEARCH.md` has the formulas).
  static let parameterSpecs: [ParameterSpec] = [
    ParameterSpec(
      name: "maxVisits", range: "-1 (no limit) or an integer from 1 to 1000000000 (0 or less: no limit)",
      doc: "Root visits per move at most; -1: no limit (time decides) (--visits)",
      get: { $0.maxVisits.map(String.init) ?? "-1" },
      set: { p, v in
        guard let x = Int(v), x <= 1_000_000_000 else { return false }
        p.maxVisits = x <= 0 ? nil : x
        return true
      }),
  ]
    + SearchBudget.settingSpecs(
      at: \PUCTParameters.budget, unsetText: "-1", names: ["threads": "numSearchThreads"],
      docs: [
        "threads":
          "Search threads; they mostly wait on the network, and more fill its batches (--search-threads)",
        "maxNodes": "Tree nodes at most (memory); past it leaves are evaluated, not expanded",
        "resignThreshold":
          "Resign when the win rate stays under this for resignConsecutiveTurns moves (0: never) (--resign-threshold)",
      ])
    + [
    double("minPlayoutsPerThread", \.minPlayoutsPerThread, in: 0...1e6,
           "A search uses at most one thread per this many new visits (0: no cap)"),
    double("searchFactorAfterOnePass", \.searchFactorAfterOnePass, in: 0...1,
           "Share of the move budget after the opponent passed (the game is ending)"),
    double("searchFactorAfterTwoPass", \.searchFactorAfterTwoPass, in: 0...1,
           "Share of the move budget after the opponent's last two moves were passes"),
    double("searchFactorWhenWinning", \.searchFactorWhenWinning, in: 0...1,
           "Share of the move budget when the last three searches were clearly won"),
    double("searchFactorWhenWinningThreshold", \.searchFactorWhenWinningThreshold, in: -1...1,
           "Win/loss value (-1 to 1) past which searchFactorWhenWinning starts"),
    ParameterSpec(
      name: "thinking", range: "fast, slow or auto",
      doc: "genmove effort: fast (raw policy), slow (the full budget) or auto (by uncertainty) (--thinking)",
      get: { $0.thinking.rawValue },
      set: { p, v in
        guard let m = PUCTParameters.ThinkingMode(rawValue: v.lowercased()) else { return false }
        p.thinking = m
        return true
      }),
    int("fastVisits", \.fastVisits, in: 1...1_000_000_000, "Visits per move in fast thinking (1: the raw policy's best move)"),
    double("autoMinBudgetFactor", \.autoThinking.minBudgetFactor, in: 0.01...10,
           "Auto thinking: time factor of a move with a certain policy (and the least)"),
    double("autoMaxBudgetFactor", \.autoThinking.maxBudgetFactor, in: 0.01...10,
           "Auto thinking: the most the time factor reaches"),
    double("autoEntropySlope", \.autoThinking.entropySlope, in: 0...10,
           "Auto thinking: growth of the time factor with the policy's normalised entropy"),
    int("autoMinVisits", \.autoThinking.minVisits, in: 0...1_000_000_000,
        "Auto thinking: its early stops wait for more root-children visits than this"),
    double("autoDominantSpentShare", \.autoThinking.dominantSpentShare, in: 0...1,
           "Auto thinking: stop after this share of the time if one move has autoDominantVisitShare"),
    double("autoDominantVisitShare", \.autoThinking.dominantVisitShare, in: 0...1,
           "Auto thinking: the share of the visits that one move must hold"),
    double("autoDecidedSpentShare", \.autoThinking.decidedSpentShare, in: 0...1,
           "Auto thinking: stop after this share of the time if the win rate is past autoDecidedWinrate"),
    double("autoDecidedWinrate", \.autoThinking.decidedWinrate, in: 0.5...1,
           "Auto thinking: win rate (or 1 minus it) from which the game counts as decided"),
    double("cpuctExploration", \.cpuctExploration, in: 0...100, "Base exploration constant of PUCT"),
    double("cpuctExplorationLog", \.cpuctExplorationLog, in: 0...100,
           "Growth of the exploration constant with the log of the parent's visits"),
    double("cpuctExplorationBase", \.cpuctExplorationBase, in: 1...1e9, "Visits at which that growth starts"),
    double("cpuctUtilityStdevPrior", \.cpuctUtilityStdevPrior, in: 0...10,
           "Prior utility standard deviation of variance-scaled cPUCT (0: no scaling)"),
    double("cpuctUtilityStdevPriorWeight", \.cpuctUtilityStdevPriorWeight, in: 0...1e6, "Weight in visits of that prior"),
    double("cpuctUtilityStdevScale", \.cpuctUtilityStdevScale, in: 0...10,
           "How strongly the observed utility spread scales exploration"),
    double("fpuReductionMax", \.fpuReductionMax, in: 0...2,
           "First-play urgency: an unvisited child's value is the parent's minus this times sqrt(visited policy)"),
    double("rootFpuReductionMax", \.rootFpuReductionMax, in: 0...2, "The same at the root"),
    bool("fpuParentWeightByVisitedPolicy", \.fpuParentWeightByVisitedPolicy,
         "FPU's parent value blends its evaluation with its search average by visited policy mass"),
    double("fpuParentWeightByVisitedPolicyPow", \.fpuParentWeightPower, in: 0...10, "Exponent of that blend"),
    bool("useUncertainty", \.useUncertainty,
         "Weight each evaluation by the network's own error estimate (uncertainty-weighted playouts)"),
    double("uncertaintyCoeff", \.uncertaintyCoeff, in: 1e-4...100, "Numerator of the uncertainty weight"),
    double("uncertaintyExponent", \.uncertaintyExponent, in: 0...10, "Exponent applied to the utility uncertainty"),
    double("uncertaintyMaxWeight", \.uncertaintyMaxWeight, in: 1e-4...1e6, "Largest weight one evaluation can get"),
    double("valueWeightExponent", \.valueWeightExponent, in: 0...10,
           "Better children weigh more in a node's value by tCDF(z)^this (0: plain weights)"),
    bool("useNoisePruning", \.useNoisePruning,
         "Take weight from a child over twice its policy share that is worse than those before it"),
    double("noisePruneUtilityScale", \.noisePruneUtilityScale, in: 1e-4...10,
           "Utility gap over which noise pruning takes 1 - e^(-gap/scale) of the excess weight"),
    double("noisePruningCap", \.noisePruningCap, in: 0...1e50, "Most weight noise pruning takes from one child"),
    double("subtreeValueBiasFactor", \.subtreeValueBiasFactor, in: 0...1,
           "Share of the mean search-vs-network gap of like positions that corrects new evaluations (0: off)"),
    double("subtreeValueBiasWeightExponent", \.subtreeValueBiasWeightExponent, in: 0...10,
           "A node's share of its bias entry grows as its children's weight to this power"),
    double("subtreeValueBiasFreeProp", \.subtreeValueBiasFreeProp, in: 0...1,
           "Share of a discarded node's bias removed from entries that kept nodes still use"),
    bool("rootSymmetryPruning", \.rootSymmetryPruning,
         "Search one move of each class of root moves a symmetry of the position makes equivalent"),
    double("rootEndingBonusPoints", \.rootEndingBonusPoints, in: 0...10,
           "Points by which a root move inside a settled area is discouraged (cleaner game ends)"),
    bool("rootPruneUselessMoves", \.rootPruneUselessMoves,
         "After four opponent passes, never play inside a pass-alive area at the root"),
    bool("fillDameBeforePass", \.fillDameBeforePass,
         "Under territory scoring, fill the dame before passing when that is about as good"),
    double("winLossUtilityFactor", \.winLossUtilityFactor, in: 0...10, "Weight of the win/loss term of the utility"),
    double("staticScoreUtilityFactor", \.staticScoreUtilityFactor, in: 0...10,
           "Weight of the score term centred on 0 (points when the game is decided)"),
    double("dynamicScoreUtilityFactor", \.dynamicScoreUtilityFactor, in: 0...10,
           "Weight of the score term centred on the root's expected score"),
    double("dynamicScoreCenterZeroWeight", \.dynamicScoreCenterZeroWeight, in: 0...1,
           "Share of the root's expected score pulled back towards 0 for that centre"),
    double("dynamicScoreCenterScale", \.dynamicScoreCenterScale, in: 1e-4...100,
           "Scale of the dynamic score term, in units of sqrt(board area)"),
    bool("useLcbForSelection", \.useLcbForSelection,
         "Prefer a well-visited move with a better lower confidence bound over the most visited"),
    double("lcbStdevs", \.lcbStdevs, in: 0...100, "Standard deviations below the mean for the LCB"),
    double("minVisitPropForLCB", \.minVisitPropForLcb, in: 0...1,
           "Moves under this share of the most visited move's weight are not LCB candidates"),
    double("rootPolicyTemperature", \.rootPolicyTemperature, in: 0.01...100, "Policy temperature at the root (> 1 widens the search)"),
    bool("rootNoiseEnabled", \.rootNoise, "Dirichlet noise on the root priors (self-play)"),
    double("rootDirichletNoiseTotalConcentration", \.rootDirichletTotalAlpha, in: 1e-3...1e4,
           "Total Dirichlet concentration, spread over the legal moves"),
    double("rootDirichletNoiseWeight", \.rootNoiseWeight, in: 0...1, "Share of the noise in the noised root priors"),
    bool("rootDirichletNoiseShaped", \.rootDirichletNoiseShaped,
         "Spread half the noise over the moves the policy likes (KataGo's self-play)"),
    double("rootDesiredPerChildVisitsCoeff", \.rootDesiredPerChildVisitsCoeff, in: 0...100,
           "Forced playouts at the root: k in sqrt(k * prior * total weight) (0: off)"),
    double("chosenMoveTemperature", \.chosenMoveTemperature, in: 0...10, "Move choice temperature late in the game (0: the best move)"),
    double("chosenMoveTemperatureEarly", \.chosenMoveTemperatureEarly, in: 0...10,
           "Move choice temperature at the start; it decays towards chosenMoveTemperature"),
    double("chosenMoveTemperatureHalflife", \.chosenMoveTemperatureHalflife, in: 0.1...1000,
           "Moves (on 19x19) over which the early temperature's excess halves"),
    double("wideRootNoise", \.wideRootNoise, in: 0...10, "Accepted for KataGo's analysis settings; not used yet"),
    bool("ponderingEnabled", \.ponder, "Keep searching on the opponent's time after genmove (--ponder)"),
    int("resignConsecutiveTurns", \.resignConsecutiveTurns, in: 1...1000, "Moves in a row under the threshold before resigning"),
  ] + SearchBudget.timeSettingSpecs(at: \PUCTParameters.budget)

  /// Every parameter with its value in `params`, accepted values and meaning.
  public static func parameterDescriptions(_ params: PUCTParameters) -> [ParameterDescription] {
    parameterSpecs.map { $0.description(of: params) }
  }

  public var parameterValues: [(name: String, value: String)] {
    Self.parameterSpecs.map { ($0.name, $0.get(params)) }
  }

  /// Sets one parameter by name; ends pondering first, since the pondering thread reads
  /// `params` while it searches.
  public func setParameter(_ name: String, _ value: String) throws(ParameterError) {
    stopPondering()
    let seed = params.budget.seed
    try Self.setParameter(name, value, in: &params)
    // The move temperature and root noise draw from `rng`: a new seed starts it afresh.
    if params.budget.seed != seed { rng = FastRandom(seed: params.budget.seed) }
  }

  /// Whether `name` is a parameter `setParameter` knows.
  public static func isParameter(_ name: String) -> Bool {
    parameterSpecs.contains { $0.name == name }
  }

  /// Sets parameter `name` of `params` from its text, as `kata-set-param` does; `params` is
  /// unchanged on error.
  public static func setParameter(
    _ name: String, _ value: String, in params: inout PUCTParameters
  ) throws(ParameterError) {
    guard let spec = parameterSpecs.first(where: { $0.name == name }) else {
      throw ParameterError("Unknown parameter: \(name)")
    }
    try spec.apply(value, to: &params)
  }

  /// Starts searching `state` in the background until the next call into the engine or
  /// `stop()` (GTP pondering on the opponent's time). Does nothing unless `params.ponder`.
  /// A failed search (the evaluator's error, a refused thread) is logged: the next move then
  /// gets no head start.
  public func ponder(_ state: GameState) {
    guard params.ponder, !state.isOver else { return }
    stopPondering()
    stopFlag.store(false, ordering: .relaxed)
    let body: @Sendable () -> Void = { [self] in
      var limits = SearchLimits()
      limits.maxVisits = params.budget.maxNodes / 2
      do {
        try runSearch(
          state, limits: limits, restrictions: [], forbidRootPass: false, analysis: nil,
          report: nil, pondering: true)
      } catch {
        log("pondering failed: \(error)")
      }
      ponderDone.signal()
    }
    do {
      try startThread(body)
      pondering = true
    } catch {
      log("pondering failed: \(error)")
    }
  }

  /// Ends pondering, if it runs, and waits for its threads.
  func stopPondering() {
    guard pondering else { return }
    stop()
    ponderDone.wait()
    pondering = false
  }
}
