import GoCore
import GoFormats
import GoSearch
import Testing

@testable import GoAnalysis

/// Decodes `text` (a JSON object) as a query with the default configuration.
func decode(_ text: String, parameters: Set<String> = []) throws(AnalysisMessage) -> AnalysisQuery {
  let fields = (try! JSONParser.parse(text)).object!
  return try AnalysisQuery.decode(
    id: fields["id"]?.string ?? "x", fields: fields, configuration: AnalysisConfiguration(),
    engineParameters: parameters)
}

/// The error `text` is refused with.
func refusal(_ text: String) -> AnalysisMessage? {
  do {
    _ = try decode(text)
    return nil
  } catch {
    return error
  }
}

@Suite struct QueryDecodingTests {
  let base = #""id":"q","rules":"tromp-taylor","boardXSize":9,"boardYSize":9"#

  @Test func aMinimalQueryAnalysesTheFinalPositionWithTheDefaults() throws {
    let q = try decode("{\(base),\"moves\":[[\"B\",\"E5\"],[\"w\",\"pass\"],[\"black\",\"c3\"]]}")
    #expect(q.id == "q")
    #expect(q.turns.map(\.number) == [3])
    #expect(q.turns[0].priority == 0)
    let s = q.turns[0].state
    #expect(s.toMove == .white)
    #expect(s.board[Point(x: 4, y: 4)] == .black)
    #expect(s.board[Point(x: 2, y: 6)] == .black)
    #expect(q.request.maxVisits == 500)
    #expect(q.request.pvLength == 15)
    #expect(q.request.wideRootNoise == 0.04)
    #expect(q.request.ignorePreRootHistory)
    #expect(q.perspective == .black)
    #expect(q.warnings.isEmpty)
  }

  /// A whole game's turns keep numbers, not positions (a `GameState` holds a board per move,
  /// so holding every turn's took memory quadratic in the game's length); each position is
  /// rebuilt, tolerated ko recaptures included, when it is asked for, with its hashes.
  @Test func turnsKeepNoPositionsAndRebuildThemOnDemand() throws {
    #expect(MemoryLayout<AnalysisQuery.Turn>.size < MemoryLayout<GameState>.size / 10)
    // A ko: White captures at D5 (legal), Black retakes at once (tolerated, history restarts).
    let moves = #""moves":[["B","D4"],["W","E4"],["B","C5"],["W","F5"],["B","D6"],["W","E6"],"#
      + #"["B","E5"],["W","D5"],["B","E5"]]"#
    let q = try decode("{\(base),\(moves),\"analyzeTurns\":[9,0,8,5]}")
    #expect(q.turns.map(\.number) == [9, 0, 8, 5])
    #expect(q.turns[1...].map(\.state.moves.count) == [0, 8, 5])
    let last = q.turns[0].state
    #expect(last.board[Point(x: 4, y: 4)] == .black)  // E5 retaken
    #expect(last.board[Point(x: 3, y: 4)] == .empty)  // D5 captured
    #expect(last.toMove == .white)
    for turn in q.turns {
      #expect(turn.thisHash == PositionHash.this(turn.state))
      #expect(turn.symHash == PositionHash.symmetric(turn.state))
    }
  }

