import Foundation
import GoCore
import GoProtocol

/// Everything a GTP command may change, for "state unchanged after an error" checks.
struct ControllerSnapshot: Equatable {
  var board: Board
  var toMove: Player
  var moves: [String]
  var rules: Rules
  var handicap: Int
  var timeControl: TimeControl
  var clocks: PlayerClocks
  var isOver: Bool
  var passes: Int

  init(_ c: GTPController) {
    board = c.game.board
    toMove = c.game.toMove
    moves = c.game.moves.map { "\($0.player)\($0.move)" }
    rules = c.game.rules
    handicap = c.game.handicap
    timeControl = c.timeControl
    clocks = c.clocks
    isOver = c.game.isOver
    passes = c.game.consecutivePasses
  }
}

/// A controller over a fresh `TestEngine` with a fake clock.
func makeController(
  size: Int = 9, rules: Rules = .trompTaylor, engine: TestEngine = TestEngine(),
  log: ((String) -> Void)? = nil
) -> (GTPController, TestEngine, FakeClock) {
  let clock = FakeClock()
  engine.clock = clock
  let c = GTPController(
    engine: engine, configuration: GTPConfiguration(width: size, height: size, rules: rules),
    diagnostics: log ?? { _ in }, now: { clock.seconds })
  return (c, engine, clock)
}

extension GTPController {
  /// The framed response to `line` (fails the test's expectation helpers when nil).
  func send(_ line: String) -> String { respond(to: line) ?? "<no response>" }

  /// The text of a successful reply, or nil after a failure.
  func ok(_ line: String) -> String? {
    let r = send(line)
    guard r.hasPrefix("=") else { return nil }
    return String(r.drop { $0 != " " }.dropFirst().dropLast(2))
  }

  /// The message of a failure, or nil after a success.
  func error(_ line: String) -> String? {
    let r = send(line)
    guard r.hasPrefix("?") else { return nil }
    return String(r.drop { $0 != " " }.dropFirst().dropLast(2))
  }
}

/// The repository's `Tests/Fixtures` folder.
let fixturesDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Fixtures")
