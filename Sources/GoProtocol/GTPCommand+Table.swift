import GoCore
import GoFormats

extension GTPCommand {
  /// Reads one command's arguments.
  typealias Parser = @Sendable (inout GTPArguments) throws(GTPError) -> GTPCommand

  /// Every implemented command with its argument parser, in `list_commands` order.
  static let table: [(name: String, parse: Parser)] = [
    ("protocol_version", { _ throws(GTPError) in .protocolVersion }),
    ("name", { _ throws(GTPError) in .name }),
    ("version", { _ throws(GTPError) in .version }),
    ("known_command", { a throws(GTPError) in .knownCommand(try a.word("command name")) }),
    ("list_commands", { _ throws(GTPError) in .listCommands }),
    ("quit", { _ throws(GTPError) in .quit }),
    ("boardsize", { a throws(GTPError) in try parseBoardSize(&a, optionalHeight: true) }),
    ("rectangular_boardsize", { a throws(GTPError) in
      try parseBoardSize(&a, optionalHeight: false)
    }),
    ("clear_board", { _ throws(GTPError) in .clearBoard }),
    ("komi", { a throws(GTPError) in
      guard let k = try? a.double("komi") else { throw GTPError("komi not a float") }
      return .komi(k)
    }),
    ("get_komi", { _ throws(GTPError) in .getKomi }),
    ("play", { a throws(GTPError) in .play(try a.color(), try a.vertex()) }),
    ("genmove", { a throws(GTPError) in .genmove(try a.color(), .play) }),
    ("kata-search", { a throws(GTPError) in try parseSearch(&a, cancellable: false) }),
    ("kata-search_cancellable", { a throws(GTPError) in
      try parseSearch(&a, cancellable: true)
    }),
    ("reg_genmove", { a throws(GTPError) in .genmove(try a.color(), .report) }),
    ("kgs-genmove_cleanup", { a throws(GTPError) in .genmove(try a.color(), .cleanup) }),
    ("undo", { _ throws(GTPError) in .undo }),
    ("showboard", { _ throws(GTPError) in .showboard }),
    ("fixed_handicap", { a throws(GTPError) in .fixedHandicap(try a.int("number of stones")) }),
    ("place_free_handicap", { a throws(GTPError) in
      .placeFreeHandicap(try a.int("number of stones"))
    }),
    ("set_free_handicap", { a throws(GTPError) in
      var list: [Vertex] = []
      while a.remaining > 0 { list.append(try a.vertex()) }
      return .setFreeHandicap(list)
    }),
    ("set_position", { a throws(GTPError) in
      var stones: [SetupStone] = []
      while a.remaining > 0 { stones.append(SetupStone(try a.color(), try a.vertex())) }
      return .setPosition(stones)
    }),
    ("final_score", { _ throws(GTPError) in .finalScore }),
    ("kata-raw-nn", { a throws(GTPError) in try parseRawNN(&a) }),
    ("final_status_list", { a throws(GTPError) in
      let w = try a.word("status")
      guard let s = StoneStatus(rawValue: w.lowercased()) else {
        throw GTPError.syntax(
          "expected alive, dead, seki, black_territory, white_territory or dame, not '\(w)'")
      }
      return .finalStatusList(s)
    }),
    ("final_status", { a throws(GTPError) in .finalStatus(try a.vertex()) }),
    ("estimate_score", { _ throws(GTPError) in .estimateScore }),
    ("list_stones", { a throws(GTPError) in .listStones(try a.color()) }),
    ("captures", { a throws(GTPError) in .captures(try a.color()) }),
    ("move_history", { _ throws(GTPError) in .moveHistory }),
    ("all_legal", { a throws(GTPError) in .allLegal(try a.color()) }),
    ("query_boardsize", { _ throws(GTPError) in .queryBoardSize }),
    ("get_handicap", { _ throws(GTPError) in .getHandicap }),
    ("top_moves", { _ throws(GTPError) in .topMoves(nil) }),
    ("top_moves_black", { _ throws(GTPError) in .topMoves(.black) }),
    ("top_moves_white", { _ throws(GTPError) in .topMoves(.white) }),
    ("level", { a throws(GTPError) in
      guard let n = try? a.int("level") else { throw GTPError("level not an integer") }
      return .level(n)
    }),
    ("time_settings", { a throws(GTPError) in
      let main = try a.seconds("main time")
      let byo = try a.seconds("byo-yomi time")
      let stones = try a.int("byo-yomi stones")
      guard stones >= 0, stones <= 100_000 else {
        throw GTPError.syntax("byo-yomi stones out of range")
      }
      if stones == 0 { return .timeSettings(byo > 0 ? .none : .absolute(main: main)) }
      return .timeSettings(.canadian(main: main, period: byo, stones: stones))
    }),
    ("kgs-time_settings", { a throws(GTPError) in
      .timeSettings(try parseTimeSystem(&a, allowFischer: false))
    }),
    ("kata-time_settings", { a throws(GTPError) in
      .timeSettings(try parseTimeSystem(&a, allowFischer: true))
    }),
    ("kata-list_time_settings", { _ throws(GTPError) in .listTimeSettings }),
    ("time_left", { a throws(GTPError) in
      let color = try a.color()
      let t = try a.double("time")
      let stones = try a.int("stones")
      // Bounded so clock arithmetic that walks periods one by one stays cheap.
      guard stones >= 0, stones <= 100_000, t <= 1e9 else {
        throw GTPError.syntax("time_left out of range")
      }
      return .timeLeft(color, seconds: t, stones: stones)
    }),
    ("loadsgf", { a throws(GTPError) in
      let path = try a.word("file name")
      let n = a.remaining > 0 ? try a.int("move number") : nil
      if let n, n < 1 { throw GTPError.syntax("move number must be at least 1") }
      return .loadSGF(path: path, moveNumber: n)
    }),
    ("printsgf", { a throws(GTPError) in .printSGF(path: a.remaining > 0 ? a.rest() : nil) }),
    ("kata-get-param", { a throws(GTPError) in
      .analysis(.getParam(try a.word("parameter name")))
    }),
    ("kata-set-param", { a throws(GTPError) in
      .analysis(.setParam(try a.word("parameter name"), try a.word("value")))
    }),
    ("kata-list-params", { _ throws(GTPError) in .analysis(.listParams) }),
    ("kgs-rules", { a throws(GTPError) in
      let w = try a.word("rules")
      switch w.lowercased() {
      case "chinese": return .kgsRules(.chineseOGS)
      case "aga": return .kgsRules(.aga)
      case "japanese": return .kgsRules(.japanese)
      case "new_zealand": return .kgsRules(.newZealand)
      default: throw GTPError("unknown rules", detail: "kgs-rules '\(w)'")
      }
    }),
    ("kata-get-rules", { _ throws(GTPError) in .getRules }),
    ("kata-set-rules", { a throws(GTPError) in
      let text = a.rest()
      do throws(RulesText.ParseError) {
        return .setRules(try RulesText.parse(text, allowKomi: false))
      } catch {
        throw GTPError("unknown rules: \(error.message)")
      }
    }),
    ("kata-set-rule", { a throws(GTPError) in
      let key = try a.word("rule key")
      let value = try a.word("rule value")
      var probe = Rules()
      do throws(RulesText.ParseError) {
        try RulesText.set(key, to: value, in: &probe)
      } catch {
        throw GTPError(error.message)
      }
      return .setRule(key: key, value: value)
    }),
    ("lz-genmove_analyze", { a throws(GTPError) in try parseGenmoveAnalyze(&a, .lz, .play) }),
    ("kata-genmove_analyze", { a throws(GTPError) in
      try parseGenmoveAnalyze(&a, .kata, .play)
    }),
    ("kata-search_analyze", { a throws(GTPError) in
      try parseGenmoveAnalyze(&a, .kata, .search)
    }),
    ("kata-search_analyze_cancellable", { a throws(GTPError) in
      try parseGenmoveAnalyze(&a, .kata, .searchCancellable)
    }),
    ("lz-analyze", { a throws(GTPError) in try parseAnalyze(&a, .lz) }),
    ("kata-analyze", { a throws(GTPError) in try parseAnalyze(&a, .kata) }),
    ("kgs-game_over", { _ throws(GTPError) in .gameOver }),
    ("kgs-chat", { a throws(GTPError) in
      _ = a.rest()
      return .chat
    }),
    ("cputime", { _ throws(GTPError) in .cpuTime }),
    ("stop", { _ throws(GTPError) in .stop }),
    ("clear_cache", { _ throws(GTPError) in .clearCache }),
  ]

