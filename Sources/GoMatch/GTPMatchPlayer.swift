import Foundation
public import GoCore
import GoFormats
public import GoSearch

/// A match player behind the GTP protocol, in its own process.
///
/// If the engine process dies, the game in progress is lost (the runner records a forfeit) and
/// the next `newGame` starts a fresh process.
public final class GTPMatchPlayer: MatchPlayer {
  public let name: String
  /// The engine's GTP `name` and `version` replies (`GNU Go 3.8`); the program's file name
  /// when it does not answer them.
  public private(set) var displayName: String
  let commandLine: String
  let stderrPath: String?
  var client: GTPClient
  var known: Set<String> = []
  /// Seconds to wait for any answer beyond the clock (a hung engine loses instead of hanging).
  public var responseSlack: Double = 120

  public init(name: String, commandLine: String, stderrPath: String? = nil) throws {
    self.name = name
    self.commandLine = commandLine
    self.stderrPath = stderrPath
    displayName = Self.programName(commandLine)
    client = try GTPClient(commandLine: commandLine, stderrPath: stderrPath)
    try handshake()
  }

  /// Learns which commands the engine knows, and its name and version.
  func handshake() throws {
    let list = try client.send("list_commands", timeout: 120)
    known = Set(list.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) })
    if known.contains("name"), let engine = try? client.send("name", timeout: 120), !engine.isEmpty {
      // `version` is optional in practice: a name alone is still better than a path.
      let version = known.contains("version") ? (try? client.send("version", timeout: 120)) : nil
      displayName = [engine, version ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
  }

  /// The file name of the program a command line starts (`gnugo` for
  /// `/usr/games/gnugo --mode gtp`).
  static func programName(_ commandLine: String) -> String {
    let program = commandLine.split(separator: " ").first.map(String.init) ?? commandLine
    return URL(fileURLWithPath: program).lastPathComponent
  }

  public func newGame(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws {
    if !client.isRunning { try restart() }
    do {
      try setUp(width: width, height: height, rules: rules, timeControl: timeControl)
    } catch GTPClientError.closed(_) {
      // The engine died after the last game and the exit was not noticed yet: start it again.
      try restart()
      try setUp(width: width, height: height, rules: rules, timeControl: timeControl)
    }
  }

  /// Starts a fresh engine process.
  func restart() throws {
    client.terminate()
    client = try GTPClient(commandLine: commandLine, stderrPath: stderrPath)
    try handshake()
  }

  /// Sends the board size, rules, komi and clock of a new game.
  func setUp(width: Int, height: Int, rules: Rules, timeControl: TimeControl) throws {
    if width == height {
      _ = try client.send("boardsize \(width)")
    } else {
      _ = try client.send("rectangular_boardsize \(width) \(height)")
    }
    _ = try client.send("clear_board")
    _ = try client.send("komi \(RulesText.formatKomi(rules.komi))")
    if known.contains("kata-set-rules") {
      // An engine that refuses the match's rules would play under others: not a match.
      _ = try client.send("kata-set-rules \(RulesText.json(rules))")
    }
    switch timeControl {
    case .none:
      _ = try? client.send("time_settings 0 1 0")
    case .absolute(let main):
      _ = try client.send("time_settings \(Int(main)) 0 0")
    case .canadian(let main, let period, let stones):
      _ = try client.send("time_settings \(Int(main)) \(Int(period)) \(stones)")
    case .byoyomi(let main, let period, let periods):
      if known.contains("kgs-time_settings") {
        _ = try client.send("kgs-time_settings byoyomi \(Int(main)) \(Int(period)) \(periods)")
      } else {
        // Closest standard form: one Canadian period of one stone.
        _ = try client.send("time_settings \(Int(main)) \(Int(period)) 1")
      }
    case .fischer(let main, let inc):
      if known.contains("kata-time_settings") {
        _ = try client.send("kata-time_settings fischer \(Int(main)) \(Int(inc))")
      } else {
        _ = try client.send("time_settings \(Int(main)) 0 0")
      }
    }
  }

  public func play(_ move: Move, by player: Player, height: Int) throws {
    _ = try client.send("play \(colorText(player)) \(GTPVertex.text(move, height: height))")
  }

  public func generateMove(_ player: Player, clock: ClockState, height: Int, cleanup: Bool) throws
    -> MoveDecision
  {
    if clock.mainTime.isFinite {
      let left = clock.inOvertime ? clock.periodTime : clock.mainTime
      let stones = clock.inOvertime ? clock.count : 0
      _ = try? client.send("time_left \(colorText(player)) \(Int(left.rounded(.down))) \(stones)")
    }
    let budget =
      (clock.mainTime.isFinite ? clock.mainTime + clock.periodTime : 3600) + responseSlack
    // An engine without the KGS cleanup command plays its ordinary moves in the cleanup.
    let command = cleanup && known.contains("kgs-genmove_cleanup") ? "kgs-genmove_cleanup" : "genmove"
    let text = try client.send("\(command) \(colorText(player))", timeout: budget)
    if text.lowercased() == "resign" { return .resign }
    guard let move = GTPVertex.move(text, width: height, height: height) else {
      throw GTPClientError.engineError("unreadable move '\(text)'")
    }
    return .move(move)
  }

  public func finalScore() throws -> String? {
    let text = try client.send("final_score", timeout: 120)
    return text.isEmpty ? nil : text
  }

  public func deadStones(height: Int) throws -> Set<Point>? {
    let text = try client.send("final_status_list dead", timeout: 120)
    var result: Set<Point> = []
    for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      if let m = GTPVertex.move(String(token), width: height, height: height), let p = m.point { result.insert(p) }
    }
    return result
  }

  public func close() { client.terminate() }
}
