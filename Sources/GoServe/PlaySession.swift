import Foundation
import GoCore
import GoFormats
import GoProtocol
import GoSearch

/// One game between the page and the engine, over one WebSocket (docs/WEB.md, "Play").
///
/// The game itself is a `GTPController` (the same state machine `tengen gtp` runs: moves,
/// handicap, undo, scoring with the engine's dead stones), driven by typed GTP commands. The
/// page sends JSON messages (`new`, `play`, `pass`, `resign`, `undo`, `sgf`); every message is
/// answered with the game's `state`, an `sgf` record or an `error` whose text the page shows.
///
/// `receive` returns at once: commands run in order on the session's own queue, since the
/// engine's moves block. `close()` (the socket went away) stops a search in progress, drops
/// the commands still queued and waits for the engine.
final class PlaySession: @unchecked Sendable {
  private let engine: any AnalyzingEngine
  private let limits: WebServerConfiguration
  private let send: @Sendable (JSONValue) -> Void
  private let queue = DispatchQueue(label: "tengen.serve.play")
  private let lock = NSLock()
  private var isClosed = false
  /// The game; touched only on `queue` (as are the next three).
  var controller: GTPController
  var settings = PlaySettings()
  /// The result once the game ended by two passes or a resignation.
  var result: String?
  /// A line for the page about what just happened ("Tengen passes").
  var note: String?

  /// A session playing with `engine`, writing its messages to `send` (from its own queue).
  init(
    engine: any AnalyzingEngine, limits: WebServerConfiguration,
    send: @escaping @Sendable (JSONValue) -> Void
  ) {
    self.engine = engine
    self.limits = limits
    self.send = send
    self.controller = GTPController(engine: engine)
  }

  /// Handles one text message from the page. Malformed JSON and unknown types are answered
  /// with an error at once; everything else is queued.
  func receive(_ text: String) {
    let fields: [String: JSONValue]
    do {
      guard let object = try JSONParser.parse(text).object else {
        send(BoardJSON.error("a message must be a JSON object"))
        return
      }
      fields = object
    } catch {
      send(BoardJSON.error("malformed message: \(error.message)"))
      return
    }
    guard let type = fields["type"]?.string,
      ["new", "play", "pass", "resign", "undo", "sgf", "state"].contains(type)
    else {
      send(BoardJSON.error("unknown message type \(fields["type"]?.text ?? "(none)")"))
      return
    }
    queue.async { [self] in
      guard !closed else { return }
      do throws(PlayError) {
        try handle(type, fields)
      } catch {
        send(BoardJSON.error(error.message))
      }
    }
  }

  /// Ends the session: drops the commands still queued and stops the engine's search, then
  /// returns once the command that was running has returned.
  ///
  /// It keeps calling `stop()` until then: a search clears its stop flag as it begins, so a
  /// single stop that lands between a command's start and the search's start would be lost,
  /// and the move would run to its full visits with nobody to see it (the load test found
  /// sockets dropped right after a move that kept their places for minutes).
  func close() {
    lock.withLock { isClosed = true }
    let drained = DispatchSemaphore(value: 0)
    queue.async { drained.signal() }
    repeat {
      engine.stop()
    } while drained.wait(timeout: .now() + .milliseconds(10)) == .timedOut
  }

  private var closed: Bool { lock.withLock { isClosed } }

  /// Carries out one message on the queue.
  private func handle(_ type: String, _ fields: [String: JSONValue]) throws(PlayError) {
    switch type {
    case "new": try newGame(PlaySettings(fields, limits: limits))
    case "play":
      guard let vertex = fields["vertex"]?.string else { throw PlayError("play needs a vertex") }
      try humanMove(vertex)
    case "pass": try humanMove("pass")
    case "resign":
      guard result == nil else { throw PlayError("the game is over") }
      result = settings.human == .black ? "W+R" : "B+R"
      note = "You resigned."
    case "undo": try undo()
    case "sgf":
      send(.object(["type": .string("sgf"), "text": .string(record())]))
      return
    default: break
    }
    send(state())
  }

