/// A strict JSON reader (RFC 8259): the analysis protocol's request lines, the web front end's
/// messages, rules objects, `kata-set-params`, and JSON files (a run's `status.json`, KataGo
/// reference outputs).
///
/// Strict: one value and nothing after it but spaces; no comments, trailing commas, single
/// quotes, leading zeros, `NaN`, unescaped control characters or unpaired surrogate escapes.
/// Bounded: the text's size and the nesting depth are capped (`Limits`), so a hostile input
/// costs at most linear time and no deep recursion.
public struct JSONParser {
  /// Why a text is not JSON: what was wrong and where.
  public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based byte offset of the offending byte within its line.
    public var column: Int
    /// What was wrong (`expected ',' or '}'`, `nesting deeper than 512 levels`).
    public var reason: String

    /// `parse error at column C: REASON` for a one-line text (the text KataGo's clients see
    /// before `- could not parse input line as json request`), `parse error at line L, column
    /// C: REASON` past the first line.
    public var message: String {
      line == 1
        ? "parse error at column \(column): \(reason)"
        : "parse error at line \(line), column \(column): \(reason)"
    }

    public var description: String { message }
  }

  /// What a text may cost. The defaults (`standard`): 64 MiB and 512 levels, far beyond any
  /// file or line the package reads (protocol lines are already cut at `LineReader`'s 1 MiB)
  /// and well within the stack.
  public struct Limits: Sendable, Equatable {
    /// The most UTF-8 bytes the whole text may have.
    public var maxBytes = 64 << 20
    /// The deepest nesting of arrays and objects.
    public var maxDepth = 512

    /// The standard limits; change a field for other ones.
    public init() {}

    public static let standard = Limits()
  }

  private let bytes: [UInt8]
  private let limits: Limits
  private let refusesDuplicateKeys: Bool
  private var i = 0
  private var depth = 0

  /// Parses `text`, which must hold exactly one JSON value (surrounding spaces allowed).
  ///
  /// A key repeated within one object keeps its last value (as KataGo's JSON library does),
  /// unless `refusingDuplicateKeys`, when it is an error.
  /// - Throws: `ParseError` with the first fault's position, or a limit's.
  public static func parse(
    _ text: String, limits: Limits = .standard, refusingDuplicateKeys: Bool = false
  ) throws(ParseError) -> JSONValue {
    let size = text.utf8.count
    guard size <= limits.maxBytes else {
      throw ParseError(
        line: 1, column: 1,
        reason: "text of \(size) bytes is longer than the limit of \(limits.maxBytes) bytes")
    }
    var p = JSONParser(
      bytes: Array(text.utf8), limits: limits, refusesDuplicateKeys: refusingDuplicateKeys)
    p.skipSpace()
    let v = try p.value()
    p.skipSpace()
    guard p.i == p.bytes.count else { throw p.fail("unexpected text after the value") }
    return v
  }

  private init(bytes: [UInt8], limits: Limits, refusesDuplicateKeys: Bool) {
    self.bytes = bytes
    self.limits = limits
    self.refusesDuplicateKeys = refusesDuplicateKeys
  }

  /// The error for the byte at `at` (the current one by default).
  private func fail(_ reason: String, at: Int? = nil) -> ParseError {
    let offset = at ?? i
    let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let line = 1 + bytes[..<lineStart].count { $0 == 0x0A }
    return ParseError(line: line, column: offset - lineStart + 1, reason: reason)
  }

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
        throw fail("syntax error while parsing value - invalid literal", at: start)
      }
      i += 1
    }
  }

  /// Reads an array's elements or an object's members, each with `item`, from the opening
  /// bracket through the closing one, `close`, with commas between them.
  private mutating func items(
    closedBy close: Unicode.Scalar, _ item: (inout JSONParser) throws(ParseError) -> Void
  ) throws(ParseError) {
    depth += 1
    guard depth <= limits.maxDepth else {
      throw fail("nesting deeper than \(limits.maxDepth) levels")
    }
    i += 1
    skipSpace()
    if i == bytes.count || bytes[i] != UInt8(ascii: close) {
      while true {
        skipSpace()
        try item(&self)
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of input") }
        if bytes[i] == UInt8(ascii: close) { break }
        guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or '\(close)'") }
        i += 1
      }
    }
    i += 1
    depth -= 1
  }

  private mutating func object() throws(ParseError) -> JSONValue {
    var members: [String: JSONValue] = [:]
    try items(closedBy: "}") { p throws(ParseError) in
      guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "\"") else {
        throw p.fail("expected a string key")
      }
      let keyStart = p.i
      let key = try p.string()
      if p.refusesDuplicateKeys, members[key] != nil {
        throw p.fail("duplicate key \"\(key)\"", at: keyStart)
      }
      p.skipSpace()
      guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: ":") else { throw p.fail("expected ':'") }
      p.i += 1
      p.skipSpace()
      members[key] = try p.value()
    }
    return .object(members)
  }

  private mutating func array() throws(ParseError) -> JSONValue {
    var elements: [JSONValue] = []
    try items(closedBy: "]") { p throws(ParseError) in elements.append(try p.value()) }
    return .array(elements)
  }

  private mutating func number() throws(ParseError) -> JSONValue {
    let start = i
    var rest = bytes[i...]
    let fault = JSONNumber.scan(&rest)
    i = rest.startIndex
    if let fault { throw fail(fault) }
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
        case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape().utf8)
        default: throw fail("invalid string: forbidden character after backslash", at: i - 2)
        }
      default:
        guard b >= 0x20 else {
          throw fail("invalid string: control character must be escaped", at: i - 1)
        }
        out.append(b)
      }
    }
    throw fail("invalid string: missing closing quote")
  }

  /// The character of a `\uXXXX` escape (just past its `u`), joining a surrogate pair.
  private mutating func unicodeEscape() throws(ParseError) -> String {
    let pairFault =
      "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"
    var code = try hex4()
    if (0xD800..<0xDC00).contains(code) {
      guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u")
      else { throw fail(pairFault) }
      i += 2
      let low = try hex4()
      guard (0xDC00..<0xE000).contains(low) else { throw fail(pairFault) }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00..<0xE000).contains(code) {
      throw fail("invalid string: lone low surrogate")
    }
    // Every code below 0x110000 outside the surrogates is a scalar.
    return String(Character(Unicode.Scalar(code)!))
  }

  private mutating func hex4() throws(ParseError) -> UInt32 {
    let fault = "invalid string: '\\u' must be followed by 4 hex digits"
    guard i + 4 <= bytes.count else { throw fail(fault) }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw fail(fault)
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }
}
