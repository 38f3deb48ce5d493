/// A JSON value: what `JSONParser` reads and `JSONWriter` writes, the one JSON representation of
/// the package (the analysis protocol, rules text, GTP parameters, the web front end, the files
/// of matches and self-play).
///
/// Numbers keep their text, so 64-bit integers (analysis priorities up to 2^62) survive unchanged
/// and echoed values print what the client sent. Objects are dictionaries: the writer puts their
/// keys in code-point order (as KataGo prints), so equal values always have the same text.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number as JSON text (`12`, `-0.5`, `1e-3`). The writer copies the text as it is: build
  /// numbers with `int`, `float`, `double` or `JSONValue(numberText:)`, which give valid text.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A number from an integer.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// A number from a double, rounded to KataGo's precision of 9 significant digits
  /// (`JSONNumber.kataGoText`): what the analysis protocol prints. Non-finite values print as 0.
  public static func float(_ value: Double) -> JSONValue { .number(JSONNumber.kataGoText(value)) }

  /// A number from a double in the shortest text that reads back as the same double
  /// (`JSONNumber.shortestText`); `null` for an infinity or NaN, which JSON cannot hold.
  public static func double(_ value: Double) -> JSONValue {
    JSONNumber.shortestText(value).map(JSONValue.number) ?? .null
  }

  /// The number `text` spells, when it is exactly one JSON number (`5.0`, `-1e3`; not `+1`,
  /// `.5`, `inf` or `0x10`, which Swift's `Double` reads but JSON does not).
  public init?(numberText text: String) {
    guard JSONNumber.isValid(text) else { return nil }
    self = .number(text)
  }

  /// The value as a double, when it is a number (±infinity for one beyond `Double`'s range).
  public var double: Double? {
    guard case .number(let text) = self else { return nil }
    return Double(text)
  }

  /// The value as an integer, when it is a number with no fractional part that fits in `Int`
  /// (`5`, `5.0` and `5e0` all give 5).
  public var integer: Int? {
    guard case .number(let text) = self else { return nil }
    if let i = Int(text) { return i }
    guard let d = Double(text), d == d.rounded(), abs(d) < 9.2e18 else { return nil }
    return Int(d)
  }

  /// The value as a string, when it is one.
  public var string: String? {
    guard case .string(let s) = self else { return nil }
    return s
  }

  /// The value as a boolean, when it is one.
  public var bool: Bool? {
    guard case .bool(let b) = self else { return nil }
    return b
  }

  /// The elements, when the value is an array.
  public var array: [JSONValue]? {
    guard case .array(let a) = self else { return nil }
    return a
  }

  /// The members, when the value is an object.
  public var object: [String: JSONValue]? {
    guard case .object(let o) = self else { return nil }
    return o
  }

  /// Compact JSON text (no spaces, keys in code-point order): one protocol line.
  public var text: String {
    var out = ""
    JSONWriter.write(self, to: &out)
    return out
  }

  /// Indented JSON text (two spaces a level, one member or element a line, keys in code-point
  /// order), without a final newline: files people read (`summary.json`, `selfplay.json`).
  public var prettyText: String {
    var out = ""
    JSONWriter.writePretty(self, indent: 0, to: &out)
    return out
  }
}
