import Foundation
import GoCore
import GoFeatures
import GoNeuralNet
import GoSearch

/// `tengen benchmark --model`: PUCT visits/s against the raw batched network speed.
///
/// For each search-thread count, each round searches a fixed middle-game position for the
/// given time, then replays exactly the batches that search sent (the same number of backend
/// calls at each batch size) on the bare backend. "raw" is positions per second of that
/// replay, so "efficiency" is visits/s over raw evals/s on the same batches, measured in the
/// same run (1.0 = no search overhead). Rounds alternate search and replay so that a change
/// in machine load hits both. "nn-busy" is the share of the search's wall time spent inside
/// backend calls.
enum SearchBenchmark {
  /// Totals over the rounds of one search-thread count.
  struct Totals {
    var searchSeconds = 0.0
    var visits = 0
    var positions = 0
    var batches = 0
    var backendSeconds = 0.0
    var replayPositions = 0
    var replaySeconds = 0.0
  }

  static func run(
    model: String, sizes: [Int], threadCounts: [Int], nnThreads: Int, batch: Int, seconds: Double,
    rounds: Int, backend options: BackendOptions = .defaults
  ) throws {
    let description = try ModelLoader.load(path: model)
    print("model \(description.name), backend \(options.backend), \(nnThreads) NN threads, max batch \(batch), \(rounds) rounds of \(seconds) s")
    print("size  search-threads  visits/s  NN-evals/s  mean-batch  raw-evals/s  efficiency  nn-busy")
    for size in sizes {
      var best: (threads: Int, rate: Double) = (0, 0)
      let state = samplePosition(size: size)
      for t in threadCounts {
        let backend = try options.make(model: description, threads: nnThreads)
        let evaluator = BatchingEvaluator(backend: backend, maxBatchSize: batch, cacheCapacity: 0)
        var p = PUCTParameters()
        p.threads = t
        p.maxTime = seconds
        p.reuseTree = false
        p.resignThreshold = 0
        let engine = PUCTEngine(evaluator: evaluator, params: p)
        engine.log = { _ in }
        // Warm up (first calls allocate workspaces).
        _ = try evaluator.evaluate(state, isRoot: true)
        var totals = Totals()
        for _ in 0..<rounds {
          let before = evaluator.stats
          var a = AnalysisRequest()
          a.maxTime = seconds
          let t0 = ContinuousClock.now
          _ = engine.analyze(state, request: a, report: { _ in })
          totals.searchSeconds += (ContinuousClock.now - t0).inSeconds
          let after = evaluator.stats
          totals.visits += engine.lastStats.newVisits
          totals.positions += after.positionsEvaluated - before.positionsEvaluated
          totals.batches += after.batches - before.batches
          totals.backendSeconds += after.backendSeconds - before.backendSeconds
          let counts = after.batchSizeCounts.enumerated().map { b, n in
            n - (b < before.batchSizeCounts.count ? before.batchSizeCounts[b] : 0)
          }
          let replay = try replayBatches(backend, state: state, counts: counts)
          totals.replayPositions += replay.positions
          totals.replaySeconds += replay.seconds
        }
        let visits = Double(totals.visits) / totals.searchSeconds
        let evals = Double(totals.positions) / totals.searchSeconds
        let meanBatch = Double(totals.positions) / Double(max(1, totals.batches))
        let raw = Double(totals.replayPositions) / max(1e-9, totals.replaySeconds)
        print(
          String(
            format: "%2dx%-2d %14d %9.2f %11.2f %11.2f %12.2f %11.2f %8.2f", size, size, t, visits, evals,
            meanBatch, raw, visits / raw, totals.backendSeconds / totals.searchSeconds))
        if visits > best.rate { best = (t, visits) }
      }
      print("best search threads for \(size)x\(size): \(best.threads) (\(String(format: "%.2f", best.rate)) visits/s)")
    }
  }

  /// Times `counts[b]` backend calls of batch size `b` for every `b`, on copies of `state`'s
  /// network input in rotating symmetries; returns the positions evaluated and the seconds.
  static func replayBatches(_ backend: any NeuralNetBackend, state: GameState, counts: [Int]) throws
    -> (positions: Int, seconds: Double)
  {
    let game = NNGame(state)
    var inputs: [Int: NNInputBatch] = [:]
    for (b, n) in counts.enumerated() where b > 0 && n > 0 {
      inputs[b] = NNInputBatch(
        games: Array(repeating: game, count: b), symmetries: (0..<b).map { Symmetry($0 % 8) },
        nnXLen: state.board.width, nnYLen: state.board.height,
        options: InputFeatures.Options(modelVersion: backend.model.version))
    }
    // Interleave the sizes the way a search mixes them rather than running each size in a block.
    var remaining = counts
    var positions = 0
    let start = ContinuousClock.now
    var progress = true
    while progress {
      progress = false
      for b in remaining.indices where b > 0 && remaining[b] > 0 {
        _ = try backend.evaluate(inputs[b]!)
        remaining[b] -= 1
        positions += b
        progress = true
      }
    }
    return (positions, (ContinuousClock.now - start).inSeconds)
  }

  /// A fixed, legal middle-game position (a deterministic pseudo-random game of area/4 moves).
  static func samplePosition(size: Int) -> GameState {
    var s = GameState(size: size, rules: .chinese)
    var rng = FastRandom(seed: 42)
    for _ in 0..<(size * size / 4) {
      let moves = s.legalMoves().filter { m in
        guard case .play(let p) = m else { return false }
        return !s.board.isEye(p, of: s.toMove)
      }
      guard !moves.isEmpty else { break }
      try? s.play(moves[rng.below(moves.count)])
    }
    return s
  }
}