  @Test func analyzeTurnsAndPrioritiesGiveOneTurnEach() throws {
    let moves = #""moves":[["B","E5"],["W","C3"]]"#
    var q = try decode("{\(base),\(moves),\"analyzeTurns\":[0,2,1],\"priority\":7}")
    #expect(q.turns.map(\.number) == [0, 2, 1])
    #expect(q.turns.map(\.priority) == [7, 7, 7])
    #expect(q.turns.map(\.state.moves.count) == [0, 2, 1])
    #expect(q.turns.map(\.state.toMove) == [.black, .black, .white])
    q = try decode(
      "{\(base),\(moves),\"analyzeTurns\":[1,2],\"priorities\":[-3,4611686018427387904]}")
    #expect(q.turns.map(\.priority) == [-3, 1 << 62])
    #expect(
      refusal("{\(base),\(moves),\"analyzeTurns\":[3]}")
        == AnalysisMessage(field: "analyzeTurns", "Invalid turn number: 3"))
    #expect(
      refusal("{\(base),\(moves),\"analyzeTurns\":[-1]}")
        == AnalysisMessage(field: "analyzeTurns", "Invalid turn number: -1"))
    #expect(
      refusal("{\(base),\(moves),\"analyzeTurns\":[1],\"priorities\":[1,2]}")?.field == "priorities"
    )
    #expect(refusal("{\(base),\(moves),\"priority\":1,\"priorities\":[1]}")?.field == "priorities")
    #expect(refusal("{\(base),\(moves),\"priority\":\"high\"}")?.field == "priority")
  }

  @Test func verifiedErrorMessages() {
    let moves = #""moves":[]"#
    #expect(
      refusal("{\(base),\"moves\":[[\"B\",\"Z99\"]]}")
        == AnalysisMessage(field: "moves", "Could not parse board location: Z99"))
    #expect(
      refusal("{\(base),\"moves\":[[\"B\",\"D4\"],[\"W\",\"E5\"],[\"B\",\"C3\"],[\"W\",\"D4\"]]}")
        == AnalysisMessage(field: "moves", "Illegal move 3: D4"))
    #expect(
      refusal(#"{"id":"q","rules":"chinese","boardXSize":20,"boardYSize":9,"moves":[]}"#)
        == AnalysisMessage(field: "boardXSize", "Must provide an integer from 2 to 19"))
    #expect(
      refusal(#"{"id":"q","rules":"chinese","boardXSize":9,"boardYSize":1,"moves":[]}"#)
        == AnalysisMessage(field: "boardYSize", "Must provide an integer from 2 to 19"))
    let rulesMessage =
      "Must specify rules string, such as \"chinese\" or \"tromp-taylor\", or a JSON object with detailed rules parameters."
    #expect(
      refusal(#"{"id":"q","boardXSize":9,"boardYSize":9,"moves":[]}"#)
        == AnalysisMessage(field: "rules", rulesMessage))
    #expect(
      refusal(#"{"id":"q","rules":5,"boardXSize":9,"boardYSize":9,"moves":[]}"#)
        == AnalysisMessage(field: "rules", rulesMessage))
    #expect(
      refusal(#"{"id":"q","rules":"fancy","boardXSize":9,"boardYSize":9,"moves":[]}"#)
        == AnalysisMessage(field: "rules", "Could not parse rules: fancy"))
    for komi in ["7.3", "401", "\"7.5\""] {
      #expect(
        refusal("{\(base),\(moves),\"komi\":\(komi)}")
          == AnalysisMessage(
            field: "komi", "Must be a integer or half-integer from -400.0 to 400.0"))
    }
    for flag in [
      "includeOwnership", "includeOwnershipStdev", "includeMovesOwnership",
      "includeMovesOwnershipStdev", "includePolicy", "includePVVisits", "includeNoResultValue",
    ] {
      #expect(
        refusal("{\(base),\(moves),\"\(flag)\":1}")
          == AnalysisMessage(field: flag, "Must be a boolean"))
    }
    let avoid = #"[{"player":"B","moves":["D4"],"untilDepth":1}]"#
    #expect(
      refusal("{\(base),\(moves),\"avoidMoves\":\(avoid),\"allowMoves\":\(avoid)}")
        == AnalysisMessage(field: "allowMoves", "Cannot specify both allowMoves and avoidMoves"))
    #expect(
      refusal("{\(base),\(moves),\"overrideSettings\":{\"maxTime\":\"soon\"}}")?.message
        .hasPrefix("Could not set settings: ") == true)
    #expect(
      refusal("{\(base),\(moves),\"overrideSettings\":{\"reportAnalysisWinratesAs\":\"RED\"}}")?
        .message
        .hasPrefix("Could not set settings: ") == true)
    #expect(refusal("{\(base)}") == AnalysisMessage(field: "moves", "Missing field"))
    #expect(
      refusal("{\(base),\"moves\":[[\"X\",\"D4\"]]}")
        == AnalysisMessage(field: "moves", "Could not parse player: X"))
    #expect(refusal("{\(base),\"moves\":[\"D4\"]}")?.field == "moves")
    #expect(
      refusal("{\(base),\(moves),\"initialStones\":[[\"B\",\"pass\"]]}")?.field == "initialStones")
    #expect(
      refusal("{\(base),\(moves),\"maxVisits\":0}")
        == AnalysisMessage(field: "maxVisits", "Must be an integer from 1 to 1125899906842624"))
    #expect(refusal("{\(base),\(moves),\"analysisPVLen\":0}")?.field == "analysisPVLen")
    #expect(
      refusal("{\(base),\(moves),\"rootPolicyTemperature\":0}")?.field == "rootPolicyTemperature")
    #expect(refusal("{\(base),\(moves),\"rootFpuReductionMax\":3}")?.field == "rootFpuReductionMax")
    #expect(
      refusal("{\(base),\(moves),\"reportDuringSearchEvery\":0}")?.field
        == "reportDuringSearchEvery")
    #expect(
      refusal("{\(base),\(moves),\"whiteHandicapBonus\":\"2\"}")?.field == "whiteHandicapBonus")
    #expect(refusal("{\(base),\(moves),\"initialPlayer\":\"X\"}")?.field == "initialPlayer")
  }

  @Test func unknownKeysAndConfigParamsOnlyWarn() throws {
    let q = try decode(
      "{\(base),\"moves\":[],\"foo\":1,\"_kt_x\":true,\"overrideSettings\":{\"bar\":2,\"cpuctExploration\":1.5,\"maxTime\":2}}",
      parameters: ["cpuctExploration"])
    let unused =
      "Unexpected or unused field, do you have a typo? (set warnUnusedFields=false in the config to disable this warning)"
    #expect(
      q.warnings == [
        AnalysisMessage(field: "overrideSettings", "Unknown config params: bar"),
        AnalysisMessage(field: "_kt_x", unused), AnalysisMessage(field: "foo", unused),
      ])
    #expect(q.parameters.map(\.name) == ["cpuctExploration"])
    #expect(q.parameters.map(\.value) == ["1.5"])
    #expect(q.request.maxTime == 2)
    #expect(q.request.maxVisits == nil)
  }

  @Test func everySettingReachesTheRequest() throws {
    let q = try decode(
      """
      {\(base),"moves":[],"maxVisits":77,"analysisPVLen":5,"rootPolicyTemperature":1.5,
      "rootFpuReductionMax":0.5,"includeOwnership":true,"includeOwnershipStdev":true,
      "includeMovesOwnership":true,"includeMovesOwnershipStdev":true,"includePolicy":true,
      "includePVVisits":true,"includeNoResultValue":true,"reportDuringSearchEvery":0.5,
      "firstReportDuringSearchAfter":0.1,
      "avoidMoves":[{"player":"B","moves":["D4","pass"],"untilDepth":1},{"player":"W","moves":["A1"],"untilDepth":3}],
      "overrideSettings":{"maxTime":3,"maxVisits":5,"reportAnalysisWinratesAs":"sidetomove",
      "wideRootNoise":0.1,"rootPolicyTemperature":2,"rootFpuReductionMax":1,"ignorePreRootHistory":"false"}}
      """)
    let r = q.request
    #expect(r.maxVisits == 77)
    #expect(r.maxTime == 3)
    #expect(r.pvLength == 5)
    #expect(r.rootPolicyTemperature == 1.5)
    #expect(r.rootFpuReductionMax == 0.5)
    #expect(r.wideRootNoise == 0.1)
    #expect(!r.ignorePreRootHistory)
    #expect(r.includeOwnership && r.includeOwnershipStdev && r.includeMovesOwnership)
    #expect(r.includeMovesOwnershipStdev && r.includePolicy)
    #expect(q.includePVVisits && q.includeNoResultValue)
    #expect(r.reportInterval == 0.5)
    #expect(r.firstReportAfter == 0.1)
    #expect(q.perspective == .sideToMove)
    #expect(
      r.restrictions == [
        MoveRestriction(
          player: .black, moves: [.play(Point(x: 3, y: 5)), .pass], untilDepth: 1,
          isAllowList: false),
        MoveRestriction(
          player: .white, moves: [.play(Point(x: 0, y: 8))], untilDepth: 3, isAllowList: false),
      ])
    let allow = try decode(
      "{\(base),\"moves\":[],\"allowMoves\":[{\"player\":\"W\",\"moves\":[\"E5\"],\"untilDepth\":2}]}"
    )
    #expect(
      allow.request.restrictions == [
        MoveRestriction(
          player: .white, moves: [.play(Point(x: 4, y: 4))], untilDepth: 2, isAllowList: true)
      ])
  }

  @Test func rulesPresetsObjectsAndOverrides() throws {
    func rules(_ r: String, _ extra: String = "") throws -> Rules {
      try decode(
        "{\"id\":\"q\",\"rules\":\(r),\"boardXSize\":9,\"boardYSize\":9,\"moves\":[]\(extra)}"
      ).turns[0].state.rules
    }
    #expect(try rules("\"new zealand\"") == Rules.newZealand)
    #expect(try rules("\"stone_scoring\"") == Rules.stoneScoring)
    #expect(try rules("\"Japanese\"") == Rules.japanese)
    #expect(try rules("\"japanese\"", ",\"komi\":0") == Rules.japanese.withKomi(0))
    #expect(try rules("\"chinese\"", ",\"whiteHandicapBonus\":\"0\"").whiteHandicapBonus == .zero)
    let custom = try rules(#"{"ko":"SIMPLE","scoring":"TERRITORY","suicide":false}"#)
    #expect(
      custom.scoring == .territory && custom.ko == .simple && custom.tax == .seki
        && custom.komi == 6.5)
    #expect(try rules(#"{"ko":"SIMPLE","scoring":"AREA","komi":5}"#, ",\"komi\":-3.5").komi == -3.5)
    #expect(try rules("\"koPOSITIONALscoreAREAtaxNONEsui1komi7.5\"") == Rules.trompTaylor)
  }

  @Test func setupStonesAndInitialPlayer() throws {
    let hc = #""initialStones":[["B","D4"],["B","F6"]]"#
    var q = try decode("{\(base),\(hc),\"moves\":[]}")
    #expect(q.turns[0].state.toMove == .white)
    #expect(q.turns[0].state.handicap == 2)
    q = try decode("{\(base),\(hc),\"initialStones\":[[\"B\",\"D4\"],[\"W\",\"F6\"]],\"moves\":[]}")
    #expect(q.turns[0].state.toMove == .black)
    q = try decode("{\(base),\(hc),\"initialPlayer\":\"B\",\"moves\":[]}")
    #expect(q.turns[0].state.toMove == .black)
    q = try decode("{\(base),\"moves\":[[\"W\",\"D4\"]],\"analyzeTurns\":[0,1]}")
    #expect(q.turns.map(\.state.toMove) == [.white, .black])
  }

  @Test func movesAreAppliedTolerantly() throws {
    // The same player twice: the history restarts with that player to move.
    var q = try decode("{\(base),\"moves\":[[\"B\",\"E5\"],[\"B\",\"D4\"],[\"W\",\"C3\"]]}")
    #expect(q.turns[0].state.board.stoneCount(.black) == 2)
    #expect(q.turns[0].state.toMove == .black)
    // A ko recapture that the rules forbid is still applied.
    let ko =
      #"[["B","D5"],["W","E5"],["B","E4"],["W","F4"],["B","E6"],["W","F6"],["B","pass"],["W","G5"],["B","F5"],["W","E5"],["B","F5"]]"#
    // B F5 takes the ko; W E5 and B F5 retake it at once: ko violations, both tolerated.
    q = try decode("{\(base),\"moves\":\(ko)}")
    let s = q.turns[0].state
    #expect(s.board[Point(x: 5, y: 4)] == .black)
    #expect(s.board[Point(x: 4, y: 4)] == .empty)
    #expect(s.toMove == .white)
  }
}