  /// `boardsize N [M]` or `rectangular_boardsize W H`.
  private static func parseBoardSize(
    _ a: inout GTPArguments, optionalHeight: Bool
  ) throws(GTPError) -> GTPCommand {
    guard let w = try? a.int("size") else { throw GTPError("boardsize not an integer") }
    var h = w
    if a.remaining > 0 || !optionalHeight {
      guard let y = try? a.int("height") else { throw GTPError("boardsize not an integer") }
      h = y
    }
    return .boardSize(width: w, height: h)
  }

  /// The time systems of `kgs-time_settings` and `kata-time_settings`.
  private static func parseTimeSystem(
    _ a: inout GTPArguments, allowFischer: Bool
  ) throws(GTPError) -> TimeControl {
    let kind = try a.word("time system")
    switch kind.lowercased() {
    case "none": return .none
    case "absolute": return .absolute(main: try a.seconds("main time"))
    case "canadian":
      let main = try a.seconds("main time")
      let period = try a.seconds("period time")
      let stones = try a.int("stones per period")
      guard stones >= 1, stones <= 100_000 else {
        throw GTPError.syntax("stones per period must be between 1 and 100000")
      }
      return .canadian(main: main, period: period, stones: stones)
    case "byoyomi", "byo-yomi":
      let main = try a.seconds("main time")
      let period = try a.seconds("period time")
      let periods = try a.int("periods")
      guard periods >= 0, periods <= 100_000 else {
        throw GTPError.syntax("periods must be between 0 and 100000")
      }
      return .byoyomi(main: main, period: period, periods: periods)
    case "fischer" where allowFischer:
      return .fischer(main: try a.seconds("main time"), increment: try a.seconds("increment"))
    default:
      throw GTPError("unknown time system", detail: "'\(kind)'")
    }
  }

  /// `kata-raw-nn [color] SYMMETRY|all [OPTIMISM]`.
  static func parseRawNN(_ a: inout GTPArguments) throws(GTPError) -> GTPCommand {
    var first = try a.word("symmetry")
    var color: Player?
    switch first.lowercased() {
    case "b", "black": color = .black
    case "w", "white": color = .white
    default: break
    }
    if color != nil { first = try a.word("symmetry") }
    let symmetry: Int?
    if first.lowercased() == "all" {
      symmetry = nil
    } else {
      guard let s = Int(first), (0..<8).contains(s) else {
        throw GTPError.syntax("symmetry must be 0 to 7 or all, not '\(first)'")
      }
      symmetry = s
    }
    var optimism: Double?
    if a.remaining > 0 {
      let o = try a.double("optimism")
      guard (0...1).contains(o) else { throw GTPError.syntax("optimism must be in [0, 1]") }
      optimism = o
    }
    return .rawNN(color: color, symmetry: symmetry, optimism: optimism)
  }
}
