public import GoCore

extension RulesText {
  /// Parses a rules object's text; a key given twice is an error.
  static func parseJSON(_ text: String, allowKomi: Bool) throws(ParseError) -> Rules {
    let value: JSONValue
    do {
      value = try JSONParser.parse(text, refusingDuplicateKeys: true)
    } catch {
      throw ParseError("invalid JSON: \(error.message)")
    }
    return try parse(json: value, allowKomi: allowKomi)
  }

  /// The rules of a JSON object (KataGo's form, or the analysis protocol's `rules` object):
  /// string, boolean or number values by the names `set(_:to:in:)` takes, plus `komi`.
  ///
  /// Fields left out take their defaults as in `parse(_:allowKomi:)`.
  public static func parse(json value: JSONValue, allowKomi: Bool = true) throws(ParseError) -> Rules {
    guard let members = value.object else { throw ParseError("rules JSON must be an object") }
    let known: Set<String> = [
      "ko", "score", "scoring", "tax", "suicide", "hasButton", "whiteHandicapBonus",
      "friendlyPassOk", "komi",
    ]
    var pairs: [(String, String)] = []
    for key in members.keys.sorted() {
      guard known.contains(key) else { throw ParseError("unknown rules key '\(key)'") }
      switch members[key]! {
      case .string(let text), .number(let text): pairs.append((key, text))
      case .bool(let b): pairs.append((key, b ? "true" : "false"))
      case let other: throw ParseError("invalid JSON value \(other.text) for '\(key)'")
      }
    }
    return try build(pairs, allowKomi: allowKomi)
  }

  /// Parses the legacy compact form, e.g. `koSIMPLEscoreTERRITORYtaxSEKIsui0komi6.5`.
  static func parseCompact(_ text: String, allowKomi: Bool) throws(ParseError) -> Rules {
    let keys: [(prefix: String, key: String)] = [
      ("komi", "komi"), ("ko", "ko"), ("scoring", "scoring"), ("score", "scoring"), ("tax", "tax"),
      ("sui", "suicide"), ("button", "hasButton"), ("whb", "whiteHandicapBonus"),
      ("fpok", "friendlyPassOk"),
    ]
    var rest = Substring(text)
    var pairs: [(String, String)] = []
    while !rest.isEmpty {
      guard let match = keys.first(where: { rest.hasPrefix($0.prefix) }) else {
        throw ParseError("cannot read rules at '\(rest.prefix(20))'")
      }
      rest = rest.dropFirst(match.prefix.count)
      let value = rest.prefix { !($0.isLowercase && $0.isLetter) }
      rest = rest.dropFirst(value.count)
      guard !value.isEmpty else { throw ParseError("missing value for '\(match.prefix)'") }
      pairs.append((match.key, String(value)))
    }
    return try build(pairs, allowKomi: allowKomi)
  }
}
