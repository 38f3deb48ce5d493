import Foundation
import GoAnalysis
import GoCore
import GoFormats
import GoSearch
import Synchronization
import Testing

@testable import GoServe

/// An engine whose moves last until `stop()` (or 20 s), and which, like the real searches,
/// clears its stop flag a moment after a move is asked for: a stop in that moment is lost.
final class LateStartEngine: AnalyzingEngine, @unchecked Sendable {
  let name = "late-start"
  /// Signalled as each move begins, before the flag is cleared.
  let asked = DispatchSemaphore(value: 0)
  /// Seconds between being asked and clearing the flag.
  let setup: Double
  /// Moves that ran to their 20 s limit instead of stopping.
  let unstopped = Atomic<Int>(0)
  private let stopFlag = Atomic<Bool>(false)

  init(setup: Double) { self.setup = setup }

  func generateMove(for state: GameState, request: MoveRequest) -> MoveDecision {
    asked.signal()
    Thread.sleep(forTimeInterval: setup)
    stopFlag.store(false, ordering: .relaxed)
    let end = Date().addingTimeInterval(20)
    while !stopFlag.load(ordering: .relaxed) {
      if Date() >= end {
        unstopped.add(1, ordering: .relaxed)
        break
      }
      Thread.sleep(forTimeInterval: 0.001)
    }
    return .move(.pass)
  }

  func generateMove(
    for state: GameState, request: MoveRequest, analysis: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> MoveDecision { generateMove(for: state, request: request) }

  func analyze(
    _ state: GameState, request: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> AnalysisSnapshot { fatalError("a game session does not analyse") }

  func deadStones(in state: GameState) -> Set<Point> { [] }
  func clear() {}
  func stop() { stopFlag.store(true, ordering: .relaxed) }
  var parameterValues: [(name: String, value: String)] { [] }
  func setParameter(_ name: String, _ value: String) throws(ParameterError) {}
}

/// The messages a session sent.
final class Outbox: Sendable {
  private let lines = Mutex<[String]>([])
  func append(_ message: JSONValue) { lines.withLock { $0.append(message.text) } }
  var all: [String] { lines.withLock { $0 } }
}

@Suite struct PlaySessionCloseTests {
  /// A socket that closes just after the page's move, while the engine is still setting up
  /// its search, must still stop that search: `close()` returns at once and the session's
  /// place comes back (before, the one stop was lost and the move ran to its end).
  @Test func closeStopsASearchThatIsJustStarting() {
    let engine = LateStartEngine(setup: 0.2)
    let session = PlaySession(engine: engine, limits: WebServerConfiguration()) { _ in }
    session.receive(#"{"type":"new","size":9,"visits":100}"#)
    session.receive(#"{"type":"play","vertex":"E5"}"#)
    #expect(engine.asked.wait(timeout: .now() + 10) == .success)
    let start = Date()
    session.close()
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(engine.unstopped.load(ordering: .relaxed) == 0)
  }

  /// Commands still queued when the socket closes are dropped, not run after it.
  @Test func closeDropsQueuedMoves() {
    let engine = LateStartEngine(setup: 0)
    let sent = Outbox()
    let session = PlaySession(engine: engine, limits: WebServerConfiguration(), send: sent.append)
    session.receive(#"{"type":"new","size":9,"visits":100}"#)
    session.receive(#"{"type":"play","vertex":"E5"}"#)
    #expect(engine.asked.wait(timeout: .now() + 10) == .success)
    session.receive(#"{"type":"undo"}"#)
    session.receive(#"{"type":"sgf"}"#)
    session.close()
    #expect(engine.asked.wait(timeout: .now() + 0.3) == .timedOut)
    #expect(!sent.all.contains { $0.contains(#""type":"sgf""#) })
  }
}
