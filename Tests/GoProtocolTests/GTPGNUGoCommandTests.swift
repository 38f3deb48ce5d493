import GoCore
import GoProtocol
import GoSearch
import Testing

/// GNU Go 3.8's extensions (Kigo builds its board from them). Every expected reply below is
/// what `gnugo --mode gtp` (3.8) answered to the same commands.
@Suite struct GTPGNUGoCommandTests {
  /// The 9×9 game of the GNU Go session: E5 C3 D3 pass C4 D4 C2 B3 E4.
  func game9() -> GTPController {
    let (c, _, _) = makeController(size: 9)
    for m in ["b e5", "w c3", "b d3", "w pass", "b c4", "w d4", "b c2", "w b3", "b e4"] {
      _ = c.ok("play \(m)")
    }
    return c
  }

  @Test func listStonesReadsRowsFromTheTop() {
    let c = game9()
    #expect(c.ok("list_stones black") == "E5 C4 E4 D3 C2")
    #expect(c.ok("list_stones white") == "D4 B3 C3")
    #expect(c.ok("list_stones BLACK") == "E5 C4 E4 D3 C2")
    #expect(c.ok("list_stones b") == "E5 C4 E4 D3 C2")
    #expect(makeController(size: 9).0.send("list_stones white") == "= \n\n")
  }

