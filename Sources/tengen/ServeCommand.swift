import ArgumentParser
import Foundation
import GoAnalysis
import GoSearch
import GoServe

/// `tengen serve`: play, analyse and watch a training run in a web browser (docs/WEB.md).
///
/// The composition root's part: the engine every session gets (the network `tengen gtp`
/// would choose — `--model`, else the bundled networks by board size — or rollouts), built
/// once and shared by all sessions; the rest is `GoServe.WebServer`. The URL goes to stdout
/// once the port is bound; logs go to stderr.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the web pages: play, analyse and the training dashboard (docs/WEB.md).")

  @Option(help: "Address to bind; anything but loopback (127.0.0.1, ::1) needs --token.")
  var host: String = "127.0.0.1"

  @Option(help: "TCP port (0: any free port; the printed URL names it).")
  var port: Int = 8080

  @Option(help: "Secret every request must carry (?token=, cookie or Authorization: Bearer).")
  var token: String?

  @Option(help: ArgumentHelp("A file whose first line is the token.", valueName: "file"))
  var tokenFile: String?

  @Option(help: "Game and analysis sessions open at once at most.")
  var maxSessions: Int = 4

  @Option(help: "Search threads of all sessions together (each session gets an equal share).")
  var maxThreads: Int = 8

  @Option(help: "Largest SGF upload in bytes.")
  var maxUpload: Int = 512 * 1024

  @Option(
    name: .customLong("run"),
    help: ArgumentHelp("A self-play loop run folder for the dashboard (read-only).", valueName: "dir"))
  var runFolder: String?

  @OptionGroup var engine: EngineOptions
  @OptionGroup var network: NetworkOptions

  func run() throws {
    try CountLimits.check(maxSessions, "--max-sessions", in: CountLimits.concurrent)
    try CountLimits.check(maxThreads, "--max-threads", in: CountLimits.threads)
    var config = WebServerConfiguration()
    config.host = host
    config.port = port
    config.token = try readToken()
    config.maxSessions = maxSessions
    config.totalSearchThreads = maxThreads
    config.maxUploadBytes = maxUpload
    config.runDirectory = runFolder
    if let refusal = config.refusal { throw ValidationError(refusal) }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    let server = WebServer(configuration: config, engines: try engines())
    let token = config.token
    try server.serveBlocking { url in
      let shown = token.map { url + "?token=" + $0 } ?? url
      FileHandle.standardOutput.write(Data("\(shown)\n".utf8))
      FileHandle.standardError.write(Data("tengen serve: open \(shown) in a browser\n".utf8))
    }
  }

  /// `--token`, or the first line of `--token-file`.
  func readToken() throws -> String? {
    if let token { return token }
    guard let tokenFile else { return nil }
    guard let data = FileManager.default.contents(atPath: tokenFile),
      let text = String(data: data, encoding: .utf8),
      let line = text.split(whereSeparator: \.isNewline).first
    else { throw ValidationError("cannot read a token from \(tokenFile)") }
    return line.trimmingCharacters(in: .whitespaces)
  }

  /// One shared network evaluator (or rollouts) and a maker of per-session engines; a
  /// session's cache clearing leaves the shared cache alone (`SessionSharedEvaluator`).
  func engines() throws -> WebEngines {
    if let player = try network.player(boardSize: 19) {
      let p = try network.parameters(engine)
      let evaluator = SessionSharedEvaluator(player.evaluator)
      let model = player.primary.backend.model
      let networks =
        (player.evaluator as? BoardSizeRoutedEvaluator)?.networks.map(\.evaluator) ?? [player.primary]
      return WebEngines(
        description: "network \(model.name)",
        models: [
          AnalysisModelInfo(
            name: network.model ?? "bundled", internalName: model.name, version: model.version,
            maxBatchSize: network.nnBatch)
        ],
        cacheFill: {
          networks.map(\.cacheFill).reduce((entries: 0, capacity: 0)) {
            (entries: $0.entries + $1.entries, capacity: $0.capacity + $1.capacity)
          }
        },
        make: { threads in
          var q = p
          q.threads = threads
          return PUCTEngine(evaluator: evaluator, params: q)
        })
    }
    let base = try engine.parameters(cores: 1)
    return WebEngines(description: "rollouts") { threads in
      var q = base
      q.threads = threads
      return RolloutEngine(params: q)
    }
  }
}
