public import GoCore
public import GoSearch
import GoFormats

/// The GTP engine state machine: owns the game, the clocks and the engine, and answers
/// typed commands.
///
/// Every command either succeeds or fails with the game, rules, clocks and board size exactly
/// as they were. Methods block while the engine thinks; calls must come from one thread.
public final class GTPController {
  /// The game being played.
  public internal(set) var game: GameState
  /// The move generator.
  public let engine: any GoEngine
  /// Start-up settings.
  public let configuration: GTPConfiguration
  /// The clock system set by `time_settings` and friends.
  public internal(set) var timeControl: TimeControl = .none
  /// What is known of each player's clock.
  public internal(set) var clocks = PlayerClocks()
  /// True once `quit` has been answered.
  public internal(set) var isQuitting = false
  /// The engine's last dead-stone judgement and the position it was made for, so that
  /// `final_score` and `final_status_list` on the same position search only once.
  var deadStoneCache: (key: DeadStoneKey, dead: Set<Point>)?
  /// Writes one diagnostic line (to stderr in the server).
  let diagnostics: (String) -> Void
  /// Monotonic seconds, for timing the engine's moves.
  let now: () -> Double

  /// A controller for `engine`, starting with an empty board as `configuration` says.
  /// - Parameters:
  ///   - diagnostics: receives log lines that must not go to the protocol stream.
  ///   - now: a monotonic clock in seconds (tests pass a fake one).
  public init(
    engine: any GoEngine, configuration: GTPConfiguration = GTPConfiguration(),
    diagnostics: @escaping (String) -> Void = { _ in },
    now: @escaping () -> Double = GTPController.monotonicSeconds
  ) {
    self.engine = engine
    self.configuration = configuration
    self.diagnostics = diagnostics
    self.now = now
    let w = min(max(configuration.width, 1), Point.maxBoardSize)
    let h = min(max(configuration.height, 1), Point.maxBoardSize)
    self.game = GameState(width: w, height: h, rules: configuration.rules)
  }

  /// Seconds on a monotonic clock since an arbitrary origin.
  public static func monotonicSeconds() -> Double {
    (ContinuousClock.now - GTPController.origin).inSeconds
  }

  private static let origin = ContinuousClock.now

  /// The framed response to one raw input line, or nil if the line is empty or a comment.
  ///
  /// Streaming replies are written whole, as if no input arrived while they ran (see
  /// `GTPReply.transcript`): analysis streams stop at once, searches run to their end.
  public func respond(to line: String) -> String? {
    guard let (id, reply) = reply(to: line) else { return nil }
    return reply.transcript(id: id)
  }

  /// The reply to one raw input line with its id, or nil if the line is to be ignored.
  public func reply(to line: String) -> (id: Int?, reply: GTPReply)? {
    guard let request = GTPRequest(line: line) else { return nil }
    do {
      let command = try GTPCommand.parse(request)
      return (request.id, execute(command))
    } catch {
      report(error, request.name)
      return (request.id, .failure(error.message))
    }
  }

  /// Carries out `command` and returns its reply; failures leave every state unchanged.
  public func execute(_ command: GTPCommand) -> GTPReply {
    do {
      if case .analysis(let a) = command { return try runAnalysis(a) }
      return .success(try run(command))
    } catch {
      report(error, "\(command)")
      return .failure(error.message)
    }
  }

  /// Logs the detail of a failure.
  private func report(_ error: GTPError, _ what: String) {
    if let detail = error.detail { diagnostics("\(what.prefix(60)): \(error.message): \(detail)") }
  }

  /// Dispatches one command to the method of its concern.
  func run(_ command: GTPCommand) throws(GTPError) -> String {
    switch command {
    case .protocolVersion: return "2"
    case .name: return configuration.name
    case .version: return configuration.version
    case .knownCommand(let name): return GTPCommand.isKnown(name) ? "true" : "false"
    case .listCommands: return GTPCommand.names.joined(separator: "\n")
    case .quit:
      isQuitting = true
      return ""
    case .boardSize(let w, let h): return try setBoardSize(width: w, height: h)
    case .clearBoard: return clearBoard()
    case .komi(let k): return try setKomi(k)
    case .getKomi: return RulesText.formatKomi(game.rules.komi)
    case .play(let player, let vertex): return try play(player, vertex)
    case .genmove(let player, let mode):
      // GNU Go answers a pass in capitals, and Kigo recognises only that spelling.
      let move = try genmove(player, mode)
      return move == "pass" ? "PASS" : move
    case .undo: return try undo()
    case .showboard: return showboard()
    case .fixedHandicap(let n): return try fixedHandicap(n)
    case .placeFreeHandicap(let n): return try placeFreeHandicap(n)
    case .setFreeHandicap(let list): return try setFreeHandicap(list)
    case .setPosition(let stones): return try setPosition(stones)
    case .finalScore: return try finalScore()
    case .finalStatusList(let status): return try finalStatusList(status)
    case .finalStatus(let vertex): return try finalStatus(vertex)
    case .estimateScore: return try estimateScore()
    case .listStones(let player): return listStones(player)
    case .captures(let player):
      return String(player == .black ? game.board.capturedByBlack : game.board.capturedByWhite)
    case .moveHistory: return moveHistory()
    case .allLegal(let player): return allLegal(player)
    case .queryBoardSize:
      return game.width == game.height ? "\(game.width)" : "\(game.width) \(game.height)"
    case .getHandicap: return String(game.handicap)
    case .level: return ""
    case .topMoves(let player): return try topMoves(player ?? game.toMove)
    case .timeSettings(let control): return setTimeControl(control)
    case .timeLeft(let player, let seconds, let stones):
      return timeLeft(player, seconds: seconds, stones: stones)
    case .listTimeSettings: return "none absolute byoyomi canadian fischer"
    case .loadSGF(let path, let n): return try loadSGF(path: path, moveNumber: n)
    case .printSGF(let path): return try printSGF(path: path)
    case .kgsRules(let rules), .setRules(let rules): return setRules(rules)
    case .getRules: return RulesText.json(game.rules)
    case .setRule(let key, let value): return try setRule(key, value)
    case .gameOver: return ""
    case .stop:
      engine.stop()
      return ""
    case .chat: throw GTPError("I'm a go bot, not a chat bot.")
    case .cpuTime: return cpuTime()
    case .rawNN(let color, let symmetry, let optimism):
      guard let evaluate = configuration.rawNN else {
        throw GTPError("no neural network is loaded (start tengen gtp with --model FILE)")
      }
      do {
        return try evaluate(game, color, symmetry, optimism)
      } catch {
        throw GTPError("neural network evaluation failed", detail: "\(error)")
      }
    case .analysis(let a):
      guard case .success(let text) = try runAnalysis(a) else {
        throw GTPError("streaming command", detail: "run it through execute")
      }
      return text
    case .clearCache:
      deadStoneCache = nil
      engine.clear()
      return ""
    }
  }
}
