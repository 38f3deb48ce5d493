import CTengenCPU
import Foundation
import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

/// The C kernels are compiled for portable C, AVX2 and AVX-512 and must give the same bits on
/// each (docs/NEURALNET.md "CPU kernels"). Every instruction set this CPU runs is checked; the
/// kernel checks use the shapes of the real networks, which the tiny models do not reach.
@Suite("CPU kernel instruction sets")
struct InstructionSetTests {
  static let isas = CPUInstructionSet.supported

  /// Random values in [-scale, scale).
  static func random(_ count: Int, scale: Float = 1, seed: UInt64) -> [Float] {
    var rng = TestRandom(seed: seed)
    return (0..<count).map { _ in Float.random(in: -scale..<scale, using: &rng) }
  }

  @Test("the TENGEN_CPU_ISA values choose a supported instruction set")
  func choice() {
    let best = tengen_isa_best()
    #expect(tengen_isa_choose(nil) == best)
    #expect(tengen_isa_choose("") == best)
    #expect(tengen_isa_choose("sse9") == best)
    for isa in CPUInstructionSet.allCases {
      let chosen = tengen_isa_choose(isa.description)
      #expect(chosen == (Self.isas.contains(isa) ? isa.rawValue : best), "\(isa)")
    }
    #expect(Self.isas.contains(.generic) && Self.isas.contains(CPUInstructionSet.default))
    #if arch(x86_64)
      // Release builds need AVX2 anyway (Swift is compiled for Haswell).
      #expect(Self.isas.contains(.avx2))
    #endif
  }

