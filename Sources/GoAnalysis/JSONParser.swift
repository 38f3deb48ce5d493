/// A strict JSON reader (RFC 8259) for one request line (also the web front end's messages).
public struct JSONParser {
  /// Why a line is not JSON: what was wrong and where (1-based column).
  public struct ParseError: Error, Equatable {
    public var column: Int
    public var reason: String
    /// The text KataGo's clients see before `- could not parse input line as json request`.
    public var message: String { "parse error at column \(column): \(reason)" }
  }

  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0

  /// Parses `text`, which must hold exactly one JSON value (surrounding spaces allowed).
  public static func parse(_ text: String) throws(ParseError) -> JSONValue {
    var p = JSONParser(bytes: Array(text.utf8))
    p.skipSpace()
    let v = try p.value()
    p.skipSpace()
    guard p.i == p.bytes.count else { throw p.fail("unexpected text after the value") }
    return v
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func fail(_ reason: String) -> ParseError { ParseError(column: i + 1, reason: reason) }

  private mutating func skipSpace() {
    while i < bytes.count,
      bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D
    {
      i += 1
    }
  }

  private mutating func value() throws(ParseError) -> JSONValue {
    guard i < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw fail("syntax error while parsing value - invalid literal")
    }
  }

  private mutating func literal(_ word: String) throws(ParseError) {
    let start = i
    for b in word.utf8 {
      guard i < bytes.count, bytes[i] == b else {
        throw ParseError(
          column: start + 1, reason: "syntax error while parsing value - invalid literal")
      }
      i += 1
    }
  }

  private mutating func enter() throws(ParseError) {
    depth += 1
    guard depth <= 512 else { throw fail("nesting too deep") }
  }

  private mutating func object() throws(ParseError) -> JSONValue {
    try enter()
    i += 1
    var members: [String: JSONValue] = [:]
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw fail("expected a string key")
      }
      let key = try string()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      i += 1
      skipSpace()
      members[key] = try value()
      skipSpace()
      guard i < bytes.count else { throw fail("unexpected end of input") }
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        return .object(members)
      }
      guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
      i += 1
    }
  }

  private mutating func array() throws(ParseError) -> JSONValue {
    try enter()
    i += 1
    var elements: [JSONValue] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try value())
      skipSpace()
      guard i < bytes.count else { throw fail("unexpected end of input") }
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return .array(elements)
      }
      guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
      i += 1
    }
  }

  private mutating func number() throws(ParseError) -> JSONValue {
    let start = i
    func digits(_ p: inout JSONParser) -> Int {
      let s = p.i
      while p.i < p.bytes.count, p.bytes[p.i] >= 0x30, p.bytes[p.i] <= 0x39 { p.i += 1 }
      return p.i - s
    }
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    let intStart = i
    let n = digits(&self)
    guard n > 0 else { throw fail("invalid number") }
    guard !(n > 1 && bytes[intStart] == UInt8(ascii: "0")) else {
      throw fail("invalid number; leading zero")
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard digits(&self) > 0 else { throw fail("invalid number; expected digit after '.'") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits(&self) > 0 else { throw fail("invalid number; expected digit in exponent") }
    }
    return .number(String(decoding: bytes[start..<i], as: UTF8.self))
  }

  private mutating func string() throws(ParseError) -> String {
    i += 1
    var out: [UInt8] = []
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      switch b {
      case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard i < bytes.count else { break }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
              bytes[i + 1] == UInt8(ascii: "u")
            else {
              throw fail(
                "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF")
            }
            i += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
              throw fail(
                "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(code) {
            throw fail("invalid string: lone low surrogate")
          }
          out.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
        default: throw fail("invalid string: forbidden character after backslash")
        }
      default:
        guard b >= 0x20 else { throw fail("invalid string: control character must be escaped") }
        out.append(b)
      }
    }
    throw fail("invalid string: missing closing quote")
  }

  private mutating func hex4() throws(ParseError) -> UInt32 {
    guard i + 4 <= bytes.count else {
      throw fail("invalid string: '\\u' must be followed by 4 hex digits")
    }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw fail("invalid string: '\\u' must be followed by 4 hex digits")
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }
}
