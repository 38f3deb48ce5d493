import ArgumentParser
import Foundation
import GoCore
import GoFeatures
import GoNeuralNet
import GoNeuralNetCPU
import GoNeuralNetGPU

/// `tengen benchmark-nn --model`: neural-network evaluations per second of a backend (the CPU
/// one at each `--threads` count; a GPU one once, threads not applying).
struct NNBenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark-nn", abstract: "Measure neural-network evaluations per second.")

  @Option(help: "Model file.") var model: String
  @Option(help: "Board size (the grid is sized to the board).") var size = 19
  @Option(help: "Comma-separated batch sizes.") var batch = "1,8,16,32"
  @Option(help: "Comma-separated thread counts.") var threads = "1,2"
  @Option(help: "Seconds to run each configuration.") var seconds = 3.0
  @Flag(help: "Print time and GFLOP/s per layer kind.") var profile = false
  @Option(help: "Matrix multiplier of the CPU backend: blas or simd.") var gemm = "blas"
  @OptionGroup var backendOptions: BackendOptions

  func run() throws {
    OpenBLASCoreType.ensure()
    let description = try ModelLoader.load(path: model)
    let flops = description.nominalFlops(nnXLen: size, nnYLen: size)
    print("model \(description.name): \(String(format: "%.2f", flops / 1e9)) GFLOP per \(size)x\(size) evaluation")
    let batches = batch.split(separator: ",").compactMap { Int($0) }
    let threadCounts = backendOptions.isGPU ? [0] : threads.split(separator: ",").compactMap { Int($0) }
    let games = samplePositions()
    for t in threadCounts {
      let backend: any NeuralNetBackend
      if try backendOptions.kind == .cpu {
        let multiplier: (any MatrixMultiplier)? = gemm == "simd" ? SIMDMatrixMultiplier() : nil
        let cpu = CPUBackend(model: description, threads: t, gemm: multiplier)
        if t == threadCounts[0] { print("cpu kernels \(cpu.isa), gemm \(cpu.gemm.name) (TENGEN_CPU_ISA: generic, avx2, avx512)") }
        backend = cpu
      } else {
        let start = ContinuousClock.now
        backend = try backendOptions.make(model: description, threads: t)
        print(String(format: "backend %@ ready in %.2f s", backend.backendName, (ContinuousClock.now - start).inSeconds))
        if let gpu = backend as? GPUBackend {
          for line in gpu.deviceDescriptions { print("  \(line)") }
          print(String(format: "  precision %@, weights %.1f MB per device", gpu.precision.rawValue, Double(gpu.weightBytes) / 1e6))
        }
      }
      if t == threadCounts[0] { print("threads batch   evals/s   ms/batch   GFLOP/s") }
      for b in batches {
        let batchGames = (0..<b).map { games[$0 % games.count] }
        let input = NNInputBatch(
          games: batchGames, symmetries: (0..<b).map { Symmetry($0 % 8) }, nnXLen: size, nnYLen: size,
          options: InputFeatures.Options(modelVersion: description.version))
        _ = try backend.evaluate(input)
        let layerProfile = LayerProfile()
        let cpu = backend as? CPUBackend
        if profile { cpu?.setProfile(layerProfile) }
        var runs = 0
        let start = ContinuousClock.now
        while (ContinuousClock.now - start).inSeconds < seconds || runs < 2 {
          _ = try backend.evaluate(input)
          runs += 1
        }
        cpu?.setProfile(nil)
        let elapsed = (ContinuousClock.now - start).inSeconds
        let evals = Double(runs * b) / elapsed
        print(String(format: "%7d %5d %9.2f %10.1f %9.1f", t, b, evals, 1000 * elapsed / Double(runs), evals * flops / 1e9))
        if profile && cpu != nil { print(layerProfile.report) }
      }
    }
  }

  /// A few opening and middle-game positions on the benchmark board.
  func samplePositions() -> [NNGame] {
    let rules = Rules.trompTaylor
    var out: [NNGame] = []
    var rng = SystemRandomNumberGenerator()
    for n in [0, 10, 40, 90] {
      var game = NNGame(
        initialBoard: Board(size: size), initialPlayer: 1, rules: rules, komi: 7.5)
      var color: UInt8 = 1
      for _ in 0..<n {
        let empty = game.board.points.filter { game.board.isLegal($0, for: color == 1 ? .black : .white) }
        guard let p = empty.randomElement(using: &rng) else { break }
        guard (try? game.play(p, color: color)) != nil else { break }
        color = 3 - color
      }
      out.append(game)
    }
    return out
  }
}
