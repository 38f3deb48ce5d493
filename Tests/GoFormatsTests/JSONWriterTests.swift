import GoFormats
import TestSupport
import Testing

/// The one JSON writer: sorted keys, the escapes JSON requires and no others, numbers that
/// read back exactly (or at KataGo's precision, for the analysis protocol), the indented
/// form, and objects in a given order.
@Suite struct JSONWriterTests {
  @Test func writesKeysInCodePointOrderWithoutSpaces() {
    let v = JSONValue.object([
      "b": .int(1), "a": .string("q"), "C": .array([.bool(true), .null, .bool(false)]), "é": .object([:]),
      "": .array([]),
    ])
    #expect(v.text == #"{"":[],"C":[true,null,false],"a":"q","b":1,"é":{}}"#)
  }

  @Test func escapesExactlyWhatJSONRequires() throws {
    #expect(JSONValue.string("q\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}/\u{7F}").text == #""q\"\\\n\r\t\b\f\u0001\u001f/\#u{7F}""#)
    // Every control character is escaped, and reads back as itself.
    for code in 0..<0x20 {
      let s = "a" + String(Character(Unicode.Scalar(UInt8(code)))) + "b"
      let text = JSONValue.string(s).text
      #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "\(code)")
      #expect(try JSONParser.parse(text) == .string(s))
    }
    // Characters beyond the basic plane are written as UTF-8, not as surrogate escapes.
    #expect(JSONValue.string("😀𝄞").text == "\"😀𝄞\"")
    #expect(JSONValue.object(["😀": .string("é")]).text == "{\"😀\":\"é\"}")
  }

  @Test func stringsRoundTrip() throws {
    var random = TestRandom(seed: 18)
    let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "/", "\n", "\u{00}", "\u{1F}", "é", "😀", "\u{FFFF}", "\u{2028}"]
    for _ in 0..<500 {
      var s = ""
      for _ in 0..<random.below(12) { s.unicodeScalars.append(alphabet[random.below(alphabet.count)]) }
      let v = JSONValue.object([s: .array([.string(s)])])
      #expect(try JSONParser.parse(v.text) == v)
      #expect(try JSONParser.parse(v.prettyText) == v)
    }
  }

  @Test func doublesReadBackExactly() throws {
    var random = TestRandom(seed: 9)
    var samples: [Double] = [
      0, -0.0, 0.1, 1.0 / 3, -7.5, 1e-5, 1e16, 123_456_789, .pi, .greatestFiniteMagnitude,
      -.greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 5e-324, 2.5e-308,
    ]
    for _ in 0..<2000 { samples.append(Double(bitPattern: random.next())) }
    for x in samples where x.isFinite {
      let v = JSONValue.double(x)
      #expect(JSONValue(numberText: v.text) != nil, "\(v.text)")
      let back = try #require(try JSONParser.parse(v.text).double)
      #expect(back.bitPattern == x.bitPattern, "\(x) -> \(v.text)")
    }
    #expect(JSONValue.double(5).text == "5.0")
    #expect(JSONValue.double(0.1).text == "0.1")
    #expect(JSONValue.double(1e-5).text == "1e-05")
    #expect(JSONValue.double(.infinity) == .null && JSONValue.double(-.infinity) == .null)
    #expect(JSONValue.double(.nan) == .null)
    #expect(JSONValue.int(.min).text == "-9223372036854775808")
  }

  @Test func roundsFloatsToNineSignificantDigitsLikeKataGo() {
    #expect(JSONNumber.kataGoText(0.2455835871234) == "0.245583587")
    #expect(JSONNumber.kataGoText(12.247778512) == "12.2477785")
    #expect(JSONNumber.kataGoText(1.0 / 3) == "0.333333333")
    #expect(JSONNumber.kataGoText(-6.319147081) == "-6.31914708")
    #expect(JSONNumber.kataGoText(1) == "1.0")
    #expect(JSONNumber.kataGoText(0) == "0.0")
    #expect(JSONNumber.kataGoText(-7.5) == "-7.5")
    #expect(JSONNumber.kataGoText(123_456_789_123) == "123456789000.0")
    #expect(JSONNumber.kataGoText(0.000012345678912) == "1.23456789e-05")
    #expect(JSONNumber.kataGoText(.nan) == "0.0")
    #expect(JSONNumber.kataGoText(.infinity) == "0.0")
    #expect(JSONValue.float(2.0 / 3) == .number("0.666666667"))
  }

  @Test func indentsTwoSpacesALevel() {
    let v = JSONValue.object([
      "b": .array([.int(1), .object(["x": .null])]), "a": .string("s"), "e": .array([]), "o": .object([:]),
    ])
    #expect(
      v.prettyText == """
        {
          "a": "s",
          "b": [
            1,
            {
              "x": null
            }
          ],
          "e": [],
          "o": {}
        }
        """)
    #expect(JSONValue.int(3).prettyText == "3")
  }

  @Test func writesAnObjectInTheOrderGiven() {
    let text = JSONWriter.objectText([("z", .int(1)), ("a", .string("\"")), ("m", .object(["y": .null, "b": .bool(true)]))])
    #expect(text == #"{"z":1,"a":"\"","m":{"b":true,"y":null}}"#)
    #expect(JSONWriter.objectText([]) == "{}")
  }
}
