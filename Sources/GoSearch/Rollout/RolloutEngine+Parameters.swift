/// The rollout search's settings by name, for `kata-list-params` and friends: one
/// `SettingSpec` table, as the PUCT engine's.
///
/// Limits print `none` when unset (`maxPlayouts`, `maxTime`); `none`, `-1` or `0` unset them.
/// KataGo's `numSearchThreads` and `maxVisits` are accepted as aliases. The time manager's
/// settings (`TimeParameters.settingSpecs`, `lagBuffer` among them) follow the search's.
extension RolloutEngine {
  typealias ParameterSpec = SettingSpec<RolloutParameters>

  /// KataGo's names for the settings that have one: alias → name.
  static let parameterAliases = ["numSearchThreads": "threads", "maxVisits": "maxPlayouts"]

  /// True for the words that unset an optional limit.
  static func isUnset(_ text: String) -> Bool { ["none", "-1", "0"].contains(text.lowercased()) }

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

  /// Every setting `kata-set-param` accepts, in listing order, with what it accepts and does.
  static let parameterSpecs: [ParameterSpec] = [
    .int("threads", \.threads, min: 1, max: 1024,
         doc: "Search threads (tengen gtp starts with one per core unless --threads sets it)"),
    ParameterSpec(
      name: "maxPlayouts", range: "none (no limit) or an integer from 1 to 1000000000",
      doc: "Simulations per move at most; none: time decides (--playouts)",
      get: { $0.maxPlayouts.map(String.init) ?? "none" },
      set: { p, v in
        if isUnset(v) {
          p.maxPlayouts = nil
          return true
        }
        guard let n = Int(v), (1...1_000_000_000).contains(n) else { return false }
        p.maxPlayouts = n
        return true
      }),
    ParameterSpec(
      name: "maxTime", range: "none (no limit) or a number from 0 to 1000000",
      doc: "Seconds per move at most; none: from the clock, else defaultMoveTime (--time)",
      get: { $0.maxTime.map { "\($0)" } ?? "none" },
      set: { p, v in
        if isUnset(v) {
          p.maxTime = nil
          return true
        }
        guard let x = Double(v), x.isFinite, (0...1e6).contains(x) else { return false }
        p.maxTime = x
        return true
      }),
    .double("defaultMoveTime", \.defaultMoveTime, in: 0...1e6,
            doc: "Seconds per move when neither a limit nor a clock says otherwise"),
    ParameterSpec(
      name: "seed", range: "an integer from 0 to 18446744073709551615",
      doc: "Seed of the random generators (one thread and a playout limit: deterministic) (--seed)",
      get: { "\($0.seed)" },
      set: { p, v in
        guard let s = UInt64(v) else { return false }
        p.seed = s
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
    .int("maxNodes", \.maxNodes, min: 1000, max: 1_000_000_000,
         doc: "Tree nodes at most (memory); past it the tree stops growing"),
    .double("resignThreshold", \.resignThreshold, in: 0...1,
            doc: "Resign when the best move wins less often than this (0: never) (--resign-threshold)"),
    .bool("reuseTree", \.reuseTree, doc: "Keep the tree between moves"),
    .int("ownershipPlayouts", \.ownershipPlayouts, min: 1, max: 10_000_000,
         doc: "Simulations run to judge dead stones at the end of a game"),
  ] + TimeParameters.settingSpecs(at: \RolloutParameters.time)

  public var parameterValues: [(name: String, value: String)] {
    Self.parameterSpecs.map { ($0.name, $0.get(params)) }
  }

  /// Every setting with its value in `params`, accepted values and meaning.
  public static func parameterDescriptions(_ params: RolloutParameters) -> [ParameterDescription] {
    parameterSpecs.map { $0.description(of: params) }
  }

  public func setParameter(_ name: String, _ value: String) throws(ParameterError) {
    let resolved = Self.parameterAliases[name] ?? name
    guard let spec = Self.parameterSpecs.first(where: { $0.name == resolved }) else {
      throw ParameterError("Unknown parameter: \(name)")
    }
    try spec.apply(value, to: &params)
  }
}