  /// Starts a game as `settings` says; the engine moves first when it has Black (or White
  /// after a handicap).
  private func newGame(_ s: PlaySettings) throws(PlayError) {
    settings = s
    result = nil
    note = nil
    engine.stop()
    controller = GTPController(
      engine: engine, configuration: GTPConfiguration(width: s.size, height: s.size, rules: s.rules))
    try? engine.setParameter("maxVisits", s.visits.map(String.init) ?? "-1")
    try? engine.setParameter("maxTime", s.seconds.map { "\($0)" } ?? "-1")
    try? engine.setParameter("numSearchThreads", String(limits.threadsPerSession))
    _ = controller.execute(.clearCache)
    if s.handicap >= 2, case .failure(let m) = controller.execute(.fixedHandicap(s.handicap)) {
      throw PlayError("cannot place \(s.handicap) handicap stones: \(m)")
    }
    engineMoveIfItsTurn()
  }

  /// Plays the page's move, then the engine's reply.
  private func humanMove(_ vertex: String) throws(PlayError) {
    guard result == nil else { throw PlayError("the game is over; start a new one") }
    let game = controller.game
    guard game.toMove == settings.human else { throw PlayError("it is not your turn") }
    guard let move = GTPVertex.move(vertex, width: game.width, height: game.height) else {
      throw PlayError("\(vertex) is not a point of this board")
    }
    if let why = game.illegality(move, by: settings.human) {
      throw PlayError("Illegal move \(vertex): \(Self.explain(why))")
    }
    guard case .success = controller.execute(.play(settings.human, Self.vertex(move))) else {
      throw PlayError("Illegal move \(vertex)")
    }
    note = nil
    engineMoveIfItsTurn()
  }

  /// Lets the engine move when the game goes on and it is the engine's turn; ends the game
  /// after two passes (scored) or a resignation.
  private func engineMoveIfItsTurn() {
    if controller.game.isOver {
      finish()
      return
    }
    let machine = settings.human.opponent
    guard controller.game.toMove == machine, !closed else { return }
    send(state(thinking: true))
    guard case .success(let reply) = controller.execute(.genmove(machine, .play)) else {
      note = "The engine could not move."
      return
    }
    switch reply.lowercased() {
    case "resign":
      result = machine == .black ? "W+R" : "B+R"
      note = "Tengen resigns."
    case "pass": note = "Tengen passes."
    default: note = nil
    }
    if controller.game.isOver { finish() }
  }

  /// Scores a game that ended by passes.
  private func finish() {
    guard result == nil, case .success(let score) = controller.execute(.finalScore) else { return }
    result = score == "0" ? "Draw" : score
    note = "Game over: \(result!)."
  }

  /// Takes back the page's last move and the engine's reply to it.
  private func undo() throws(PlayError) {
    let human = settings.human
    var taken = 0
    while let last = controller.game.moves.last {
      guard case .success = controller.execute(.undo) else { break }
      taken += 1
      if last.player == human { break }
    }
    guard taken > 0 else { throw PlayError("nothing to undo") }
    result = nil
    note = nil
    engineMoveIfItsTurn()
  }

  /// The game as SGF, with the players' names and the result.
  private func record() -> String {
    var info = SGFGameInfo()
    let name = "Tengen"
    info.blackName = settings.human == .black ? "You" : name
    info.whiteName = settings.human == .white ? "You" : name
    info.result = result
    return SGFGame(state: controller.game, info: info).text()
  }

  /// Words for the page.
  static func explain(_ why: GameState.IllegalMove) -> String {
    switch why {
    case .occupied: return "the point is occupied"
    case .offBoard: return "off the board"
    case .ko: return "ko — play elsewhere first"
    case .superko: return "it repeats an earlier position (superko)"
    case .suicide: return "suicide is not allowed under these rules"
    case .gameOver: return "the game is over"
    }
  }

  /// The GTP vertex argument for `move`.
  static func vertex(_ move: Move) -> GTPCommand.Vertex {
    guard let p = move.point else { return .pass }
    return .grid(x: p.x, y: p.y)
  }
}
