import GoFormats
import Testing

/// The one JSON reader: every kind of value, strictness with the fault's position, escapes
/// (control characters, non-BMP characters, surrogate pairs), numbers kept as their text, and
/// the limits on size, depth and repeated keys.
@Suite struct JSONParserTests {
  /// The error `text` gives.
  static func fault(_ text: String, limits: JSONParser.Limits = .standard, refusingDuplicateKeys: Bool = false)
    -> JSONParser.ParseError?
  {
    do {
      _ = try JSONParser.parse(text, limits: limits, refusingDuplicateKeys: refusingDuplicateKeys)
      return nil
    } catch {
      return error
    }
  }

  @Test func parsesEveryKindOfValue() throws {
    let v = try JSONParser.parse(
      #" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n", "c": {}, "d": []} "#)
    #expect(
      v
        == .object([
          "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
          "b": .string("x\"é😀\n"),
          "c": .object([:]),
          "d": .array([]),
        ]))
    #expect(try JSONParser.parse("\t\r\n 7 \n") == .number("7"))
  }

  @Test(arguments: [
    "", " ", "{", "{\"a\":}", "[1,]", "{\"a\":1,}", "01", "-", "1.", "1e", "+1", ".5", "0x10", "NaN",
    "Infinity", "tru", "nul", "\"abc", "{\"a\":1} x", "{a:1}", "'a'", "\"\\x\"", "[1 2]",
    "{\"a\" 1}", "// c\n1", "[1]]", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
  ])
  func refusesMalformedText(_ text: String) {
    #expect(Self.fault(text) != nil, "\(text) was accepted")
  }

  @Test func saysWhereAndWhatWentWrong() {
    #expect(Self.fault("not json")?.message == "parse error at column 1: syntax error while parsing value - invalid literal")
    #expect(Self.fault(#"{"a":1 "b":2}"#)?.message == "parse error at column 8: expected ',' or '}'")
    #expect(Self.fault("[1,\n 2,\n  x]")?.message == "parse error at line 3, column 3: syntax error while parsing value - invalid literal")
    #expect(Self.fault("[01]")?.reason == "invalid number; leading zero")
    #expect(Self.fault("\"a\\qb\"")?.column == 3)
    #expect(Self.fault("\"a\u{01}b\"")?.reason == "invalid string: control character must be escaped")
    #expect(Self.fault("\"a\u{01}b\"")?.column == 3)
    #expect(Self.fault("\"abc")?.reason == "invalid string: missing closing quote")
    #expect(Self.fault("1 2")?.reason == "unexpected text after the value")
  }

  @Test func readsEveryEscapeAndControlCharacter() throws {
    #expect(try JSONParser.parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{08}\u{0C}\n\r\t"))
    for code in 0..<0x20 {
      let hex = String(code, radix: 16, uppercase: code % 2 == 0)
      let escaped = "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "\""
      #expect(try JSONParser.parse(escaped) == .string(String(Character(Unicode.Scalar(UInt8(code))))))
    }
    #expect(try JSONParser.parse(#""\u0000""#).string?.unicodeScalars.first?.value == 0)
  }

  @Test func readsCharactersBeyondTheBasicPlane() throws {
    // Raw UTF-8 and surrogate-pair escapes give the same characters.
    let raw = try JSONParser.parse("\"😀𝄞\u{10FFFF}\"")
    let escaped = try JSONParser.parse(#""\ud83d\ude00\uD834\uDD1E\udbff\udfff""#)
    #expect(raw == escaped)
    #expect(raw.string?.unicodeScalars.map(\.value) == [0x1F600, 0x1D11E, 0x10FFFF])
    #expect(Self.fault(#""\ud83d x""#)?.reason == "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF")
    #expect(Self.fault(#""\ude00""#)?.reason == "invalid string: lone low surrogate")
  }

  @Test func keepsNumbersAsTheirText() throws {
    let v = try JSONParser.parse("[4611686018427387904, 5.0, 1e3, 2.5, -0, 1E+2, 9223372036854775807, -9223372036854775808, 1e400]")
    #expect(v.text == "[4611686018427387904,5.0,1e3,2.5,-0,1E+2,9223372036854775807,-9223372036854775808,1e400]")
    #expect(v.array?.map(\.integer) == [4_611_686_018_427_387_904, 5, 1000, nil, 0, 100, .max, .min, nil])
    #expect(v.array?.last?.double == .infinity)
    #expect(JSONValue.string("1").double == nil && JSONValue.bool(true).integer == nil)
  }

  @Test func acceptsOnlyJSONNumberText() {
    for good in ["0", "-0", "12", "-1.5", "1e5", "1E-5", "2.5e+10", "5.0"] {
      #expect(JSONValue(numberText: good) == .number(good))
    }
    for bad in ["", "-", "01", "+1", ".5", "1.", "1e", "inf", "nan", "0x10", " 1", "1 ", "1_000"] {
      #expect(JSONValue(numberText: bad) == nil, "\(bad)")
    }
  }

  @Test func capsTheNestingDepth() throws {
    let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(throws: Never.self) { try JSONParser.parse(deep) }
    let deeper = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    #expect(Self.fault(deeper)?.reason == "nesting deeper than 512 levels")
    #expect(Self.fault(deeper)?.column == 513)
    // A hostile depth costs no recursion past the limit.
    let hostile = String(repeating: "{\"a\":", count: 1_000_000)
    #expect(Self.fault(hostile)?.reason == "nesting deeper than 512 levels")
    var shallow = JSONParser.Limits()
    shallow.maxDepth = 2
    #expect(Self.fault("[[1]]", limits: shallow) == nil)
    #expect(Self.fault("[[[1]]]", limits: shallow)?.reason == "nesting deeper than 2 levels")
  }

  @Test func capsTheSize() {
    var small = JSONParser.Limits.standard
    small.maxBytes = 8
    #expect(Self.fault("[1,2,3]", limits: small) == nil)
    #expect(Self.fault("\"ééééé\"", limits: small)?.reason == "text of 12 bytes is longer than the limit of 8 bytes")
    #expect(JSONParser.Limits.standard.maxBytes == 64 << 20)
  }

  @Test func repeatedKeysKeepTheLastValueUnlessRefused() throws {
    #expect(try JSONParser.parse(#"{"a":1,"a":2}"#) == .object(["a": .number("2")]))
    let fault = Self.fault(#"{"a":1, "a":2}"#, refusingDuplicateKeys: true)
    #expect(fault?.message == #"parse error at column 9: duplicate key "a""#)
    #expect(Self.fault(#"{"a":{"a":1},"b":{"a":2}}"#, refusingDuplicateKeys: true) == nil)
  }
}
