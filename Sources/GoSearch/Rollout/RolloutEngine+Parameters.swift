/// The rollout search's settings by name, for `kata-list-params` and friends.
///
/// Limits print `none` when unset (`maxPlayouts`, `maxTime`); `none`, `-1` or `0` unset them.
/// KataGo's `numSearchThreads` and `maxVisits` are accepted as aliases. The time manager's
/// settings (`TimeParameters.settingSpecs`, `lagBuffer` among them) follow the search's.
extension RolloutEngine {
  /// The settable parameter names, in listing order.
  static let parameterNames = [
    "threads", "maxPlayouts", "maxTime", "defaultMoveTime", "seed",
    "exploration", "raveEquivalence", "priorWeight", "expandThreshold", "maxNodes",
    "resignThreshold", "reuseTree", "ownershipPlayouts",
  ] + TimeParameters.settingSpecs.map(\.name)

  public var parameterValues: [(name: String, value: String)] {
    let p = params
    let values: [String] = [
      "\(p.threads)", p.maxPlayouts.map(String.init) ?? "none",
      p.maxTime.map { "\($0)" } ?? "none", "\(p.defaultMoveTime)", "\(p.seed)", "\(p.exploration)", "\(p.raveEquivalence)", "\(p.priorWeight)",
      "\(p.expandThreshold)", "\(p.maxNodes)", "\(p.resignThreshold)", "\(p.reuseTree)",
      "\(p.ownershipPlayouts)",
    ] + TimeParameters.settingSpecs.map { $0.get(p.time) }
    return Array(zip(Self.parameterNames, values)).map { (name: $0.0, value: $0.1) }
  }

  public func setParameter(_ name: String, _ value: String) throws(ParameterError) {
    var p = params
    func int(_ range: ClosedRange<Int>) throws(ParameterError) -> Int {
      guard let n = Int(value), range.contains(n) else {
        throw ParameterError("\(name) must be an integer in \(range), not '\(value)'")
      }
      return n
    }
    func double(_ range: ClosedRange<Double>) throws(ParameterError) -> Double {
      guard let x = Double(value), x.isFinite, range.contains(x) else {
        throw ParameterError("\(name) must be a number in \(range), not '\(value)'")
      }
      return x
    }
    let unset = ["none", "-1", "0"].contains(value.lowercased())
    switch name {
    case "threads", "numSearchThreads": p.threads = try int(1...1024)
    case "maxPlayouts", "maxVisits": p.maxPlayouts = unset ? nil : try int(1...1_000_000_000)
    case "maxTime": p.maxTime = unset ? nil : try double(0...1e6)
    case "defaultMoveTime": p.defaultMoveTime = try double(0...1e6)
    case "seed":
      guard let s = UInt64(value) else {
        throw ParameterError("seed must be a non-negative integer, not '\(value)'")
      }
      p.seed = s
    case "exploration": p.exploration = try double(0...100)
    case "raveEquivalence": p.raveEquivalence = try double(0...1e12)
    case "priorWeight": p.priorWeight = Float(try double(0...1e6))
    case "expandThreshold": p.expandThreshold = Int32(try int(1...1_000_000))
    case "maxNodes": p.maxNodes = try int(1000...1_000_000_000)
    case "resignThreshold": p.resignThreshold = try double(0...1)
    case "reuseTree":
      guard let b = Bool(value.lowercased()) else {
        throw ParameterError("reuseTree must be true or false, not '\(value)'")
      }
      p.reuseTree = b
    case "ownershipPlayouts": p.ownershipPlayouts = try int(1...10_000_000)
    default:
      guard let spec = TimeParameters.settingSpecs.first(where: { $0.name == name }) else {
        throw ParameterError("unknown parameter '\(name)'")
      }
      guard spec.set(&p.time, value) else {
        throw ParameterError("invalid value for \(name): '\(value)' (see docs/SEARCH.md for its range)")
      }
    }
    params = p
  }
}
