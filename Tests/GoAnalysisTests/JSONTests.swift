import Testing

@testable import GoAnalysis

@Suite struct JSONTests {
  @Test func parsesEveryKindOfValue() throws {
    let v = try JSONParser.parse(
      #" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n"} "#)
    #expect(
      v
        == .object([
          "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
          "b": .string("x\"é😀\n"),
        ]))
  }

  @Test func refusesMalformedText() {
    for bad in [
      "", "{", "{\"a\":}", "[1,]", "01", "1.", "tru", "\"abc", "{\"a\":1} x", "{a:1}", "\"\\x\"",
    ] {
      #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse(bad) }
    }
  }

  @Test func writesKeysInAlphabeticalOrderAndEscapes() {
    let v = JSONValue.object([
      "b": .int(1), "a": .string("q\"\\\n\u{01}"), "C": .array([.bool(true), .null]),
    ])
    #expect(v.text == #"{"C":[true,null],"a":"q\"\\\n\u0001","b":1}"#)
  }

  @Test func roundsFloatsToNineSignificantDigitsLikeKataGo() {
    #expect(JSONNumber.format(0.2455835871234) == "0.245583587")
    #expect(JSONNumber.format(12.247778512) == "12.2477785")
    #expect(JSONNumber.format(1.0 / 3) == "0.333333333")
    #expect(JSONNumber.format(-6.319147081) == "-6.31914708")
    #expect(JSONNumber.format(1) == "1.0")
    #expect(JSONNumber.format(0) == "0.0")
    #expect(JSONNumber.format(-7.5) == "-7.5")
    #expect(JSONNumber.format(123_456_789_123) == "123456789000.0")
    #expect(JSONNumber.format(0.000012345678912) == "1.23456789e-05")
    #expect(JSONNumber.format(.nan) == "0.0")
  }

  @Test func integersKeepTheirText() throws {
    let v = try JSONParser.parse("[4611686018427387904, 5.0, 1e3, 2.5]")
    #expect(v.array?.map(\.integer) == [4_611_686_018_427_387_904, 5, 1000, nil])
    #expect(v.text == "[4611686018427387904,5.0,1e3,2.5]")
  }
}
