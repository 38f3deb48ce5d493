import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

@Suite("CPU backend vs reference")
struct CPUBackendTests {
  @Test("every tiny model matches the reference backend", arguments: Fixtures.models + Fixtures.oldModels)
  func matchesReference(_ file: String) throws {
    let model = try tinyModel(file)
    let batch = randomBatch(model, grid: 9, boards: [9, 7, 9], seed: 42)
    let ref = try ReferenceBackend(model: model).evaluate(batch)
    for (threads, gemm) in [(1, nil), (2, nil), (2, SIMDMatrixMultiplier() as any MatrixMultiplier)] {
      let cpu = try CPUBackend(model: model, threads: threads, gemm: gemm).evaluate(batch)
      let tol: Float = 2e-4
      #expect(maxDiff(cpu.policy, ref.policy) < tol, "policy \(file) threads \(threads)")
      #expect(maxDiff(cpu.pass, ref.pass) < tol, "pass \(file)")
      #expect(maxDiff(cpu.value, ref.value) < tol, "value \(file)")
      #expect(maxDiff(cpu.score, ref.score) < tol, "score \(file)")
      #expect(maxDiff(cpu.ownership, ref.ownership) < tol, "ownership \(file)")
    }
  }

  @Test("a batch gives the same outputs as its samples one by one")
  func batchEqualsSingles() throws {
    let model = try tinyModel("tiny-v15-transformer.bin.gz")
    let backend = CPUBackend(model: model, threads: 2)
    let batch = randomBatch(model, grid: 9, boards: [9, 5, 8], seed: 7)
    let all = try backend.evaluate(batch)
    for i in 0..<3 {
      let r = try backend.evaluate(slice(batch, i..<i + 1))
      #expect(maxDiff(r.value, Array(all.value[i * 3..<i * 3 + 3])) < 1e-5)
      #expect(maxDiff(r.ownership, Array(all.ownership[i * 81..<(i + 1) * 81])) < 1e-5)
    }
  }

  /// Bit for bit, whatever the batch: seeded self-play replays the same games only if a
  /// position's evaluation does not depend on the batch the thread timing put it in.
  @Test(
    "a sample's outputs are identical in every batch size and place",
    arguments: [("tiny-v8-resnet.txt.gz", 1, 1), ("tiny-v15-transformer.bin.gz", 2, 1), ("tiny-v11-mish.bin", 1, 2)])
  func batchInvariance(_ file: String, threads: Int, lanes: Int) throws {
    let model = try tinyModel(file)
    let backend = CPUBackend(model: model, threads: threads, lanes: lanes)
    let samples = 14
    let all = randomBatch(model, grid: 9, boards: Array(repeating: 9, count: samples), seed: 19)
    let ref = try backend.evaluate(all)
    let ns = model.numInputChannels
    let ng = model.numInputGlobalChannels
    for count in 1..<samples {
      for first in [0, samples - count] {
        var b = NNInputBatch(count: count, nnXLen: 9, nnYLen: 9, numSpatial: ns, numGlobal: ng)
        b.spatial = Array(all.spatial[first * ns * 81..<(first + count) * ns * 81])
        b.global = Array(all.global[first * ng..<(first + count) * ng])
        let r = try backend.evaluate(b)
        func same(_ x: [Float], _ y: [Float], _ per: Int) -> Bool {
          Array(x[0..<count * per]) == Array(y[first * per..<(first + count) * per])
        }
        let differ = [
          ("policy", same(r.policy, ref.policy, r.policy.count / count)),
          ("pass", same(r.pass, ref.pass, r.pass.count / count)), ("value", same(r.value, ref.value, 3)),
          ("score", same(r.score, ref.score, r.score.count / count)),
          ("ownership", same(r.ownership, ref.ownership, 81)),
        ].filter { !$0.1 }.map(\.0)
        #expect(differ.isEmpty, "\(differ) differ for \(count) samples from \(first)")
      }
    }
  }

  @Test("a small board inside a larger grid gives the same result as on its own grid")
  func boardSizeMasking() throws {
    let model = try tinyModel("tiny-v16-mixed.bin.gz")
    let backend = CPUBackend(model: model, threads: 1)
    let big = randomBatch(model, grid: 9, boards: [6], seed: 3)
    let small = cropped(big, to: 6)
    let a = try backend.evaluate(big)
    let b = try backend.evaluate(small)
    #expect(maxDiff(a.value, b.value) < 1e-4)
    #expect(maxDiff(a.score, b.score) < 1e-4)
    for y in 0..<6 { for x in 0..<6 { #expect(abs(a.ownership[y * 9 + x] - b.ownership[y * 6 + x]) < 1e-4) } }
  }
}
