import Foundation
public import GoCore

/// `kata-list-params` / `kata-set-param` over `PUCTParameters`, and pondering.
extension PUCTEngine {
  /// A settable parameter: its name, how to read it, how to set it from text.
  typealias ParameterSpec = SettingSpec<PUCTParameters>

  static func double(_ name: String, _ kp: WritableKeyPath<PUCTParameters, Double> & Sendable) -> ParameterSpec {
    .double(name, kp)
  }

  static func int(_ name: String, _ kp: WritableKeyPath<PUCTParameters, Int> & Sendable, min: Int = 0) -> ParameterSpec {
    .int(name, kp, min: min)
  }

  static func bool(_ name: String, _ kp: WritableKeyPath<PUCTParameters, Bool> & Sendable) -> ParameterSpec {
    .bool(name, kp)
  }

  /// Every parameter `kata-set-param` accepts, with KataGo's names where they exist.
  static let parameterSpecs: [ParameterSpec] = [
    ParameterSpec(
      name: "maxVisits", get: { $0.maxVisits.map(String.init) ?? "-1" },
      set: { p, v in
        guard let x = Int(v) else { return false }
        p.maxVisits = x <= 0 ? nil : x
        return true
      }),
    ParameterSpec(
      name: "maxTime", get: { $0.maxTime.map { "\($0)" } ?? "-1" },
      set: { p, v in
        guard let x = Double(v), x.isFinite else { return false }
        p.maxTime = x <= 0 ? nil : x
        return true
      }),
    int("numSearchThreads", \.threads, min: 1),
    double("minPlayoutsPerThread", \.minPlayoutsPerThread),
    double("lagBuffer", \.lagBuffer),
    double("searchFactorAfterOnePass", \.searchFactorAfterOnePass),
    double("searchFactorAfterTwoPass", \.searchFactorAfterTwoPass),
    double("searchFactorWhenWinning", \.searchFactorWhenWinning),
    double("searchFactorWhenWinningThreshold", \.searchFactorWhenWinningThreshold),
    ParameterSpec(
      name: "thinking", get: { $0.thinking.rawValue },
      set: { p, v in
        guard let m = PUCTParameters.ThinkingMode(rawValue: v.lowercased()) else { return false }
        p.thinking = m
        return true
      }),
    int("fastVisits", \.fastVisits, min: 1),
    double("cpuctExploration", \.cpuctExploration),
    double("cpuctExplorationLog", \.cpuctExplorationLog),
    double("cpuctExplorationBase", \.cpuctExplorationBase),
    double("cpuctUtilityStdevPrior", \.cpuctUtilityStdevPrior),
    double("cpuctUtilityStdevPriorWeight", \.cpuctUtilityStdevPriorWeight),
    double("cpuctUtilityStdevScale", \.cpuctUtilityStdevScale),
    double("fpuReductionMax", \.fpuReductionMax),
    double("rootFpuReductionMax", \.rootFpuReductionMax),
    bool("fpuParentWeightByVisitedPolicy", \.fpuParentWeightByVisitedPolicy),
    double("fpuParentWeightByVisitedPolicyPow", \.fpuParentWeightPower),
    bool("useUncertainty", \.useUncertainty),
    double("uncertaintyCoeff", \.uncertaintyCoeff),
    double("uncertaintyExponent", \.uncertaintyExponent),
    double("uncertaintyMaxWeight", \.uncertaintyMaxWeight),
    double("valueWeightExponent", \.valueWeightExponent),
    bool("useNoisePruning", \.useNoisePruning),
    double("noisePruneUtilityScale", \.noisePruneUtilityScale),
    double("noisePruningCap", \.noisePruningCap),
    double("subtreeValueBiasFactor", \.subtreeValueBiasFactor),
    double("subtreeValueBiasWeightExponent", \.subtreeValueBiasWeightExponent),
    double("subtreeValueBiasFreeProp", \.subtreeValueBiasFreeProp),
    bool("rootSymmetryPruning", \.rootSymmetryPruning),
    double("rootEndingBonusPoints", \.rootEndingBonusPoints),
    bool("rootPruneUselessMoves", \.rootPruneUselessMoves),
    bool("fillDameBeforePass", \.fillDameBeforePass),
    double("winLossUtilityFactor", \.winLossUtilityFactor),
    double("staticScoreUtilityFactor", \.staticScoreUtilityFactor),
    double("dynamicScoreUtilityFactor", \.dynamicScoreUtilityFactor),
    double("dynamicScoreCenterZeroWeight", \.dynamicScoreCenterZeroWeight),
    double("dynamicScoreCenterScale", \.dynamicScoreCenterScale),
    bool("useLcbForSelection", \.useLcbForSelection),
    double("lcbStdevs", \.lcbStdevs),
    double("minVisitPropForLCB", \.minVisitPropForLcb),
    double("rootPolicyTemperature", \.rootPolicyTemperature),
    bool("rootNoiseEnabled", \.rootNoise),
    double("rootDirichletNoiseTotalConcentration", \.rootDirichletTotalAlpha),
    double("rootDirichletNoiseWeight", \.rootNoiseWeight),
    bool("rootDirichletNoiseShaped", \.rootDirichletNoiseShaped),
    double("rootDesiredPerChildVisitsCoeff", \.rootDesiredPerChildVisitsCoeff),
    double("chosenMoveTemperature", \.chosenMoveTemperature),
    double("chosenMoveTemperatureEarly", \.chosenMoveTemperatureEarly),
    double("chosenMoveTemperatureHalflife", \.chosenMoveTemperatureHalflife),
    double("wideRootNoise", \.wideRootNoise),
    int("maxNodes", \.maxNodes, min: 1000),
    bool("reuseTree", \.reuseTree),
    bool("ponderingEnabled", \.ponder),
    double("resignThreshold", \.resignThreshold),
    int("resignConsecutiveTurns", \.resignConsecutiveTurns, min: 1),
  ]

  public var parameterValues: [(name: String, value: String)] {
    Self.parameterSpecs.map { ($0.name, $0.get(params)) }
  }

  public func setParameter(_ name: String, _ value: String) throws(ParameterError) {
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
    var p = params
    guard spec.set(&p, value) else {
      throw ParameterError("Invalid value for \(name): \(value)")
    }
    params = p
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
