import GoCore

extension RulesText {
  /// Parses a flat JSON object whose values are strings, booleans or numbers.
  static func parseJSON(_ text: String, allowKomi: Bool) throws(ParseError) -> Rules {
    let pairs = try flatJSONObject(text)
    let known: Set<String> = [
      "ko", "score", "scoring", "tax", "suicide", "hasButton", "whiteHandicapBonus",
      "friendlyPassOk", "komi",
    ]
    for (k, _) in pairs where !known.contains(k) { throw ParseError("unknown rules key '\(k)'") }
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

  /// The key/value pairs of a flat JSON object; values become their text.
  static func flatJSONObject(_ text: String) throws(ParseError) -> [(String, String)] {
    var chars = Array(text.unicodeScalars)[...]
    func skipSpace() { while let c = chars.first, c == " " || c == "\t" || c == "\n" || c == "\r" { chars.removeFirst() } }
    func expect(_ c: Unicode.Scalar) throws(ParseError) {
      skipSpace()
      guard chars.first == c else { throw ParseError("invalid JSON: expected '\(c)'") }
      chars.removeFirst()
    }
    func string() throws(ParseError) -> String {
      try expect("\"")
      var s = ""
      while let c = chars.popFirst() {
        if c == "\"" { return s }
        if c == "\\" {
          guard let e = chars.popFirst() else { break }
          switch e {
          case "n": s += "\n"
          case "t": s += "\t"
          case "\"", "\\", "/": s.unicodeScalars.append(e)
          default: throw ParseError("invalid JSON: unsupported escape")
          }
        } else {
          s.unicodeScalars.append(c)
        }
      }
      throw ParseError("invalid JSON: unterminated string")
    }
    var pairs: [(String, String)] = []
    try expect("{")
    skipSpace()
    if chars.first == "}" {
      chars.removeFirst()
    } else {
      while true {
        let key = try string()
        try expect(":")
        skipSpace()
        let value: String
        if chars.first == "\"" {
          value = try string()
        } else {
          var v = ""
          while let c = chars.first, c != ",", c != "}", c != " ", c != "\n", c != "\t", c != "\r" {
            v.unicodeScalars.append(c)
            chars.removeFirst()
          }
          guard v == "true" || v == "false" || Double(v) != nil else {
            throw ParseError("invalid JSON value '\(v)'")
          }
          value = v
        }
        pairs.append((key, value))
        skipSpace()
        guard let c = chars.popFirst() else { throw ParseError("invalid JSON: expected '}'") }
        if c == "}" { break }
        guard c == "," else { throw ParseError("invalid JSON: expected ',' or '}'") }
      }
    }
    skipSpace()
    guard chars.isEmpty else { throw ParseError("invalid JSON: text after the object") }
    return pairs
  }
}