  @Test(
    "sgemm: the same bits on every instruction set, row-stable, close to Double",
    arguments: [
      (1, 1, 1), (7, 3, 5), (13, 17, 9), (37, 64, 31), (61, 192, 384), (25, 576, 192), (50, 40, 600),
      (200, 8, 361), (13, 6, 81), (97, 512, 192), (49, 33, 512),
    ])
  func gemm(_ shape: (Int, Int, Int)) {
    let (m, n, k) = shape
    for (lda, ldb, ldc, alpha, beta) in [(k, n, n, Float(1), Float(0)), (k + 3, n + 5, n + 1, 0.7, 1)] {
      let a = Self.random(m * lda, seed: 1)
      let b = Self.random(k * ldb, seed: 2)
      let c0 = Self.random(m * ldc, seed: 3)
      var results: [[Float]] = []
      for isa in Self.isas {
        var c = c0
        tengen_sgemm_rows(isa.rawValue, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, &c, Int32(ldc))
        results.append(c)
        // One row alone gives the same bits as inside the whole product.
        for i in stride(from: 0, to: m, by: 7) {
          var row = Array(c0[i * ldc..<(i + 1) * ldc])
          a.withUnsafeBufferPointer { ap in
            tengen_sgemm_rows(
              isa.rawValue, 1, Int32(n), Int32(k), alpha, ap.baseAddress! + i * lda, Int32(lda), b, Int32(ldb), beta,
              &row, Int32(ldc))
          }
          #expect(row == Array(c[i * ldc..<(i + 1) * ldc]), "\(isa) row \(i) of \(shape)")
        }
      }
      for (isa, r) in zip(Self.isas, results) { #expect(r == results[0], "\(isa) differs from \(Self.isas[0]) for \(shape)") }
      var worst = 0.0
      for i in 0..<m {
        for j in 0..<n {
          var s = 0.0
          for p in 0..<k { s += Double(a[i * lda + p]) * Double(b[p * ldb + j]) }
          let want = Double(alpha) * s + Double(beta) * Double(c0[i * ldc + j])
          worst = max(worst, abs(want - Double(results[0][i * ldc + j])) / (1 + abs(want)))
        }
      }
      #expect(worst < 1e-5, "\(shape) differs from Double by \(worst)")
    }
  }

  @Test(
    "attention: the same bits on every instruction set, close to Double",
    arguments: [(81, 8, 6), (81, 32, 32), (361, 32, 32), (49, 16, 16), (5, 4, 3), (169, 32, 24)])
  func attention(_ shape: (Int, Int, Int)) {
    let (s, dq, dv) = shape
    let ld = 2 * dq + dv + 5
    let x = Self.random(s * ld, scale: 2, seed: 4)
    let mask: [Float] = (0..<s).map { $0 % 7 == 3 ? 0 : 1 }
    let scale = 1 / Float(dq).squareRoot()
    let ldo = dv + 3
    var results: [[Float]] = []
    for isa in Self.isas {
      var out = [Float](repeating: 7, count: s * ldo)
      var scratch = [Float](repeating: .nan, count: tengen_attention_scratch(Int32(s), Int32(dq), Int32(dv)))
      x.withUnsafeBufferPointer { xp in
        let q = xp.baseAddress!
        tengen_attention(
          isa.rawValue, Int32(s), Int32(dq), Int32(dv), scale, q, Int32(ld), q + dq, Int32(ld), q + 2 * dq, Int32(ld), mask,
          &out, Int32(ldo), &scratch)
      }
      results.append(out)
    }
    for (isa, r) in zip(Self.isas, results) { #expect(r == results[0], "\(isa) differs from \(Self.isas[0]) for \(shape)") }
    var worst = 0.0
    for i in 0..<s {
      let o = results[0][i * ldo..<i * ldo + dv]
      #expect(results[0][i * ldo + dv..<(i + 1) * ldo].allSatisfy { $0 == 7 }, "row \(i) written beyond dv")
      guard mask[i] != 0 else {
        #expect(o.allSatisfy { $0 == 0 }, "masked row \(i)")
        continue
      }
      var logits = [Double](repeating: -.infinity, count: s)
      for j in 0..<s where mask[j] != 0 {
        var d = 0.0
        for p in 0..<dq { d += Double(x[i * ld + p]) * Double(x[j * ld + dq + p]) }
        logits[j] = d * Double(scale)
      }
      let top = logits.max()!
      let e = logits.map { $0 == -.infinity ? 0 : Foundation.exp($0 - top) }
      let sum = e.reduce(0, +)
      for c in 0..<dv {
        var want = 0.0
        for j in 0..<s { want += e[j] * Double(x[j * ld + 2 * dq + c]) }
        worst = max(worst, abs(want / sum - Double(o[o.startIndex + c])))
      }
    }
    #expect(worst < 2e-6, "\(shape) differs from Double by \(worst)")
  }

  @Test("norms, activations, the SiLU gate and RoPE: the same bits on every instruction set")
  func elementwise() {
    for count in [1, 7, 8, 15, 16, 17, 31, 33, 192, 385] {
      let rows = 3
      let src = Self.random(rows * count, scale: 30, seed: UInt64(count))
      let scale = Self.random(count, seed: 5)
      let bias = Self.random(count, seed: 6)
      let gate = Self.random(rows * count, seed: 7)
      let mask: [Float] = [1, 0, 1]
      var results: [[[Float]]] = []
      for isa in Self.isas {
        var outs: [[Float]] = []
        for kind in Int32(0)...3 {
          var y = [Float](repeating: 0, count: rows * count)
          tengen_norm_act(isa.rawValue, src, &y, rows, Int32(count), scale, bias, mask, kind)
          outs.append(y)
          y = src
          tengen_activate(isa.rawValue, &y, y.count, kind)
          outs.append(y)
        }
        var y = src
        tengen_silu_gate(isa.rawValue, &y, gate, y.count)
        outs.append(y)
        y = [Float](repeating: 0, count: rows * count)
        tengen_rms_norm(isa.rawValue, src, &y, rows, Int32(count), scale, 1e-6, mask)
        outs.append(y)
        y = src
        tengen_rope(isa.rawValue, &y, scale, bias, Int32(count / 2))
        outs.append(y)
        results.append(outs)
      }
      for (isa, r) in zip(Self.isas, results) { #expect(r == results[0], "\(isa) differs for \(count) channels") }
      // RMSNorm against Double.
      let y = results[0][9]
      for c in 0..<count {
        let ms = (0..<count).reduce(0.0) { $0 + Double(src[$1]) * Double(src[$1]) } / Double(count)
        let want = Double(src[c]) / (ms + 1e-6).squareRoot() * Double(scale[c])
        #expect(abs(want - Double(y[c])) <= 1e-5 * max(1, abs(want)), "RMSNorm \(count) channel \(c)")
      }
      #expect(y[count..<2 * count].allSatisfy { $0 == 0 })
    }
  }

  @Test("a network gives the same bits on every instruction set", arguments: Fixtures.models + Fixtures.oldModels)
  func network(_ file: String) throws {
    let model = try tinyModel(file)
    for (grid, boards) in [(9, [9, 7, 9]), (19, [19, 13])] {
      let batch = randomBatch(model, grid: grid, boards: boards, seed: 23)
      let outputs = try Self.isas.map { try CPUBackend(model: model, threads: 2, isa: $0).evaluate(batch) }
      for (isa, o) in zip(Self.isas, outputs) {
        let r = outputs[0]
        let same = o.policy == r.policy && o.pass == r.pass && o.value == r.value && o.score == r.score
          && o.ownership == r.ownership
        #expect(same, "\(file) on \(grid)x\(grid): \(isa) differs from \(Self.isas[0])")
      }
    }
  }
}
