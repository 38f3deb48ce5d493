import Foundation
import GoAnalysis
import GoSearch
import Synchronization

/// Collects a server's output lines.
final class LineCollector: Sendable {
  private let lines = Mutex<[String]>([])
  func append(_ line: String) { lines.withLock { $0.append(line) } }
  var all: [String] { lines.withLock { $0 } }
  /// The output parsed, one object per line.
  var objects: [[String: Any]] {
    all.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
  }
  /// Waits until `predicate` holds for the lines (at most `timeout` seconds).
  func wait(timeout: Double = 10, until predicate: ([[String: Any]]) -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if predicate(objects) { return true }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return predicate(objects)
  }
}

/// A server over scripted engines, with its output collector and engines.
func makeServer(
  threads: Int = 1, configure: (inout AnalysisConfiguration) -> Void = { _ in }
) -> (AnalysisServer, LineCollector, [ScriptedEngine]) {
  var config = AnalysisConfiguration()
  config.threads = threads
  configure(&config)
  let collector = LineCollector()
  var engines: [ScriptedEngine] = []
  let server = AnalysisServer(
    configuration: config,
    makeEngine: {
      let e = ScriptedEngine()
      engines.append(e)
      return e
    },
    output: { collector.append($0) })
  return (server, collector, engines)
}

/// A minimal valid 9×9 query with `extra` fields merged in (JSON object text without braces).
func query(_ id: String, _ extra: String = "") -> String {
  "{\"id\":\"\(id)\",\"moves\":[[\"B\",\"E5\"],[\"W\",\"C3\"]],\"rules\":\"tromp-taylor\",\"boardXSize\":9,\"boardYSize\":9"
    + (extra.isEmpty ? "" : "," + extra) + "}"
}
