import GoCore
import GoFormats
import Testing

@Suite struct RulesTextTests {
  @Test func printsKataGoJSON() {
    #expect(RulesText.json(.trompTaylor) == """
      {"friendlyPassOk":false,"hasButton":false,"ko":"POSITIONAL","scoring":"AREA","suicide":true,"tax":"NONE","whiteHandicapBonus":"0"}
      """)
    #expect(RulesText.json(.japanese) == """
      {"friendlyPassOk":false,"hasButton":false,"ko":"SIMPLE","scoring":"TERRITORY","suicide":false,"tax":"SEKI","whiteHandicapBonus":"0"}
      """)
  }

  @Test func parsesPresetsJSONAndCompactForms() throws {
    #expect(try RulesText.parse("Japanese") == .japanese)
    #expect(try RulesText.parse("chinese_kgs") == .chineseOGS)
    let json = try RulesText.parse(#"{"ko":"SIMPLE","scoring":"TERRITORY","suicide":false}"#)
    #expect(json.ko == .simple && json.scoring == .territory && json.tax == .seki)
    #expect(!json.multiStoneSuicideLegal && json.komi == 6.5)
    let compact = try RulesText.parse("koSITUATIONALscoreAREAtaxNONEsui0whbN-1fpok1komi7")
    #expect(compact == Rules.aga.withKomi(7))
    for preset in Rules.presetNames {
      let r = try #require(Rules(preset: preset))
      #expect(try RulesText.parse(RulesText.compact(r)) == r)
      #expect(try RulesText.parse(RulesText.json(r)).withKomi(r.komi) == r)
    }
  }

  @Test(arguments: [
    "", "nonsense", #"{"ko":"SIMPLE""#, #"{"foo":1}"#, #"{"ko":"SUPER"}"#, #"{"suicide":"yes"}"#,
    "koPOSITIONALscoreAREAxyz", #"{"ko":"SIMPLE","ko":"SIMPLE"}"#, #"{"ko":SIMPLE}"#,
  ])
  func refusesMalformedRules(_ text: String) {
    #expect(throws: RulesText.ParseError.self) { try RulesText.parse(text) }
  }

  @Test func readsARulesObjectAlreadyParsed() throws {
    let value = try JSONParser.parse(#"{"ko":"SIMPLE","scoring":"TERRITORY","suicide":false,"komi":6}"#)
    let rules = try RulesText.parse(json: value)
    #expect(rules == Rules.japanese.withKomi(6))
    #expect(throws: RulesText.ParseError.self) { try RulesText.parse(json: .array([])) }
    #expect(throws: RulesText.ParseError.self) { try RulesText.parse(json: .object(["ko": .null])) }
    #expect(throws: RulesText.ParseError.self) { try RulesText.parse(json: value, allowKomi: false) }
  }

  @Test func saysWhyARulesObjectIsRefused() {
    func message(_ text: String) -> String? {
      do {
        _ = try RulesText.parse(text)
        return nil
      } catch {
        return error.message
      }
    }
    #expect(message(#"{"ko":"SIMPLE", "ko":"SIMPLE"}"#) == #"invalid JSON: parse error at column 17: duplicate key "ko""#)
    #expect(message(#"{"ko":"SIMPLE""#) == "invalid JSON: parse error at column 15: unexpected end of input")
    #expect(message(#"{"tax":["SEKI"]}"#) == #"invalid JSON value ["SEKI"] for 'tax'"#)
    #expect(message(#"{"ko":"SIMPLE","rule":1}"#) == "unknown rules key 'rule'")
    #expect(message(#"{"score":"AREA","scoring":"AREA"}"#) == "duplicate key 'scoring'")
  }

  @Test func komiOnlyWhereAllowed() throws {
    #expect(try RulesText.parse(#"{"komi":5.5}"#).komi == 5.5)
    #expect(throws: RulesText.ParseError.self) {
      try RulesText.parse(#"{"komi":5.5}"#, allowKomi: false)
    }
  }

  @Test func setsSingleFields() throws {
    var r = Rules.trompTaylor
    try RulesText.set("ko", to: "simple", in: &r)
    try RulesText.set("hasButton", to: "true", in: &r)
    try RulesText.set("whiteHandicapBonus", to: "n-1", in: &r)
    #expect(r.ko == .simple && r.hasButton && r.whiteHandicapBonus == .nMinusOne)
    #expect(throws: RulesText.ParseError.self) { try RulesText.set("ko", to: "x", in: &r) }
    #expect(throws: RulesText.ParseError.self) { try RulesText.set("bogus", to: "1", in: &r) }
  }
}
