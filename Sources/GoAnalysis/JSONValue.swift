/// A JSON value as the analysis protocol reads and writes it.
///
/// Numbers keep their text so that 64-bit integers (priorities up to 2^62) survive unchanged and
/// echoed queries print what the client sent.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number as JSON text (`12`, `-0.5`, `1e-3`).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A number from an integer.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// A number from a double, rounded to KataGo's precision (see `JSONNumber.format`).
  public static func float(_ value: Double) -> JSONValue { .number(JSONNumber.format(value)) }

  /// The value as a double, when it is a number.
  public var double: Double? {
    guard case .number(let text) = self else { return nil }
    return Double(text)
  }

  /// The value as an integer, when it is a number with no fractional part that fits in `Int`.
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

  /// Compact JSON text with object keys in alphabetical order (as KataGo prints).
  public var text: String {
    var out = ""
    JSONWriter.write(self, to: &out)
    return out
  }
}
