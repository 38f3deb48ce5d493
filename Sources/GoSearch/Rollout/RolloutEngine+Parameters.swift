/// The rollout search's settings by name, for `kata-list-params` and friends: one
/// `SettingSpec` table, as the PUCT engine's.
///
/// Limits print `none` when unset (`maxPlayouts`, `maxTime`); `none` or a number ≤ 0 unsets
/// them.
/// KataGo's `numSearchThreads` and `maxVisits` are accepted as aliases. The time manager's
/// settings (`TimeParameters.settingSpecs`, `lagBuffer` among them) follow the search's.
extension RolloutEngine {
  typealias ParameterSpec = SettingSpec<RolloutParameters>

  /// KataGo's names for the settings that have one: alias → name.
  static let parameterAliases = ["numSearchThreads": "threads", "maxVisits": "maxPlayouts"]

  /// A number in `range`, stored through `assign`.
  static func number(
    _ name: String, _ range: ClosedRange<Double>, _ doc: String,
    get: @escaping @Sendable (RolloutParameters) -> String,
    assign: @escaping @Sendable (inout RolloutParameters, Double) -> Void
  ) -> ParameterSpec {
    ParameterSpec(
      name: name,
      range: "a number from \(ParameterSpec.text(range.lowerBound)) to \(ParameterSpec.text(range.upperBound))",
      doc: doc, get: get,
      set: { p, v in
        guard let x = Double(v), x.isFinite, range.contains(x) else { return false }
        assign(&p, x)
        return true
      })
  }

  /// Every setting `kata-set-param` accepts, in listing order, with what it accepts and does:
  /// the settings both engines share (`SearchBudget`), the rollout search's own, the time
  /// manager's.
  static let parameterSpecs: [ParameterSpec] =
    SearchBudget.settingSpecs(
      at: \RolloutParameters.budget, unsetText: "none",
      docs: [
        "threads": "Search threads (tengen gtp starts with one per core unless --threads sets it)",
        "resignThreshold":
          "Resign when the best move wins less often than this (0: never) (--resign-threshold)",
      ])
    + [
      ParameterSpec(
        name: "maxPlayouts", range: "none (no limit) or an integer from 1 to 1000000000",
        doc: "Simulations per move at most; none: time decides (--playouts)",
        get: { $0.maxPlayouts.map(String.init) ?? "none" },
        set: { p, v in
          if SearchBudget.isUnset(v) {
            p.maxPlayouts = nil
            return true
          }
          guard let n = Int(v), (1...1_000_000_000).contains(n) else { return false }
          p.maxPlayouts = n
          return true
        }),
      ParameterSpec(
        name: "policy", range: "light or standard",
        doc: "Playout policy: uniform random moves (light) or with captures, escapes and 3x3 shapes (--policy)",
        get: { $0.policy == .light ? "light" : "standard" },
        set: { p, v in
          switch v.lowercased() {
          case "light": p.policy = .light
          case "standard": p.policy = .standard
          default: return false
          }
          return true
        }),
      .double("exploration", \.exploration, in: 0...100, doc: "UCB exploration constant"),
      .double("raveEquivalence", \.raveEquivalence, in: 0...1e12,
              doc: "Visits at which plain and all-moves-as-first (RAVE) values weigh the same"),
      number("priorWeight", 0...1e6, "Virtual visits of prior knowledge given to each new child",
             get: { "\($0.priorWeight)" }, assign: { $0.priorWeight = Float($1) }),
      ParameterSpec(
        name: "expandThreshold", range: "an integer from 1 to 1000000",
        doc: "A node is expanded after this many visits",
        get: { "\($0.expandThreshold)" },
        set: { p, v in
          guard let n = Int(v), (1...1_000_000).contains(n) else { return false }
          p.expandThreshold = Int32(n)
          return true
        }),
      .int("resignMinPlayouts", \.resignMinPlayouts, min: 0, max: 1_000_000_000,
           doc: "Resign only after at least this many simulations"),
      .double("resignMinFill", \.resignMinFill, in: 0...1,
              doc: "Resign only once the moves played are this share of the board's points"),
      .int("ownershipPlayouts", \.ownershipPlayouts, min: 1, max: 10_000_000,
           doc: "Simulations run to judge dead stones at the end of a game"),
      .int("minJudgementPlayouts", \.minJudgementPlayouts, min: 1, max: 10_000_000,
           doc: "Fewest simulations of a dead-stone judgement a clock may cut it to"),
      .double("deadStoneOwnership", \.deadStoneOwnership, in: 0...1,
              doc: "A chain is dead when its mean ownership favours the opponent by more than this"),
    ]
    + SearchBudget.timeSettingSpecs(at: \RolloutParameters.budget)

  public var parameterValues: [(name: String, value: String)] {
    Self.parameterSpecs.map { ($0.name, $0.get(params)) }
  }

  /// Every setting with its value in `params`, accepted values and meaning.
  public static func parameterDescriptions(_ params: RolloutParameters) -> [ParameterDescription] {
    parameterSpecs.map { $0.description(of: params) }
  }

  public func setParameter(_ name: String, _ value: String) throws(ParameterError) {
    try Self.setParameter(name, value, in: &params)
  }

  /// Sets parameter `name` (or its KataGo alias) of `params` from its text, as
  /// `kata-set-param` does; `params` is unchanged on error.
  public static func setParameter(
    _ name: String, _ value: String, in params: inout RolloutParameters
  ) throws(ParameterError) {
    let resolved = parameterAliases[name] ?? name
    guard let spec = parameterSpecs.first(where: { $0.name == resolved }) else {
      throw ParameterError("Unknown parameter: \(name)")
    }
    try spec.apply(value, to: &params)
  }
}
