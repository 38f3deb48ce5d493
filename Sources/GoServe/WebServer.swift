public import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging

/// `tengen serve` (docs/WEB.md): the pages, the JSON endpoints and the play and analysis
/// WebSockets on one Hummingbird application.
///
/// Security: a configuration whose `refusal` is not nil never binds (a non-loopback address
/// needs a token); with a token, `TokenMiddleware` guards every route, the WebSocket upgrades
/// included; assets are looked up by exact name; request bodies and WebSocket messages have
/// size limits; `maxSessions` caps open sockets, each with its share of the search threads.
public final class WebServer: Sendable {
  let configuration: WebServerConfiguration
  let engines: WebEngines
  let gate: SessionGate
  let run: RunFolder?
  let logger: Logger

  /// A server for `configuration` whose sessions get engines from `engines`.
  public init(configuration: WebServerConfiguration, engines: WebEngines) {
    self.configuration = configuration
    self.engines = engines
    self.gate = SessionGate(capacity: configuration.maxSessions)
    self.run = configuration.runDirectory.map { RunFolder(path: $0) }
    var logger = Logger(label: "tengen.serve") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = Logger.Level.notice
    self.logger = logger
  }

  /// Serves until the process ends; calls `ready` with the page's URL once the port is bound.
  /// Throws a `WebServerError` for a refused configuration, else whatever binding throws.
  public func serve(ready: @escaping @Sendable (String) -> Void) async throws {
    if let refusal = configuration.refusal { throw WebServerError(refusal) }
    let router = Router(context: BasicWebSocketRequestContext.self)
    if let token = configuration.token {
      router.add(middleware: TokenMiddleware<BasicWebSocketRequestContext>(token: token))
    }
    addPages(to: router)
    addAPI(to: router)
    addSockets(to: router)
    let host = configuration.host
    let app = Application(
      router: router,
      server: .http1WebSocketUpgrade(
        webSocketRouter: router,
        configuration: .init(maxFrameSize: configuration.maxMessageBytes)),
      configuration: .init(address: .hostname(host, port: configuration.port), serverName: "tengen"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        let shown = host.contains(":") ? "[\(host)]" : host
        ready("http://\(shown):\(port)/")
      },
      logger: logger)
    try await app.runService()
  }

  /// Runs `serve` from synchronous code (the command line): blocks until the server stops.
  public func serveBlocking(ready: @escaping @Sendable (String) -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let outcome = ErrorBox()
    Task {
      do {
        try await serve(ready: ready)
      } catch {
        outcome.set(error)
      }
      done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
  }
}
