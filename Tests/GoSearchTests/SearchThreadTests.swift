import Foundation
import GoCore
@testable import GoSearch
import Synchronization
import TestSupport
import Testing

/// Reliability audit F5: a search thread the system refuses fails the search with an error
/// that reaches the user, instead of leaving the search waiting for a thread that never ran.
@Suite struct SearchThreadTests {
  /// A thread starter that starts the first `allowed` threads and refuses every later one.
  static func refusing(after allowed: Int) -> @Sendable (@escaping @Sendable () -> Void) throws(SearchThreadError) -> Void {
    let started = Atomic<Int>(0)
    return { body throws(SearchThreadError) in
      guard started.add(1, ordering: .relaxed).newValue <= allowed else {
        throw SearchThreadError(code: EAGAIN, reason: "Resource temporarily unavailable")
      }
      try SearchThread.start(body)
    }
  }

  static func engine(threads: Int) -> PUCTEngine {
    var p = PUCTEngineTests.params(visits: 200, threads: threads)
    p.minPlayoutsPerThread = 0
    let e = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: p)
    e.log = { _ in }
    return e
  }

  @Test func aStartedThreadRunsItsBody() throws {
    let done = DispatchSemaphore(value: 0)
    let ran = Atomic<Bool>(false)
    try SearchThread.start {
      ran.store(true, ordering: .relaxed)
      done.signal()
    }
    done.wait()
    let didRun = ran.load(ordering: .relaxed)
    #expect(didRun)
  }

  @Test func aRefusedThreadFailsTheAnalysisAndTheNextOneRuns() {
    for allowed in [0, 2] {
      let e = Self.engine(threads: 4)
      let recorder = LogRecorder()
      e.log = recorder.sink
      e.startThread = Self.refusing(after: allowed)
      var a = AnalysisRequest()
      a.maxVisits = 200
      let failed = e.analyze(GameState(size: 5), request: a) { _ in }
      #expect(failed.failure == "cannot start a search thread: Resource temporarily unavailable")
      #expect(recorder.lines == ["analysis failed: cannot start a search thread: Resource temporarily unavailable"])
      // The engine is still usable: the same query with threads to run on completes.
      e.startThread = { body throws(SearchThreadError) in try SearchThread.start(body) }
      let next = e.analyze(GameState(size: 5), request: a) { _ in }
      #expect(next.failure == nil)
      #expect(next.rootInfo.visits == 200)
    }
  }

  @Test func aRefusedThreadAtGenmoveStillGivesALegalMove() {
    let e = Self.engine(threads: 2)
    let recorder = LogRecorder()
    e.log = recorder.sink
    e.startThread = Self.refusing(after: 0)
    let state = GameState(size: 5)
    guard case .move(let m) = e.generateMove(for: state, request: MoveRequest()) else {
      Issue.record("no move")
      return
    }
    #expect(state.isLegal(m))
    #expect(recorder.lines.first?.hasPrefix("search failed: cannot start a search thread") == true)
  }

  @Test func aRefusedPonderingThreadIsLoggedAndNothingWaitsForIt() throws {
    var p = PUCTEngineTests.params(visits: 20, threads: 1)
    p.ponder = true
    let e = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: p)
    let recorder = LogRecorder()
    e.log = recorder.sink
    e.startThread = Self.refusing(after: 0)
    e.ponder(GameState(size: 5))
    #expect(!e.pondering)
    #expect(recorder.lines == ["pondering failed: cannot start a search thread: Resource temporarily unavailable"])
    // The next call into the engine would join a pondering thread first: none to wait for.
    try e.setParameter("cpuctExploration", "0.9")
  }
}
