import Foundation
import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetGPU

/// Every fixture model: KataGo-recorded ones, older input versions, the metadata-encoder one.
let allTinyModels = Fixtures.models + Fixtures.oldModels + Fixtures.loadOnly

/// FP16 storage (FP32 accumulation) against the reference on the tiny models: the largest
/// absolute difference measured over all twelve was 3.9e-3 (policy logits; the outputs are
/// at most about 5 in size; docs/NEURALNET.md); the bound leaves room for other seeds.
let fp16Tolerance: Float = 1e-2

/// Five samples (a padded bucket of 6), boards 5-9 inside a 9×9 grid.
func mixedBatch(_ model: ModelDescription, seed: UInt64 = 42) -> NNInputBatch {
  randomBatch(model, grid: 9, boards: [9, 7, 9, 5, 8], seed: seed, metadata: model.trunk.metadataEncoder != nil)
}

@Suite("GPU backend on SimDevice vs the reference backend")
struct GPUBackendTests {
  @Test("FP32: every tiny model matches the reference within 1e-5", arguments: allTinyModels)
  func fp32MatchesReference(_ file: String) throws {
    let model = try tinyModel(file)
    let batch = mixedBatch(model)
    let ref = try ReferenceBackend(model: model).evaluate(batch)
    let gpu = try GPUBackend.simulated(model: model, precision: .fp32).evaluate(batch)
    let d = OutputDifferences(gpu, ref)
    print("GPU sim fp32 vs reference \(file): \(d)")
    #expect(d.worst <= 1e-5, "\(file): \(d)")
  }

  @Test("FP16 storage: every tiny model matches the reference within the stated tolerance", arguments: allTinyModels)
  func fp16MatchesReference(_ file: String) throws {
    let model = try tinyModel(file)
    let batch = mixedBatch(model)
    let ref = try ReferenceBackend(model: model).evaluate(batch)
    let gpu = try GPUBackend.simulated(model: model, precision: .fp16).evaluate(batch)
    let d = OutputDifferences(gpu, ref)
    let size = [ref.policy, ref.pass, ref.value, ref.score, ref.ownership].joined().map(abs).max() ?? 0
    print("GPU sim fp16 vs reference \(file): \(d) (largest output \(size))")
    #expect(d.worst <= fp16Tolerance, "\(file): \(d)")
  }

  @Test(
    "the CUDA C kernels, compiled for the host, compute exactly what their Swift twins compute",
    .enabled(if: HostCompiledKernels.shared != nil), arguments: allTinyModels)
  func compiledKernelsEqualTwins(_ file: String) throws {
    let compiled = try #require(HostCompiledKernels.shared)
    let model = try tinyModel(file)
    let batch = mixedBatch(model, seed: 5)
    for precision in GPUPrecision.allCases {
      let twins = try GPUBackend(model: model, devices: [SimDevice()], precision: precision, name: "sim").evaluate(batch)
      let before = compiled.launches.withLock { $0 }
      let cuda = try GPUBackend(
        model: model, devices: [SimDevice(executor: compiled.executor)], precision: precision, name: "sim"
      ).evaluate(batch)
      #expect(compiled.launches.withLock { $0 } > before + 10, "the compiled kernels ran")
      let d = OutputDifferences(cuda, twins)
      #expect(d.worst == 0, "\(file) \(precision): \(d)")
    }
  }

  @Test("padding: a batch's samples give exactly their outputs alone", arguments: ["tiny-v15-transformer.bin.gz", "tiny-v8-resnet.txt.gz"])
  func paddingIsInvisible(_ file: String) throws {
    let model = try tinyModel(file)
    let backend = try GPUBackend.simulated(model: model, precision: .fp32)
    let batch = mixedBatch(model, seed: 9)
    let all = try backend.evaluate(batch)  // bucket 6: one padded sample
    for i in 0..<batch.count {
      let one = try backend.evaluate(slice(batch, i..<i + 1))
      #expect(OutputDifferences(one, slice(all, i..<i + 1)).worst == 0, "sample \(i)")
    }
    let three = try backend.evaluate(slice(batch, 1..<4))  // bucket 3, no padding
    #expect(OutputDifferences(three, slice(all, 1..<4)).worst == 0)
  }

