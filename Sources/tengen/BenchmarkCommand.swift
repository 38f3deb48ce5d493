import ArgumentParser
import Foundation
import GoSearch

/// `tengen benchmark`: playouts per second on 9×9 and 19×19, one thread and all threads.
struct BenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark", abstract: "Measure playout speed, or PUCT search speed with --model.",
    discussion: """
      playouts/s is wall-clock over all threads; per-CPU-s divides by the CPU time the threads \
      really got, which is the speed of one core even on a busy machine. With --model, each \
      round searches for --seconds and then replays the search's own batches on the bare \
      backend, so efficiency compares the two on the same batches in the same run.
      """)

  @Option(help: "Seconds per measurement.")
  var seconds: Double = 3

  @Option(parsing: .upToNextOption, help: "Board sizes to measure.")
  var sizes: [Int] = [9, 19]

  @Option(parsing: .upToNextOption, help: "Thread counts to measure (default: 1 and all cores).")
  var threads: [Int] = []

  @Option(help: "Fixed playouts per thread instead of a time (for instruction counting).")
  var count: Int?

  @Option(parsing: .upToNextOption, help: "Policies to measure: light, standard.")
  var policies: [String] = ["light", "standard"]

  @Option(help: "A network: measure PUCT visits/s against raw NN evals/s instead of playouts.")
  var model: String?

  @Option(parsing: .upToNextOption, help: "Search thread counts to try with --model.")
  var searchThreads: [Int] = [1, 2, 4, 8, 16, 32]

  @Option(help: "NN backend threads with --model.")
  var nnThreads: Int = 2

  @OptionGroup var backend: BackendOptions

  @Option(help: "Largest NN batch with --model.")
  var nnBatch: Int = 16

  @Option(help: "Search-then-replay rounds per search-thread count with --model (load noise averages out).")
  var rounds: Int = 2

  func run() throws {
    if let model {
      OpenBLASCoreType.ensure()
      try SearchBenchmark.run(
        model: model, sizes: sizes, threadCounts: searchThreads, nnThreads: nnThreads,
        batch: nnBatch, seconds: seconds, rounds: max(1, rounds), backend: backend)
      return
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let threadCounts = threads.isEmpty ? Array(Set([1, cores])).sorted() : threads
    print("policy     size threads  playouts/s  per-thread  per-CPU-s  moves/playout")
    let all = [("light", PlayoutPolicy.light), ("standard", PlayoutPolicy.standard)]
    for (name, policy) in all where policies.contains(name) {
      for size in sizes {
        for t in threadCounts {
          let r = PlayoutBenchmark.run(
            size: size, policy: policy, threads: t, seconds: seconds, count: count)
          let line =
            name.padding(toLength: 10, withPad: " ", startingAt: 0)
            + " \(size)x\(size)".padding(toLength: 6, withPad: " ", startingAt: 0)
            + String(format: " %6d  %10.0f  %10.0f  %9.0f  %8.1f", t, r.rate, r.rate / Double(t),
              r.ratePerCPUSecond, r.movesPerPlayout)
          print(line)
        }
      }
    }
  }
}
