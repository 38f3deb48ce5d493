public import GoCore

/// Rules as text, in the three spellings KataGo accepts: a preset name, a JSON object, or the
/// legacy compact string (`koPOSITIONALscoreAREAtaxNONEsui1komi7.5`).
public enum RulesText {
  /// Why a rules text was refused.
  public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
  }

  /// The rules described by `text`.
  ///
  /// Fields a JSON object or compact string leaves out take their Tromp-Taylor values (tax
  /// defaults to SEKI under territory scoring). `komi` is accepted only when `allowKomi`; when
  /// the text gives none, the result has the default komi of its scoring.
  public static func parse(_ text: String, allowKomi: Bool = true) throws(ParseError) -> Rules {
    let t = text.trimmingSpaces
    guard !t.isEmpty else { throw ParseError("empty rules") }
    if let preset = Rules(preset: t) { return preset }
    if t.hasPrefix("{") { return try parseJSON(t, allowKomi: allowKomi) }
    if t.hasPrefix("ko") || t.hasPrefix("score") { return try parseCompact(t, allowKomi: allowKomi) }
    throw ParseError("'\(t)' is not a preset, JSON object or compact rules string")
  }

  /// KataGo's JSON form: keys in alphabetical order, no komi.
  public static func json(_ rules: Rules) -> String {
    JSONValue.object([
      "friendlyPassOk": .bool(rules.friendlyPassOk), "hasButton": .bool(rules.hasButton),
      "ko": .string(rules.ko.rawValue), "scoring": .string(rules.scoring.rawValue),
      "suicide": .bool(rules.multiStoneSuicideLegal), "tax": .string(rules.tax.rawValue),
      "whiteHandicapBonus": .string(rules.whiteHandicapBonus.rawValue),
    ]).text
  }

  /// The compact form, komi included.
  public static func compact(_ rules: Rules) -> String {
    "ko\(rules.ko.rawValue)score\(rules.scoring.rawValue)tax\(rules.tax.rawValue)"
      + "sui\(rules.multiStoneSuicideLegal ? 1 : 0)" + (rules.hasButton ? "button1" : "")
      + "whb\(rules.whiteHandicapBonus.rawValue)fpok\(rules.friendlyPassOk ? 1 : 0)"
      + "komi\(formatKomi(rules.komi))"
  }

  /// The canonical preset name whose fields (komi aside) equal `rules`, if any.
  public static func presetName(_ rules: Rules) -> String? {
    for name in Rules.presetNames {
      if let p = Rules(preset: name), p.withKomi(rules.komi) == rules { return name }
    }
    return nil
  }

  /// Komi as text: `7.5`, `6`, `-0.5` (no trailing `.0`).
  public static func formatKomi(_ komi: Double) -> String {
    komi == komi.rounded() && abs(komi) < 1e15 ? String(Int(komi)) : String(komi)
  }

  /// One field set by name, as `kata-set-rule KEY VALUE` does.
  public static func set(
    _ key: String, to value: String, in rules: inout Rules
  ) throws(ParseError) {
    switch key {
    case "ko":
      guard let v = Rules.KoRule(rawValue: value.uppercased()) else {
        throw ParseError("unknown ko rule '\(value)'")
      }
      rules.ko = v
    case "score", "scoring":
      guard let v = Rules.ScoringRule(rawValue: value.uppercased()) else {
        throw ParseError("unknown scoring rule '\(value)'")
      }
      rules.scoring = v
    case "tax":
      guard let v = Rules.TaxRule(rawValue: value.uppercased()) else {
        throw ParseError("unknown tax rule '\(value)'")
      }
      rules.tax = v
    case "suicide", "multiStoneSuicideLegal": rules.multiStoneSuicideLegal = try bool(value, key)
    case "hasButton", "button": rules.hasButton = try bool(value, key)
    case "friendlyPassOk": rules.friendlyPassOk = try bool(value, key)
    case "whiteHandicapBonus":
      guard let v = Rules.WhiteHandicapBonus(rawValue: value.uppercased()) else {
        throw ParseError("unknown whiteHandicapBonus '\(value)'")
      }
      rules.whiteHandicapBonus = v
    default: throw ParseError("unknown rules key '\(key)'")
    }
  }

  private static func bool(_ value: String, _ key: String) throws(ParseError) -> Bool {
    switch value.lowercased() {
    case "true", "1": return true
    case "false", "0": return false
    default: throw ParseError("\(key) must be true or false, not '\(value)'")
    }
  }

  /// Builds rules from key/value pairs with the documented defaults.
  static func build(
    _ pairs: [(String, String)], allowKomi: Bool
  ) throws(ParseError) -> Rules {
    var rules = Rules()
    var taxGiven = false
    var komi: Double?
    var seen: Set<String> = []
    for (key, value) in pairs {
      let canonical = key == "score" ? "scoring" : key
      guard seen.insert(canonical).inserted else { throw ParseError("duplicate key '\(key)'") }
      if key == "komi" {
        guard allowKomi else { throw ParseError("komi cannot be set here") }
        guard let k = Double(value), k.isFinite, abs(k) <= 400 else {
          throw ParseError("komi must be a number in [-400, 400], not '\(value)'")
        }
        komi = k
        continue
      }
      if key == "tax" { taxGiven = true }
      try set(key, to: value, in: &rules)
    }
    if !taxGiven { rules.tax = rules.scoring == .territory ? .seki : .none }
    rules.komi = komi ?? Rules(scoring: rules.scoring, hasButton: rules.hasButton).komi
    return rules
  }
}
