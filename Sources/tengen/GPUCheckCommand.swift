import ArgumentParser
import Foundation
import GoNeuralNet
import GoNeuralNetGPU

/// `tengen gpucheck`: the GPU backend (`--backend cuda`, or `sim`) against the simulator and
/// the reference backend on seeded random batches of each model, FP32 and FP16: the first
/// thing to run on a machine with a GPU (docs/NEURALNET.md, "CUDA backend").
struct GPUCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gpucheck",
    abstract: "Check the GPU backend against the simulator and the reference backend on models.")

  @Option(parsing: .upToNextOption, help: "Models to check (e.g. Tests/Fixtures/nn/tiny-*).")
  var model: [String]
  @OptionGroup var backendOptions: BackendOptions
  @Option(help: "Grid side of the random batches.") var grid = 9
  @Option(help: "Samples per batch (boards of the grid side and smaller).") var samples = 5
  @Option(help: "Largest FP32 difference to the reference that passes.") var fp32Tolerance: Float = 1e-4
  @Option(help: "Largest FP16 difference to the reference that passes.") var fp16Tolerance: Float = 5e-2

  func run() throws {
    guard let kind = try? backendOptions.kind, kind == .cuda || kind == .sim else {
      throw ValidationError("gpucheck checks --backend cuda (or sim)")
    }
    var failures = 0
    var checks = 0
    for path in model {
      let description = try ModelLoader.load(path: path)
      let batch = Self.randomBatch(description, grid: grid, samples: samples, seed: 42)
      let reference = try ReferenceBackend(model: description).evaluate(batch)
      for precision in GPUPrecision.allCases {
        var options = backendOptions
        options.gpuPrecision = precision.rawValue
        let start = ContinuousClock.now
        let gpu = try options.make(model: description, threads: 1)
        let ready = (ContinuousClock.now - start).inSeconds
        let sim = try GPUBackend.simulated(model: description, precision: precision).evaluate(batch)
        let t0 = ContinuousClock.now
        let out = try gpu.evaluate(batch)
        let seconds = (ContinuousClock.now - t0).inSeconds
        let toReference = Self.worst(out, reference)
        let toSim = Self.worst(out, sim)
        let tolerance = precision == .fp32 ? fp32Tolerance : fp16Tolerance
        let ok = toReference.value <= tolerance
        checks += 1
        if !ok { failures += 1 }
        print(String(
          format: "%@ %@ %@: vs reference %.3g (%@), vs simulator %.3g (%@); ready %.2f s, batch %.3f s",
          ok ? "ok  " : "FAIL", (path as NSString).lastPathComponent, precision.rawValue, toReference.value,
          toReference.output, toSim.value, toSim.output, ready, seconds))
      }
    }
    print("\(checks - failures) passed, \(failures) failed")
    if failures > 0 { throw ExitCode(1) }
  }

  /// The largest absolute difference over all outputs, and which output it is in (NaN counts
  /// as infinite).
  static func worst(_ a: NNRawOutputBatch, _ b: NNRawOutputBatch) -> (value: Float, output: String) {
    var best: (Float, String) = (0, "-")
    for (name, x, y) in [
      ("policy", a.policy, b.policy), ("pass", a.pass, b.pass), ("value", a.value, b.value),
      ("score", a.score, b.score), ("ownership", a.ownership, b.ownership),
    ] {
      for (u, v) in zip(x, y) {
        let d = (u - v).isNaN ? Float.infinity : abs(u - v)
        if d > best.0 { best = (d, name) }
      }
    }
    return best
  }

  /// `samples` seeded random positions: binary planes on boards of the grid side and smaller
  /// (top-left corner, mask = plane 0), globals in [-1, 1].
  static func randomBatch(_ model: ModelDescription, grid: Int, samples: Int, seed: UInt64) -> NNInputBatch {
    var state = seed
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var b = NNInputBatch(
      count: samples, nnXLen: grid, nnYLen: grid, numSpatial: model.numInputChannels,
      numGlobal: model.numInputGlobalChannels)
    let area = grid * grid
    for s in 0..<samples {
      let side = max(2, grid - 2 * (s % 3))
      for c in 0..<b.numSpatial {
        for y in 0..<side {
          for x in 0..<side { b.spatial[(s * b.numSpatial + c) * area + y * grid + x] = c == 0 || next() % 4 == 0 ? 1 : 0 }
        }
      }
      for g in 0..<b.numGlobal { b.global[s * b.numGlobal + g] = Float(next() % 2001) / 1000 - 1 }
    }
    if model.trunk.metadataEncoder != nil {
      b.metadata = (0..<samples * 192).map { _ in next() % 3 == 0 ? 1 : 0 }
    }
    return b
  }
}
