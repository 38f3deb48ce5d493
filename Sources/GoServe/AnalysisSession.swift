import Foundation
import GoAnalysis
import GoFormats
import GoSearch

/// One analysis socket (docs/WEB.md, "Analyse"): KataGo's JSON analysis protocol, one query or
/// action per WebSocket message and one response per message back, served by the same
/// `AnalysisServer` as `tengen analysis` (docs/ANALYSIS.md) with one engine of its own.
///
/// The analysis page sends queries with `reportDuringSearchEvery` for live marks,
/// `terminate_all` before a new position, and one query with every turn in `analyzeTurns`
/// for the whole-game graph. `close()` terminates what runs and is queued.
final class AnalysisSession: @unchecked Sendable {
  private let server: AnalysisServer

  /// A session analysing with one engine from `engines`, `threads` search threads, writing
  /// each response line to `send`.
  init(
    engines: WebEngines, threads: Int, limits: WebServerConfiguration,
    send: @escaping @Sendable (String) -> Void
  ) {
    var config = AnalysisConfiguration()
    config.threads = 1
    config.maxVisits = min(500, limits.maxVisits)
    config.maxTime = limits.maxMoveSeconds
    config.models = engines.models
    config.warnUnusedFields = true
    server = AnalysisServer(configuration: config, makeEngine: { engines.make(threads) }, output: send)
  }

  /// Handles one message (a query line).
  func receive(_ text: String) { server.handle(text) }

  /// Stops every query and waits for the engine to finish; call once, after the last
  /// `receive`.
  func close() {
    server.handle(JSONValue.object(["id": .string("close"), "action": .string("terminate_all")]).text)
    server.finish()
  }
}
