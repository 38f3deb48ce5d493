import Foundation
import GoSearch

/// A priority queue of analysis jobs and the worker threads that run them, one engine each.
///
/// Jobs run highest priority first, ties in arrival order. `terminate` removes waiting jobs
/// (their `noResults` lines are the caller's to print) and stops running ones, which still
/// write their final result. `finish()` lets the workers drain the queue and waits for them.
final class AnalysisScheduler: @unchecked Sendable {
  /// Guards every field below.
  private let condition = NSCondition()
  private var queue: [AnalysisJob] = []
  private var running: [Int: (job: AnalysisJob, engine: any AnalyzingEngine)] = [:]
  private var closed = false
  private var liveWorkers = 0
  private var clearGeneration = 0
  private var nextSequence = 0
  private let run: @Sendable (AnalysisJob, any AnalyzingEngine) -> Void

  /// Starts one worker per engine; `run` analyses a job on the worker's engine and writes its
  /// results.
  init(engines: [any AnalyzingEngine], run: @escaping @Sendable (AnalysisJob, any AnalyzingEngine) -> Void) {
    self.run = run
    liveWorkers = engines.count
    for (index, engine) in engines.enumerated() {
      let box = EngineBox(engine)
      let thread = Thread { [self] in self.work(index: index, engine: box.engine) }
      thread.name = "analysis-\(index)"
      thread.start()
    }
  }

  /// Queues the turns of `query`; returns false after `finish()`.
  @discardableResult
  func submit(_ query: AnalysisQuery) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard !closed else { return false }
    for i in query.turns.indices {
      queue.append(AnalysisJob(query: query, turnIndex: i, sequence: nextSequence))
      nextSequence += 1
    }
    condition.broadcast()
    return true
  }

  /// Removes waiting jobs that match and asks running ones to stop; returns the removed jobs.
  func terminate(id: String?, turns: Set<Int>?) -> [AnalysisJob] {
    condition.lock()
    let removed = queue.filter { $0.matches(id: id, turns: turns) }
    queue.removeAll { $0.matches(id: id, turns: turns) }
    let stopping = running.values.filter { $0.job.matches(id: id, turns: turns) }
    for r in stopping { r.job.terminated.store(true, ordering: .sequentiallyConsistent) }
    condition.unlock()
    for r in stopping { Self.keepStopping(r.job, EngineBox(r.engine)) }
    return removed
  }

  /// Makes every engine forget its caches before its next job.
  func clearCaches() {
    condition.lock()
    clearGeneration += 1
    condition.unlock()
  }

  /// Lets the workers finish the queue, then waits until they have exited.
  func finish() {
    condition.lock()
    closed = true
    condition.broadcast()
    while liveWorkers > 0 { condition.wait() }
    condition.unlock()
  }

  /// Calls `stop()` until the job's final result is out: a stop that lands just before the
  /// engine's search begins would otherwise be lost.
  private static func keepStopping(_ job: AnalysisJob, _ box: EngineBox) {
    DispatchQueue.global().async {
      while !job.finished.load(ordering: .sequentiallyConsistent) {
        box.engine.stop()
        Thread.sleep(forTimeInterval: 0.01)
      }
    }
  }

  private func work(index: Int, engine: any AnalyzingEngine) {
    var cleared = 0
    while true {
      condition.lock()
      while queue.isEmpty && !closed { condition.wait() }
      guard let best = queue.indices.min(by: { queue[$0].precedes(queue[$1]) }) else {
        liveWorkers -= 1
        condition.broadcast()
        condition.unlock()
        return
      }
      let job = queue.remove(at: best)
      running[index] = (job, engine)
      let generation = clearGeneration
      condition.unlock()
      if generation != cleared {
        engine.clear()
        cleared = generation
      }
      run(job, engine)
      condition.lock()
      running[index] = nil
      condition.unlock()
    }
  }
}

/// Carries an engine to the thread that owns it (or to `stop()`, which is thread-safe).
final class EngineBox: @unchecked Sendable {
  let engine: any AnalyzingEngine
  init(_ engine: any AnalyzingEngine) { self.engine = engine }
}
