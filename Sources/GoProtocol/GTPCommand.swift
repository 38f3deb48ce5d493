public import GoCore

/// A GTP command with its arguments checked and typed.
///
/// Parsing checks syntax only (numbers are numbers, colors are colors, vertices are well
/// formed); whether a vertex is on the board or a move is legal is the controller's business.
public enum GTPCommand: Equatable, Sendable {
  /// A vertex argument: a column (0-based from the left) and row (1-based from the bottom),
  /// not yet checked against the board, or a pass.
  public enum Vertex: Hashable, Sendable {
    case pass
    case point(column: Int, row: Int)
    /// KataGo's `(x,y)` form: 0-based, x from the left and y from the top.
    case grid(x: Int, y: Int)
  }

  /// The classes of `final_status_list` and `final_status`: stones are alive, dead or in
  /// seki; empty points (GNU Go's extension) are one player's territory or dame.
  public enum StoneStatus: String, Sendable {
    case alive, dead, seki
    case blackTerritory = "black_territory"
    case whiteTerritory = "white_territory"
    case dame

    /// True for the classes of stones, false for those of empty points.
    public var isStoneClass: Bool { self == .alive || self == .dead || self == .seki }
  }

  /// How `genmove`-like commands use the chosen move.
  public enum GenmoveMode: Sendable {
    /// `genmove`: play the move.
    case play
    /// `kgs-genmove_cleanup`: play it, and do not pass while dead stones can be captured.
    case cleanup
    /// `reg_genmove`: only report it.
    case report
  }

  case protocolVersion
  case name
  case version
  case knownCommand(String)
  case listCommands
  case quit
  case boardSize(width: Int, height: Int)
  case clearBoard
  case komi(Double)
  case getKomi
  case play(Player, Vertex)
  case genmove(Player, GenmoveMode)
  case undo
  case showboard
  case fixedHandicap(Int)
  case placeFreeHandicap(Int)
  case setFreeHandicap([Vertex])
  case setPosition([SetupStone])
  case finalScore
  case finalStatusList(StoneStatus)
  case timeSettings(TimeControl)
  case timeLeft(Player, seconds: Double, stones: Int)
  case listTimeSettings
  case loadSGF(path: String, moveNumber: Int?)
  case printSGF(path: String?)
  case kgsRules(Rules)
  case getRules
  case setRules(Rules)
  case setRule(key: String, value: String)
  case gameOver
  case chat
  case cpuTime
  case stop
  case clearCache
  /// GNU Go 3.8's extensions, for GUIs written against GNU Go (Kigo, qGo): `list_stones`,
  /// `captures`, `move_history`, `all_legal`, `query_boardsize`, `final_status`,
  /// `get_handicap`, `estimate_score`, `level`, `top_moves` (`_black`, `_white`).
  case listStones(Player)
  case captures(Player)
  case moveHistory
  case allLegal(Player)
  case queryBoardSize
  case finalStatus(Vertex)
  case getHandicap
  case estimateScore
  case level(Int)
  /// The player's best moves (nil: the player to move), Kigo's hints.
  case topMoves(Player?)
  /// `kata-raw-nn [color] SYMMETRY|all [OPTIMISM]`: the raw network output (nil symmetry: all).
  case rawNN(color: Player?, symmetry: Int?, optimism: Double?)
  /// Analysis, searching and search-parameter commands.
  case analysis(GTPAnalysisCommand)

  /// One stone of a `set_position` list.
  public struct SetupStone: Hashable, Sendable {
    public var player: Player
    public var vertex: Vertex
    public init(_ player: Player, _ vertex: Vertex) {
      self.player = player
      self.vertex = vertex
    }
  }

  /// Parses a command line without an id (convenience for tests and tools).
  /// - Throws: `GTPError` (`unknown command`, `syntax error`, ...).
  public static func parse(_ line: String) throws(GTPError) -> GTPCommand {
    guard let request = GTPRequest(line: line) else { throw GTPError.syntax("empty line") }
    return try parse(request)
  }

  /// The typed command of a request.
  /// - Throws: `GTPError.unknownCommand` for names Tengen does not implement, or a syntax
  ///   error naming the bad argument.
  public static func parse(_ request: GTPRequest) throws(GTPError) -> GTPCommand {
    guard let parser = GTPCommand.parsers[request.name] else {
      throw GTPError("unknown command", detail: "'\(request.name.prefix(40))'")
    }
    var args = GTPArguments(request.arguments)
    let command = try parser(&args)
    try args.finish()
    return command
  }

  /// Every command name Tengen answers, in `list_commands` order.
  public static var names: [String] { table.map(\.name) }

  /// True if `name` is a command Tengen implements (`known_command`).
  public static func isKnown(_ name: String) -> Bool { parsers[name] != nil }

  static let parsers: [String: Parser] = Dictionary(
    (table + unlistedTable).map { ($0.name, $0.parse) }, uniquingKeysWith: { a, _ in a })
}