  @Test("one backend serves several grids; a small board inside a larger grid matches its own grid")
  func mixedGrids() throws {
    let model = try tinyModel("tiny-v16-mixed.bin.gz")
    let backend = try GPUBackend.simulated(model: model, precision: .fp32)
    let big = randomBatch(model, grid: 9, boards: [6], seed: 3)
    let small = cropped(big, to: 6)
    let a = try backend.evaluate(big)
    let b = try backend.evaluate(small)
    let again = try backend.evaluate(big)
    #expect(OutputDifferences(a, again).worst == 0)
    #expect(maxDiff(a.value, b.value) < 1e-5)
    #expect(maxDiff(a.score, b.score) < 1e-5)
    for y in 0..<6 { for x in 0..<6 { #expect(abs(a.ownership[y * 9 + x] - b.ownership[y * 6 + x]) < 1e-5) } }
    let ref = try ReferenceBackend(model: model).evaluate(small)
    #expect(OutputDifferences(b, ref).worst <= 1e-5)
  }

  @Test("a rectangular grid matches the reference")
  func rectangularGrid() throws {
    let model = try tinyModel("tiny-v15-transformer.bin.gz")
    var batch = NNInputBatch(count: 2, nnXLen: 7, nnYLen: 5, numSpatial: 22, numGlobal: 19)
    var rng = TestRandom(seed: 4)
    for s in 0..<2 {
      for c in 0..<22 {
        for p in 0..<35 { batch.spatial[(s * 22 + c) * 35 + p] = c == 0 ? 1 : Float(rng.below(4) == 0 ? 1 : 0) }
      }
    }
    batch.global = (0..<38).map { _ in Float(rng.below(200)) / 100 - 1 }
    let ref = try ReferenceBackend(model: model).evaluate(batch)
    let gpu = try GPUBackend.simulated(model: model, precision: .fp32).evaluate(batch)
    #expect(OutputDifferences(gpu, ref).worst <= 1e-5)
  }

  @Test("every batch of one bucket issues the same calls, and a pass allocates nothing once warm")
  func launchSequenceIsPerBucket() throws {
    let model = try tinyModel("tiny-v14-nested.bin.gz")
    let device = SimDevice()
    let backend = try GPUBackend(model: model, devices: [device], precision: .fp16, name: "sim")
    let batch = randomBatch(model, grid: 9, boards: [9, 7, 9, 5, 8, 6], seed: 8)
    device.tracing = true
    _ = try backend.evaluate(slice(batch, 0..<5))
    let bytes = device.allocatedBytes
    device.clearTrace()
    _ = try backend.evaluate(slice(batch, 0..<5))
    let five = device.trace
    device.clearTrace()
    _ = try backend.evaluate(batch)
    let six = device.trace
    #expect(five == six)
    #expect(device.allocatedBytes == bytes)
    // Inputs first, then the initial conv (3×3: im2col + GEMM), outputs last.
    #expect(Array(five.prefix(6)) == ["upload", "upload", "tg_input_nhwc_f16", "tg_mask_sum", "tg_im2col_f16", "gemm 16x486x198"])
    #expect(five.suffix(5).allSatisfy { $0 == "download" })
    print("nested v14 fp16, bucket 6: \(five.filter { $0.hasPrefix("tg_") }.count) launches, \(five.filter { $0.hasPrefix("gemm") }.count) GEMMs")
  }

  @Test("device memory is returned when the backend goes")
  func noLeaks() throws {
    let model = try tinyModel("tiny-v17-mixed.bin.gz")
    let device = SimDevice()
    do {
      let backend = try GPUBackend(model: model, devices: [device], precision: .fp32, name: "sim")
      _ = try backend.evaluate(mixedBatch(model))
      #expect(device.allocatedBytes > 0)
    }
    #expect(device.allocatedBytes == 0)
  }

  @Test("several contexts evaluate concurrently and agree with one")
  func concurrentContexts() throws {
    let model = try tinyModel("tiny-v11-mish.bin")
    let backend = try GPUBackend.simulated(model: model, contexts: 2, precision: .fp32)
    #expect(backend.concurrentEvaluations == 2)
    let batches = (0..<4).map { randomBatch(model, grid: 7, boards: [7, 6], seed: UInt64(20 + $0)) }
    let expected = try batches.map { try backend.evaluate($0) }
    let results = ResultBox(count: batches.count)
    DispatchQueue.concurrentPerform(iterations: batches.count) { i in
      results.set(i, try? backend.evaluate(batches[i]))
    }
    for i in 0..<batches.count {
      let got = try #require(results.get(i))
      #expect(OutputDifferences(got, expected[i]).worst == 0)
    }
  }

  @Test("a batch of the wrong input shape is refused")
  func wrongShape() throws {
    let model = try tinyModel("tiny-v8-resnet.txt.gz")
    let backend = try GPUBackend.simulated(model: model, precision: .fp32)
    #expect(throws: GPUError.self) {
      _ = try backend.evaluate(NNInputBatch(count: 1, nnXLen: 5, nnYLen: 5, numSpatial: 3, numGlobal: 19))
    }
  }
}

@Suite("GPU backend on SimDevice vs KataGo")
struct GPUKataGoTests {
  @Test(
    "kata-raw-nn outputs match KataGo's recorded ones (FP32 on the simulator)",
    arguments: ["tiny-v8-resnet.txt.gz", "tiny-v15-transformer.bin.gz", "tiny-v16-mixed.bin.gz"])
  func matchesKataGo(_ file: String) throws {
    let fixture = try KataGoReference(
      positionsPath: Fixtures.path(Fixtures.positions(for: file)),
      outputsPath: Fixtures.path("katago-\(file.prefix { $0 != "." }).json"))
    let model = try tinyModel(file)
    let evaluator = RawNNEvaluator(backend: try GPUBackend.simulated(model: model, precision: .fp32))
    for p in fixture.positions {
      let e = try evaluator.evaluate(p.game, symmetries: [Symmetry(p.symmetry)])[0]
      for (k, d) in KataGoReference.differences(e, p.expected) {
        #expect(d <= KataGoReference.tolerance(k), "\(file) \(p.id) \(k) differs by \(d)")
      }
    }
  }
}
