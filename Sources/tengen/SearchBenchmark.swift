import Foundation
import GoCore
import GoFeatures
import GoNeuralNet
import GoNeuralNetCPU
import GoSearch

/// `tengen benchmark --model`: PUCT visits/s against the raw batched network speed.
///
/// For each search-thread count the search runs on a fixed middle-game position for the
/// given time; the evaluator's counters give NN evaluations/s and the mean batch size. The
/// backend alone is then timed at that batch size on the same positions, so "efficiency" is
/// visits/s over raw evals/s measured in the same run (1.0 = no search overhead).
enum SearchBenchmark {
  static func run(
    model: String, sizes: [Int], threadCounts: [Int], nnThreads: Int, batch: Int, seconds: Double
  ) throws {
    let description = try ModelLoader.load(path: model)
    print("model \(description.name), \(nnThreads) NN threads, max batch \(batch)")
    print("size  search-threads  visits/s  NN-evals/s  mean-batch  raw-evals/s@batch  efficiency")
    for size in sizes {
      var best: (threads: Int, rate: Double) = (0, 0)
      for t in threadCounts {
        let backend = CPUBackend(model: description, threads: max(1, nnThreads))
        let evaluator = BatchingEvaluator(backend: backend, maxBatchSize: batch, cacheCapacity: 0)
        var p = PUCTParameters()
        p.threads = t
        p.maxTime = seconds
        p.reuseTree = false
        p.resignThreshold = 0
        let engine = PUCTEngine(evaluator: evaluator, params: p)
        engine.log = { _ in }
        let state = samplePosition(size: size)
        // Warm up (first calls allocate workspaces).
        _ = try evaluator.evaluate(state, isRoot: true)
        let before = evaluator.stats
        var a = AnalysisRequest()
        a.maxTime = seconds
        let t0 = Date()
        _ = engine.analyze(state, request: a, report: { _ in })
        let elapsed = Date().timeIntervalSince(t0)
        let after = evaluator.stats
        let visits = Double(engine.lastStats.newVisits) / elapsed
        let evals = Double(after.positionsEvaluated - before.positionsEvaluated) / elapsed
        let batches = max(1, after.batches - before.batches)
        let meanBatch = Double(after.positionsEvaluated - before.positionsEvaluated) / Double(batches)
        let raw = try rawRate(backend, state: state, batch: max(1, Int(meanBatch.rounded())), seconds: seconds)
        print(
          String(
            format: "%2dx%-2d %14d %9.2f %11.2f %11.2f %18.2f %11.2f", size, size, t, visits, evals,
            meanBatch, raw, visits / raw))
        if visits > best.rate { best = (t, visits) }
      }
      print("best search threads for \(size)x\(size): \(best.threads) (\(String(format: "%.2f", best.rate)) visits/s)")
    }
  }

  /// Raw backend evaluations per second at `batch` on copies of `state`'s network input.
  static func rawRate(_ backend: CPUBackend, state: GameState, batch: Int, seconds: Double) throws -> Double {
    let game = NNGame(state)
    let input = NNInputBatch(
      games: Array(repeating: game, count: batch), symmetries: (0..<batch).map { Symmetry($0 % 8) },
      nnXLen: state.board.width, nnYLen: state.board.height,
      options: InputFeatures.Options(modelVersion: backend.model.version))
    _ = try backend.evaluate(input)
    var runs = 0
    let start = Date()
    while Date().timeIntervalSince(start) < seconds || runs < 2 {
      _ = try backend.evaluate(input)
      runs += 1
    }
    return Double(runs * batch) / Date().timeIntervalSince(start)
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
