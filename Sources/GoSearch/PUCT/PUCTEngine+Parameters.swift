import Foundation
public import GoCore

/// `kata-list-params` / `kata-set-param` over `PUCTParameters`, and pondering.
extension PUCTEngine {
  /// A settable parameter: its name, how to read it, how to set it from text.
  typealias ParameterSpec = SettingSpec<PUCTParameters>

  static func double(
    _ name: String, _ kp: WritableKeyPath<PUCTParameters, Double> & Sendable, _ doc: String
  ) -> ParameterSpec {
    .double(name, kp, doc: doc)
  }

  static func int(
    _ name: String, _ kp: WritableKeyPath<PUCTParameters, Int> & Sendable, min: Int = 0, _ doc: String
  ) -> ParameterSpec {
    .int(name, kp, min: min, doc: doc)
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
      name: "maxVisits", range: "-1 (no limit) or an integer >= 1",
      doc: "Root visits per move at most; -1: no limit (time decides) (--visits)",
      get: { $0.maxVisits.map(String.init) ?? "-1" },
      set: { p, v in
        guard let x = Int(v) else { return false }
        p.maxVisits = x <= 0 ? nil : x
        return true
      }),
    ParameterSpec(
      name: "maxTime", range: "-1 (no limit) or a positive number",
      doc: "Seconds per move at most; -1: from the clock, else defaultMoveTime (--time)",
      get: { $0.maxTime.map { "\($0)" } ?? "-1" },
      set: { p, v in
        guard let x = Double(v), x.isFinite else { return false }
        p.maxTime = x <= 0 ? nil : x
        return true
      }),
    int("numSearchThreads", \.threads, min: 1,
        "Search threads; they mostly wait on the network, and more fill its batches (--search-threads)"),
    double("minPlayoutsPerThread", \.minPlayoutsPerThread,
           "A search uses at most one thread per this many new visits (0: no cap)"),
  ] + TimeParameters.settingSpecs(at: \PUCTParameters.time) + [
    double("searchFactorAfterOnePass", \.searchFactorAfterOnePass,
           "Share of the move budget after the opponent passed (the game is ending)"),
    double("searchFactorAfterTwoPass", \.searchFactorAfterTwoPass,
           "Share of the move budget after the opponent's last two moves were passes"),
    double("searchFactorWhenWinning", \.searchFactorWhenWinning,
           "Share of the move budget when the last three searches were clearly won"),
    double("searchFactorWhenWinningThreshold", \.searchFactorWhenWinningThreshold,
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
    int("fastVisits", \.fastVisits, min: 1, "Visits per move in fast thinking (1: the raw policy's best move)"),
    double("cpuctExploration", \.cpuctExploration, "Base exploration constant of PUCT"),
    double("cpuctExplorationLog", \.cpuctExplorationLog,
           "Growth of the exploration constant with the log of the parent's visits"),
    double("cpuctExplorationBase", \.cpuctExplorationBase, "Visits at which that growth starts"),
    double("cpuctUtilityStdevPrior", \.cpuctUtilityStdevPrior,
           "Prior utility standard deviation of variance-scaled cPUCT (0: no scaling)"),
    double("cpuctUtilityStdevPriorWeight", \.cpuctUtilityStdevPriorWeight, "Weight in visits of that prior"),
    double("cpuctUtilityStdevScale", \.cpuctUtilityStdevScale,
           "How strongly the observed utility spread scales exploration"),
    double("fpuReductionMax", \.fpuReductionMax,
           "First-play urgency: an unvisited child's value is the parent's minus this times sqrt(visited policy)"),
    double("rootFpuReductionMax", \.rootFpuReductionMax, "The same at the root"),
    bool("fpuParentWeightByVisitedPolicy", \.fpuParentWeightByVisitedPolicy,
         "FPU's parent value blends its evaluation with its search average by visited policy mass"),
    double("fpuParentWeightByVisitedPolicyPow", \.fpuParentWeightPower, "Exponent of that blend"),
    bool("useUncertainty", \.useUncertainty,
         "Weight each evaluation by the network's own error estimate (uncertainty-weighted playouts)"),
    double("uncertaintyCoeff", \.uncertaintyCoeff, "Numerator of the uncertainty weight"),
    double("uncertaintyExponent", \.uncertaintyExponent, "Exponent applied to the utility uncertainty"),
    double("uncertaintyMaxWeight", \.uncertaintyMaxWeight, "Largest weight one evaluation can get"),
    double("valueWeightExponent", \.valueWeightExponent,
           "Better children weigh more in a node's value by tCDF(z)^this (0: plain weights)"),
    bool("useNoisePruning", \.useNoisePruning,
         "Take weight from a child over twice its policy share that is worse than those before it"),
    double("noisePruneUtilityScale", \.noisePruneUtilityScale,
           "Utility gap over which noise pruning takes 1 - e^(-gap/scale) of the excess weight"),
    double("noisePruningCap", \.noisePruningCap, "Most weight noise pruning takes from one child"),
    double("subtreeValueBiasFactor", \.subtreeValueBiasFactor,
           "Share of the mean search-vs-network gap of like positions that corrects new evaluations (0: off)"),
    double("subtreeValueBiasWeightExponent", \.subtreeValueBiasWeightExponent,
           "A node's share of its bias entry grows as its children's weight to this power"),
    double("subtreeValueBiasFreeProp", \.subtreeValueBiasFreeProp,
           "Share of a discarded node's bias removed from entries that kept nodes still use"),
    bool("rootSymmetryPruning", \.rootSymmetryPruning,
         "Search one move of each class of root moves a symmetry of the position makes equivalent"),
    double("rootEndingBonusPoints", \.rootEndingBonusPoints,
           "Points by which a root move inside a settled area is discouraged (cleaner game ends)"),
    bool("rootPruneUselessMoves", \.rootPruneUselessMoves,
         "After four opponent passes, never play inside a pass-alive area at the root"),
    bool("fillDameBeforePass", \.fillDameBeforePass,
         "Under territory scoring, fill the dame before passing when that is about as good"),
    double("winLossUtilityFactor", \.winLossUtilityFactor, "Weight of the win/loss term of the utility"),
    double("staticScoreUtilityFactor", \.staticScoreUtilityFactor,
           "Weight of the score term centred on 0 (points when the game is decided)"),
    double("dynamicScoreUtilityFactor", \.dynamicScoreUtilityFactor,
           "Weight of the score term centred on the root's expected score"),
    double("dynamicScoreCenterZeroWeight", \.dynamicScoreCenterZeroWeight,
           "Share of the root's expected score pulled back towards 0 for that centre"),
    double("dynamicScoreCenterScale", \.dynamicScoreCenterScale,
           "Scale of the dynamic score term, in units of sqrt(board area)"),
    bool("useLcbForSelection", \.useLcbForSelection,
         "Prefer a well-visited move with a better lower confidence bound over the most visited"),
    double("lcbStdevs", \.lcbStdevs, "Standard deviations below the mean for the LCB"),
    double("minVisitPropForLCB", \.minVisitPropForLcb,
           "Moves under this share of the most visited move's weight are not LCB candidates"),
    double("rootPolicyTemperature", \.rootPolicyTemperature, "Policy temperature at the root (> 1 widens the search)"),
    bool("rootNoiseEnabled", \.rootNoise, "Dirichlet noise on the root priors (self-play)"),
    double("rootDirichletNoiseTotalConcentration", \.rootDirichletTotalAlpha,
           "Total Dirichlet concentration, spread over the legal moves"),
    double("rootDirichletNoiseWeight", \.rootNoiseWeight, "Share of the noise in the noised root priors"),
    bool("rootDirichletNoiseShaped", \.rootDirichletNoiseShaped,
         "Spread half the noise over the moves the policy likes (KataGo's self-play)"),
    double("rootDesiredPerChildVisitsCoeff", \.rootDesiredPerChildVisitsCoeff,
           "Forced playouts at the root: k in sqrt(k * prior * total weight) (0: off)"),
    double("chosenMoveTemperature", \.chosenMoveTemperature, "Move choice temperature late in the game (0: the best move)"),
    double("chosenMoveTemperatureEarly", \.chosenMoveTemperatureEarly,
           "Move choice temperature at the start; it decays towards chosenMoveTemperature"),
    double("chosenMoveTemperatureHalflife", \.chosenMoveTemperatureHalflife,
           "Moves (on 19x19) over which the early temperature's excess halves"),
    double("wideRootNoise", \.wideRootNoise, "Accepted for KataGo's analysis settings; not used yet"),
    int("maxNodes", \.maxNodes, min: 1000, "Tree nodes at most (memory); past it leaves are evaluated, not expanded"),
    bool("reuseTree", \.reuseTree, "Keep the matching subtree between moves"),
    bool("ponderingEnabled", \.ponder, "Keep searching on the opponent's time after genmove (--ponder)"),
    double("resignThreshold", \.resignThreshold,
           "Resign when the win rate stays under this for resignConsecutiveTurns moves (0: never) (--resign-threshold)"),
    int("resignConsecutiveTurns", \.resignConsecutiveTurns, min: 1, "Moves in a row under the threshold before resigning"),
  ]

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
    try Self.setParameter(name, value, in: &params)
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
  /// A failed search (the evaluator's error) is logged: the next move then gets no head start.
  public func ponder(_ state: GameState) {
    guard params.ponder, !state.isOver else { return }
    stopPondering()
    stopFlag.store(false, ordering: .relaxed)
    let thread = Thread { [self] in
      var limits = SearchLimits()
      limits.maxVisits = params.maxNodes / 2
      do {
        try runSearch(
          state, limits: limits, restrictions: [], forbidRootPass: false, analysis: nil,
          report: nil, pondering: true)
      } catch {
        log("pondering failed: \(error)")
      }
      ponderDone.signal()
    }
    thread.stackSize = 16 << 20
    ponderThread = thread
    thread.start()
  }

  /// Ends pondering, if it runs, and waits for its threads.
  func stopPondering() {
    guard ponderThread != nil else { return }
    stop()
    ponderDone.wait()
    ponderThread = nil
  }
}
