import Foundation
import GoCore
import GoFeatures

/// The queue between the search threads and the network: callers enqueue encoded positions and
/// sleep on their own semaphore; a dedicated runner thread takes whatever is pending (up to
/// the batch limit) as one backend call, hands each caller its result and wakes only that caller.
/// A backend that runs several calls at once gets as many runners.
///
/// A dedicated runner (KataGo's NN server thread) keeps the network's own threads from being
/// the search threads that happen to find the queue idle, and wakes no thread whose result is
/// not ready.
final class NNBatchQueue: @unchecked Sendable {
  /// One position waiting for the network.
  final class Request: @unchecked Sendable {
    /// The position (for post-processing); dropped before `done` is signalled, so that the
    /// caller owns its game's storage again when it wakes (a search thread takes its moves
    /// back in place, which would otherwise copy the game's history).
    fileprivate(set) var game: NNGame?
    let input: EncodedPosition
    let symmetries: [Symmetry]
    let optimism: Float
    /// Set by the runner before `done` is signalled.
    var result: Result<NNEvaluation, Error>?
    let done = DispatchSemaphore(value: 0)

    init(game: NNGame, input: EncodedPosition, symmetries: [Symmetry], optimism: Float) {
      self.game = game
      self.input = input
      self.symmetries = symmetries
      self.optimism = optimism
    }
  }

  private let condition = NSCondition()
  private var pending: [Request] = []
  private var stopping = false
  private var statsValue = BatchingEvaluator.Stats()

  /// Starts `runners` runner threads (each takes its own batches; more than one when the
  /// backend can run several batches at once); `run` evaluates one batch (it must not capture
  /// the owner of this queue, whose deinit stops the runners).
  init(
    maxBatchSize: Int, runners: Int = 1, run: @escaping @Sendable ([Request]) -> [Result<NNEvaluation, Error>]
  ) {
    let limit = max(1, maxBatchSize)
    for _ in 0..<max(1, runners) {
      let thread = Thread { [self] in runnerLoop(limit: limit, run: run) }
      thread.name = "tengen-nn-runner"
      thread.stackSize = 16 << 20
      thread.start()
    }
  }

  /// Evaluates `request` in the next batch; blocks until its result is in.
  func submit(_ request: Request) -> Result<NNEvaluation, Error> {
    condition.lock()
    pending.append(request)
    condition.signal()
    condition.unlock()
    request.done.wait()
    return request.result!
  }

  /// Counts a request and whether the cache answered it.
  func countRequest(cacheHit: Bool) {
    condition.lock()
    statsValue.requests += 1
    if cacheHit { statsValue.cacheHits += 1 }
    condition.unlock()
  }

  /// Counters since creation.
  var stats: BatchingEvaluator.Stats {
    condition.lock()
    defer { condition.unlock() }
    return statsValue
  }

  /// Ends the runner once the pending requests are answered.
  func stop() {
    condition.lock()
    stopping = true
    condition.broadcast()
    condition.unlock()
  }

  private func runnerLoop(
    limit: Int, run: @Sendable ([Request]) -> [Result<NNEvaluation, Error>]
  ) {
    while true {
      condition.lock()
      while pending.isEmpty && !stopping { condition.wait() }
      if pending.isEmpty {
        condition.unlock()
        return
      }
      let batch = Array(pending.prefix(limit))
      pending.removeFirst(batch.count)
      condition.unlock()
      let started = ContinuousClock.now
      let results = run(batch)
      let spent = (ContinuousClock.now - started).inSeconds
      condition.lock()
      statsValue.backendSeconds += spent
      if statsValue.batchSizeCounts.count <= batch.count {
        statsValue.batchSizeCounts += Array(
          repeating: 0, count: batch.count + 1 - statsValue.batchSizeCounts.count)
      }
      statsValue.batchSizeCounts[batch.count] += 1
      statsValue.batches += 1
      statsValue.positionsEvaluated += batch.count
      condition.unlock()
      for (request, result) in zip(batch, results) {
        request.result = result
        request.game = nil
        request.done.signal()
      }
    }
  }
}
