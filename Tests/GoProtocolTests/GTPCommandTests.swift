import GoCore
import GoFormats
import GoProtocol
import Testing

@Suite struct GTPCommandTests {
  @Test func parsesTypedCommands() throws {
    #expect(try GTPCommand.parse("play B d4") == .play(.black, .point(column: 3, row: 4)))
    #expect(try GTPCommand.parse("play white PASS") == .play(.white, .pass))
    #expect(try GTPCommand.parse("play b (3,4)") == .play(.black, .grid(x: 3, y: 4)))
    #expect(try GTPCommand.parse("genmove w") == .genmove(.white, .play))
    #expect(try GTPCommand.parse("kgs-genmove_cleanup b") == .genmove(.black, .cleanup))
    #expect(try GTPCommand.parse("reg_genmove b") == .genmove(.black, .report))
    #expect(try GTPCommand.parse("boardsize 13") == .boardSize(width: 13, height: 13))
    #expect(try GTPCommand.parse("boardsize 19 13") == .boardSize(width: 19, height: 13))
    #expect(try GTPCommand.parse("komi -2.5") == .komi(-2.5))
    #expect(try GTPCommand.parse("time_settings 300 30 5")
      == .timeSettings(.canadian(main: 300, period: 30, stones: 5)))
    #expect(try GTPCommand.parse("time_settings 300 0 0") == .timeSettings(.absolute(main: 300)))
    #expect(try GTPCommand.parse("time_settings 0 1 0") == .timeSettings(.none))
    #expect(try GTPCommand.parse("kgs-time_settings byoyomi 600 30 5")
      == .timeSettings(.byoyomi(main: 600, period: 30, periods: 5)))
    #expect(try GTPCommand.parse("kata-time_settings fischer 60 2.5")
      == .timeSettings(.fischer(main: 60, increment: 2.5)))
    #expect(try GTPCommand.parse("loadsgf game.sgf 12") == .loadSGF(path: "game.sgf", moveNumber: 12))
    #expect(try GTPCommand.parse("kgs-rules chinese") == .kgsRules(.chineseOGS))
    #expect(try GTPCommand.parse("final_status_list DEAD") == .finalStatusList(.dead))
    #expect(try GTPCommand.parse("set_position b A1 w B2")
      == .setPosition([.init(.black, .point(column: 0, row: 1)), .init(.white, .point(column: 1, row: 2))]))
  }

  /// Malformed lines and the reply they must get.
  @Test(arguments: [
    ("play", "syntax error"), ("play b", "syntax error"), ("play x D4", "syntax error"),
    ("play b I9", "syntax error"), ("play b (3,)", "syntax error"), ("play b (1,2,3)", "syntax error"), ("play b D4 extra", "syntax error"),
    ("boardsize x", "boardsize not an integer"), ("boardsize", "boardsize not an integer"),
    ("komi abc", "komi not a float"), ("komi nan", "komi not a float"),
    ("genmove", "syntax error"), ("genmove red", "syntax error"),
    ("time_settings 1 2", "syntax error"), ("time_settings -1 0 0", "syntax error"),
    ("time_left b 10", "syntax error"), ("kgs-time_settings hourglass 5", "unknown time system"),
    ("kgs-time_settings fischer 5 1", "unknown time system"),
    ("final_status_list zombie", "syntax error"), ("fixed_handicap x", "syntax error"),
    ("kgs-rules tromp", "unknown rules"), ("loadsgf", "syntax error"),
    ("loadsgf f.sgf 0", "syntax error"), ("set_position b", "syntax error"),
    ("kata-set-rule ko SUPER", "unknown ko rule 'SUPER'"), ("name extra", "syntax error"),
  ] as [(String, String)])
  func malformedCommandsGetTheirError(_ line: String, _ message: String) {
    #expect(throws: GTPError.self) { try GTPCommand.parse(line) }
    let (c, _, _) = makeController()
    let before = ControllerSnapshot(c)
    #expect(c.error(line) == message)
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func listsAndKnowsEveryCommandItParses() {
    let (c, _, _) = makeController()
    let list = (c.ok("list_commands") ?? "").split(separator: "\n").map(String.init)
    for name in [
      "protocol_version", "name", "version", "known_command", "list_commands", "quit",
      "boardsize", "clear_board", "komi", "play", "genmove", "undo", "showboard",
      "fixed_handicap", "place_free_handicap", "set_free_handicap", "final_score",
      "final_status_list", "time_settings", "time_left", "loadsgf", "reg_genmove",
      "kgs-genmove_cleanup", "kgs-time_settings", "kata-time_settings", "kgs-rules",
      "kata-get-rules", "kata-set-rules", "kata-set-rule", "get_komi", "rectangular_boardsize",
      "set_position", "printsgf", "kgs-game_over", "kgs-chat", "cputime", "stop",
      "list_stones", "captures", "move_history", "all_legal", "query_boardsize", "final_status",
      "get_handicap", "estimate_score", "level",
    ] {
      #expect(list.contains(name), "\(name)")
      #expect(c.ok("known_command \(name)") == "true")
    }
    #expect(list == GTPCommand.names)
    #expect(c.ok("known_command lz-analyze") == "true")
    // Accepted but not listed, as in KataGo.
    for hidden in ["analyze", "genmove_analyze", "kata-get-params", "kata-set-params"] {
      #expect(!list.contains(hidden), "\(hidden)")
      #expect(c.ok("known_command \(hidden)") == "true")
    }
    #expect(c.ok("known_command kata-analyzer") == "false")
    #expect(c.ok("known_command") == nil)
  }

  @Test func identifiesItselfWithoutClaimingToBeKataGo() {
    let (c, _, _) = makeController()
    #expect(c.ok("protocol_version") == "2")
    #expect(c.ok("name") == "Tengen")
    #expect(c.ok("version") == "0.17.0+tengen.0.1.0")
    #expect(!(c.ok("name") ?? "").hasPrefix("KataGo"))
  }

  /// Lizzie's check (Leelaz.java): the first word of the reply split at dots, the second part
  /// an integer of at least 15, or a modal "requires version 0.15 or later" dialog.
  @Test func versionPassesLizziesLeelaZeroCheck() {
    let (c, _, _) = makeController()
    let reply = c.ok("version") ?? ""
    let firstWord = reply.split(separator: " ").first.map(String.init) ?? ""
    let parts = firstWord.split(separator: ".", omittingEmptySubsequences: false)
    #expect(parts.count >= 2)
    #expect((parts.count >= 2 ? Int(parts[1]) : nil).map { $0 >= 15 } == true)
    #expect(reply.hasSuffix("tengen." + TengenVersion.number))
  }
}
