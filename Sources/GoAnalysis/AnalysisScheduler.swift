import Foundation
import GoCore
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
  private var running: [Int: AnalysisJob] = [:]
  private let engines: [any AnalyzingEngine]
  private var closed = false
  private var liveWorkers = 0
  /// Bumped by `clear_cache`; `cleared[i]` is the generation worker i's engine has reached.
  private var clearGeneration = 0
  private var cleared: [Int]
  private var nextSequence = 0
  private let run: @Sendable (AnalysisJob, any AnalyzingEngine) -> Void

  /// Starts one worker per engine; `run` analyses a job on the worker's engine and writes its
  /// results.
  init(
    engines: [any AnalyzingEngine],
    run: @escaping @Sendable (AnalysisJob, any AnalyzingEngine) -> Void
  ) {
    self.run = run
    self.engines = engines
    cleared = Array(repeating: 0, count: engines.count)
    liveWorkers = engines.count
    for (index, engine) in engines.enumerated() {
      let box = UnsafeTransfer(engine)   // the worker thread owns its engine (stop() is thread-safe)
      let thread = Thread { [self] in self.work(index: index, engine: box.value) }
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
    let stopping = running.filter { $0.value.matches(id: id, turns: turns) }
    for (_, job) in stopping { job.terminated.store(true, ordering: .sequentiallyConsistent) }
    condition.unlock()
    for (index, job) in stopping { keepStopping(job, worker: index) }
    return removed
  }

  /// Makes every engine forget its caches: idle ones now, busy ones before their next job.
  func clearCaches() {
    condition.lock()
    clearGeneration += 1
    for i in engines.indices where running[i] == nil {
      engines[i].clear()
      cleared[i] = clearGeneration
    }
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
  /// engine's search begins would otherwise be lost. Only while the job is still the worker's
  /// (under the lock), so the worker's next job is never stopped by mistake.
  private func keepStopping(_ job: AnalysisJob, worker index: Int) {
    DispatchQueue.global().async { [self] in
      while true {
        condition.lock()
        let current =
          running[index] === job && !job.finished.load(ordering: .sequentiallyConsistent)
        if current { engines[index].stop() }
        condition.unlock()
        guard current else { return }
        Thread.sleep(forTimeInterval: 0.01)
      }
    }
  }

  private func work(index: Int, engine: any AnalyzingEngine) {
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
      running[index] = job
      let mustClear = cleared[index] != clearGeneration
      cleared[index] = clearGeneration
      condition.unlock()
      if mustClear { engine.clear() }
      run(job, engine)
      condition.lock()
      running[index] = nil
      condition.unlock()
    }
  }
}
