import Foundation
import GoCore
public import GoSearch

/// Self-play settings by name, for config files (`name = value`) and `--set` overrides; names
/// that are not self-play settings are search parameters (`kata-list-params` names).
extension SelfPlaySettings {
  /// One named setting.
  typealias Spec = SettingSpec<SelfPlaySettings>

  static func double(
    _ name: String, _ kp: WritableKeyPath<SelfPlaySettings, Double> & Sendable, in range: ClosedRange<Double>
  ) -> Spec {
    .double(name, kp, in: range)
  }

  static func int(_ name: String, _ kp: WritableKeyPath<SelfPlaySettings, Int> & Sendable, min: Int) -> Spec {
    .int(name, kp, min: min)
  }

  static func bool(_ name: String, _ kp: WritableKeyPath<SelfPlaySettings, Bool> & Sendable) -> Spec {
    .bool(name, kp)
  }

  /// `value:weight,value:weight` (a bare value has weight 1).
  static func weighted<V>(_ text: String, _ parse: (String) -> V?) -> [WeightedChoice<V>]? {
    var out: [WeightedChoice<V>] = []
    for item in text.split(separator: ",") {
      let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard let v = parse(parts[0]) else { return nil }
      var w = 1.0
      if parts.count == 2 {
        guard let x = Double(parts[1]), x.isFinite, x >= 0 else { return nil }
        w = x
      }
      out.append(WeightedChoice(v, w))
    }
    return out.isEmpty || out.allSatisfy({ $0.weight == 0 }) ? nil : out
  }

  static func weightedText<V>(_ list: [WeightedChoice<V>]) -> String {
    list.map { "\($0.value):\($0.weight)" }.joined(separator: ",")
  }

  /// Every self-play setting, by the name a config file uses.
  static let specs: [Spec] = [
    int("fullVisits", \.fullVisits, min: 1),
    int("cheapVisits", \.cheapVisits, min: 0),
    double("fullSearchProbability", \.fullSearchProbability, in: 0...1),
    bool("rawPolicy", \.rawPolicy),
    double("rootPolicyTemperatureEarly", \.rootPolicyTemperatureEarly, in: 0.01...100),
    double("rootPolicyTemperature", \.rootPolicyTemperature, in: 0.01...100),
    double("chosenMoveTemperatureEarly", \.chosenMoveTemperatureEarly, in: 0...100),
    double("chosenMoveTemperature", \.chosenMoveTemperature, in: 0...100),
    double("chosenMoveTemperatureHalflife", \.chosenMoveTemperatureHalflife, in: 0.1...1e6),
    double("forcedPlayoutsCoeff", \.forcedPlayoutsCoeff, in: 0...100),
    bool("policyTargetPruning", \.policyTargetPruning),
    double("policyInitAreaProp", \.policyInitAreaProp, in: 0...1),
    double("policyInitTemperature", \.policyInitTemperature, in: 0.01...100),
    double("compensateAfterPolicyInitProb", \.compensateAfterPolicyInitProb, in: 0...1),
    bool("reduceVisits", \.reduceVisits),
    double("reduceVisitsThreshold", \.reduceVisitsThreshold, in: 0...1),
    int("reduceVisitsLookback", \.reduceVisitsLookback, min: 1),
    int("reducedVisitsMin", \.reducedVisitsMin, min: 1),
    double("reducedVisitsWeight", \.reducedVisitsWeight, in: 0...1),
    double("resignThreshold", \.resignThreshold, in: 0...0.5),
    int("resignConsecutiveTurns", \.resignConsecutiveTurns, min: 1),
    double("resignPlayoutProbability", \.resignPlayoutProbability, in: 0...1),
    double("komi", \.komi, in: -150...150),
    bool("komiAuto", \.komiAuto),
    double("komiAutoMaxShift", \.komiAutoMaxShift, in: 0...150),
    double("komiStdev", \.komiStdev, in: 0...100),
    double("komiBigStdevProbability", \.komiBigStdevProbability, in: 0...1),
    double("komiBigStdev", \.komiBigStdev, in: 0...100),
    Spec(
      name: "boardSizes", get: { weightedText($0.boardSizes) },
      set: { s, v in
        guard let list = weighted(v, { Int($0).flatMap { (2...19).contains($0) ? $0 : nil } }) else { return false }
        s.boardSizes = list
        return true
      }),
    Spec(
      name: "rules", get: { weightedText($0.rules) },
      set: { s, v in
        guard let list = weighted(v, { Rules(preset: $0) != nil ? $0 : nil }) else { return false }
        s.rules = list
        return true
      }),
    double("maxMovesAreaFactor", \.maxMovesAreaFactor, in: 0.5...100),
    int("posLen", \.posLen, min: 0),
    int("gamesPerFile", \.gamesPerFile, min: 1),
    double("shortTermValueFactor", \.shortTermValueFactor, in: 0...100),
  ]

  /// Every setting's name and current value.
  public var values: [(name: String, value: String)] { Self.specs.map { ($0.name, $0.get(self)) } }

  /// Sets the self-play setting `name`, or else the search parameter of that name in
  /// `search`. Returns false for a name that is neither.
  /// - Throws: `ParameterError` for a value the setting does not accept.
  public mutating func set(
    _ name: String, _ value: String, search: inout PUCTParameters
  ) throws(ParameterError) -> Bool {
    if let spec = Self.specs.first(where: { $0.name == name }) {
      try spec.apply(value, to: &self)
      return true
    }
    guard PUCTEngine.isParameter(name) else { return false }
    try PUCTEngine.setParameter(name, value, in: &search)
    return true
  }

  /// Applies `settings` (a config file and overrides) to these settings and `search`.
  /// Returns warnings for config-file names that are neither kind of setting.
  /// - Throws: `ParameterError` naming the entry's source for a bad value, or for an unknown
  ///   name given as an override.
  public mutating func apply(
    _ settings: ParameterSettings, search: inout PUCTParameters
  ) throws(ParameterError) -> [String] {
    var warnings: [String] = []
    for e in settings.entries {
      let known: Bool
      do {
        known = try set(e.name, e.value, search: &search)
      } catch {
        throw ParameterError("\(e.source): \(error.message)")
      }
      if !known {
        guard settings.optionalNames.contains(e.name) else {
          throw ParameterError("\(e.source): unknown setting '\(e.name)'")
        }
        warnings.append("\(e.source): unused key '\(e.name)' (not a self-play or search setting)")
      }
    }
    guard fullVisits >= cheapVisits || cheapVisits == 0 else {
      throw ParameterError("cheapVisits (\(cheapVisits)) must not exceed fullVisits (\(fullVisits))")
    }
    guard largestBoard <= rowGrid else {
      throw ParameterError("posLen \(posLen) is smaller than the largest board \(largestBoard)")
    }
    return warnings
  }
}
