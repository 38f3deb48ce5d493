/// JSON text from `JSONValue`s: compact (protocol lines) or indented (files people read).
///
/// Object keys come in code-point order, so a value always has one text (KataGo prints its
/// objects the same way). Strings get the escapes JSON requires and no others: `\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, `\u00XX` (lower-case hex) for the other control characters;
/// everything else, non-BMP characters included, is written as UTF-8. Numbers are copied as
/// their text (see `JSONValue.number`).
public enum JSONWriter {
  /// Appends `value` as compact text (no spaces).
  public static func write(_ value: JSONValue, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n
    case .string(let s): writeString(s, to: &out)
    case .array(let a):
      out += "["
      for (i, v) in a.enumerated() {
        if i > 0 { out += "," }
        write(v, to: &out)
      }
      out += "]"
    case .object(let o):
      writeMembers(o.keys.sorted().map { ($0, o[$0]!) }, to: &out)
    }
  }

  /// Compact text of an object whose members come in the order given, not sorted: for replies
  /// whose order is part of their format (`kata-get-params` lists parameters in table order).
  public static func objectText(_ members: [(key: String, value: JSONValue)]) -> String {
    var out = ""
    writeMembers(members, to: &out)
    return out
  }

  /// Appends `value` indented: two spaces a level, one element or member a line, `"key": value`,
  /// `[]` and `{}` when empty; no newline after the last bracket.
  public static func writePretty(_ value: JSONValue, indent: Int, to out: inout String) {
    let inner = String(repeating: " ", count: 2 * (indent + 1))
    switch value {
    case .array(let a) where !a.isEmpty:
      out += "[\n"
      for (i, v) in a.enumerated() {
        out += (i > 0 ? ",\n" : "") + inner
        writePretty(v, indent: indent + 1, to: &out)
      }
      out += "\n" + String(repeating: " ", count: 2 * indent) + "]"
    case .object(let o) where !o.isEmpty:
      out += "{\n"
      for (i, key) in o.keys.sorted().enumerated() {
        out += (i > 0 ? ",\n" : "") + inner
        writeString(key, to: &out)
        out += ": "
        writePretty(o[key]!, indent: indent + 1, to: &out)
      }
      out += "\n" + String(repeating: " ", count: 2 * indent) + "}"
    default: write(value, to: &out)
    }
  }

  /// Appends a JSON string literal with the escapes JSON requires.
  public static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }

  /// `{"key":value,...}` in the order given.
  private static func writeMembers(_ members: [(String, JSONValue)], to out: inout String) {
    out += "{"
    for (i, (key, value)) in members.enumerated() {
      if i > 0 { out += "," }
      writeString(key, to: &out)
      out += ":"
      write(value, to: &out)
    }
    out += "}"
  }
}