  @Test func moveHistoryIsLatestFirstWithPassInCapitals() {
    let c = game9()
    #expect(c.ok("move_history") == """
      black E4
      white B3
      black C2
      white D4
      black C4
      white PASS
      black D3
      white C3
      black E5
      """)
    #expect(makeController(size: 9).0.send("move_history") == "= \n\n")
  }

  @Test func allLegalListsEveryPlayablePoint() {
    let c = game9()
    let expected = """
      A9 B9 C9 D9 E9 F9 G9 H9 J9 A8 B8 C8 D8 E8 F8 G8 H8 J8 A7 B7 C7 D7 E7 F7 G7 H7 J7 \
      A6 B6 C6 D6 E6 F6 G6 H6 J6 A5 B5 C5 D5 F5 G5 H5 J5 A4 B4 F4 G4 H4 J4 A3 E3 F3 G3 H3 J3 \
      A2 B2 D2 E2 F2 G2 H2 J2 A1 B1 C1 D1 E1 F1 G1 H1 J1
      """
    #expect(c.ok("all_legal black") == expected)
    #expect(c.ok("all_legal white") == expected)
  }

  @Test func allLegalLeavesOutKoAndSuicide() {
    let (c, _, _) = makeController(size: 9)
    // White A1 captures B1; Black may not retake at once, White may fill.
    for m in ["b a2", "b b1", "w b2", "w c1", "w a1"] { _ = c.ok("play \(m)") }
    #expect(c.ok("captures white") == "1")
    #expect(c.ok("captures black") == "0")
    let black = c.ok("all_legal black") ?? ""
    let white = c.ok("all_legal white") ?? ""
    #expect(black.hasSuffix("A3 B3 C3 D3 E3 F3 G3 H3 J3 C2 D2 E2 F2 G2 H2 J2 D1 E1 F1 G1 H1 J1"))
    #expect(white.hasSuffix("A3 B3 C3 D3 E3 F3 G3 H3 J3 C2 D2 E2 F2 G2 H2 J2 B1 D1 E1 F1 G1 H1 J1"))
    // Suicide: inside Black's 5×5 cross White has only the outer points.
    let (d, _, _) = makeController(size: 5)
    for v in ["b2", "b4", "d2", "d4", "c3", "a3", "e3", "c1", "c5"] { _ = d.ok("play b \(v)") }
    #expect(d.ok("all_legal white") == "A5 B5 D5 E5 A4 E4 A2 E2 A1 B1 D1 E1")
  }

  @Test func capturesCountsStonesTakenByThatColour() {
    let (c, _, _) = makeController(size: 9)
    for m in ["w a1", "b b1", "b a2"] { _ = c.ok("play \(m)") }
    #expect(c.ok("captures black") == "1")
    #expect(c.ok("captures w") == "0")
  }

  @Test func boardSizeAndHandicapQueries() {
    let (c, _, _) = makeController(size: 19)
    #expect(c.ok("query_boardsize") == "19")
    #expect(c.ok("boardsize 9") == "")
    #expect(c.ok("query_boardsize") == "9")
    #expect(c.ok("get_handicap") == "0")
    _ = c.ok("fixed_handicap 3")
    #expect(c.ok("get_handicap") == "3")
    #expect(c.ok("move_history") == "")
    #expect(c.ok("clear_board") == "")
    #expect(c.ok("set_free_handicap a1 b2") == "")
    #expect(c.ok("get_handicap") == "2")
    #expect(c.ok("rectangular_boardsize 7 5") == "")
    #expect(c.ok("query_boardsize") == "7 5")
  }

  @Test func finalStatusAndEstimateScoreOnAFinishedCross() {
    let (c, engine, _) = makeController(size: 5)
    _ = c.ok("kata-set-rules japanese")
    _ = c.ok("komi 0")
    for v in ["b2", "b4", "d2", "d4", "c3", "a3", "e3", "c1", "c5"] { _ = c.ok("play b \(v)") }
    #expect(c.ok("final_status a1") == "black_territory")
    #expect(c.ok("final_status b2") == "alive")
    #expect(c.ok("final_status B2") == "alive")
    #expect(c.ok("estimate_score") == "B+16.0 (upper bound: -16.0, lower: -16.0)")
    #expect(c.ok("final_status_list black_territory")
      == "A5 B5 D5 E5 A4 C4 E4 B3 D3 A2 C2 E2 A1 B1 D1 E1")
    #expect(c.ok("final_status_list white_territory") == "")
    #expect(c.error("final_status pass") == "invalid coordinate")
    #expect(c.error("final_status F6") == "invalid coordinate")
    #expect(c.error("final_status") == "syntax error")
    // A White stone the engine calls dead: its point is dead, the rest stays Black's.
    _ = c.ok("play w a1")
    engine.dead = [Point(x: 0, y: 4)]
    #expect(c.ok("final_status a1") == "dead")
    #expect(c.ok("final_status_list dead") == "A1")
    #expect(c.ok("final_status b1") == "black_territory")
  }

  @Test func estimateScoreFavoursWhiteOnADrawAsGNUGoDoes() {
    let (c, _, _) = makeController(size: 9)
    _ = c.ok("komi 0")
    #expect(c.ok("estimate_score") == "W+0.0 (upper bound: 0.0, lower: 0.0)")
    _ = c.ok("komi 6.5")
    #expect(c.ok("estimate_score") == "W+6.5 (upper bound: 6.5, lower: 6.5)")
  }

  @Test func territoryAndDameClassesOnAMixedBoard() {
    let (c, _, _) = makeController(size: 5)
    // Black's wall on column B, White's on D: A is Black's, E White's, C is dame.
    for v in ["b5", "b4", "b3", "b2", "b1"] { _ = c.ok("play b \(v)") }
    for v in ["d5", "d4", "d3", "d2", "d1"] { _ = c.ok("play w \(v)") }
    #expect(c.ok("final_status_list black_territory") == "A5 A4 A3 A2 A1")
    #expect(c.ok("final_status_list white_territory") == "E5 E4 E3 E2 E1")
    #expect(c.ok("final_status_list dame") == "C5 C4 C3 C2 C1")
    #expect(c.ok("final_status c3") == "dame")
    #expect(c.ok("final_status e1") == "white_territory")
  }

  @Test func levelIsAcceptedAndChangesNothing() {
    let (c, _, _) = makeController(size: 9)
    let before = ControllerSnapshot(c)
    #expect(c.ok("level 5") == "")
    #expect(c.ok("level 0") == "")
    #expect(c.ok("level -1") == "")
    #expect(c.ok("level 100") == "")
    #expect(c.error("level") == "level not an integer")
    #expect(c.error("level x") == "level not an integer")
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func genmoveFamilyAnswersPassInCapitals() {
    let (c, engine, _) = makeController(size: 9)
    engine.script = [.move(.pass), .move(.pass), .move(.pass)]
    #expect(c.ok("genmove b") == "PASS")
    #expect(c.ok("reg_genmove w") == "PASS")
    #expect(c.ok("kgs-genmove_cleanup w") == "PASS")
    #expect(c.ok("move_history") == "white PASS\nblack PASS")
  }

  /// Kigo's Hint: `top_moves_black`/`_white` search as `genmove` would and play nothing. The
  /// values are win rates in percent (GNU Go's are points), so only the format is GNU Go's.
  @Test func topMovesListsSearchedMovesWithoutPlaying() throws {
    var params = RolloutParameters()
    params.threads = 1
    params.maxPlayouts = 200
    let c = GTPController(
      engine: RolloutEngine(params: params),
      configuration: GTPConfiguration(width: 9, height: 9, rules: .trompTaylor))
    for m in ["b e5", "w c3"] { _ = c.ok("play \(m)") }
    let before = ControllerSnapshot(c)
    for (command, player) in [("top_moves_black", Player.black), ("top_moves_white", .white),
      ("top_moves", .black)]
    {
      let reply = try #require(c.ok(command))
      let words = reply.split(separator: " ").map(String.init)
      let color = player == .black ? "b" : "w"
      let legal = Set((c.ok("all_legal \(color)") ?? "").split(separator: " "))
      #expect(!words.isEmpty && words.count % 2 == 0 && words.count <= 20, "\(command): \(reply)")
      for i in stride(from: 0, to: words.count, by: 2) {
        let vertex = words[i]
        #expect(legal.contains(Substring(vertex)), "\(command): \(vertex)")
        let value = try #require(Double(words[i + 1]))
        #expect((0...100).contains(value) && words[i + 1].split(separator: ".").last?.count == 2)
      }
      #expect(ControllerSnapshot(c) == before, "\(command) plays nothing")
    }
    // An engine that cannot analyse answers as the analysis commands do.
    let test = makeController(size: 9).0
    #expect(test.error("top_moves_black") == "engine test cannot analyse positions")
  }

  @Test func badColoursAreSyntaxErrors() {
    let (c, _, _) = makeController(size: 9)
    for line in ["list_stones", "list_stones foo", "captures", "all_legal", "all_legal x"] {
      #expect(c.error(line) == "syntax error", "\(line)")
    }
  }
}
