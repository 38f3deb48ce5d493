import Testing
import TestSupport

@testable import GoNeuralNetGPU

/// Device memory holding `values` stored as `type`.
func deviceArray(_ device: SimDevice, _ values: [Float], _ type: GPUScalarType) throws -> DevicePointer {
  let p = try device.allocate(bytes: max(1, values.count) * type.size)
  switch type {
  case .f32: try values.withUnsafeBytes { try device.upload($0, to: p) }
  case .f16: try values.map { Float16($0) }.withUnsafeBytes { try device.upload($0, to: p) }
  }
  return p
}

/// `count` elements of `type` read back as Float.
func readBack(_ device: SimDevice, _ p: DevicePointer, _ count: Int, _ type: GPUScalarType) throws -> [Float] {
  switch type {
  case .f32:
    var out = [Float](repeating: 0, count: count)
    try out.withUnsafeMutableBytes { try device.download(from: p, into: $0) }
    return out
  case .f16:
    var out = [Float16](repeating: 0, count: count)
    try out.withUnsafeMutableBytes { try device.download(from: p, into: $0) }
    return out.map { Float($0) }
  }
}

@Suite("SimDevice")
struct SimDeviceTests {
  /// cuBLAS's definition written out with explicit column-major indexing, in Double.
  static func naiveGemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: [Float], lda: Int, strideA: Int,
    b: [Float], ldb: Int, strideB: Int, beta: Float, c: [Float], ldc: Int, strideC: Int, batch: Int
  ) -> [Float] {
    var out = c
    for p in 0..<batch {
      for j in 0..<n {
        for i in 0..<m {
          var s = 0.0
          for l in 0..<k {
            let av = transA ? a[p * strideA + l + i * lda] : a[p * strideA + i + l * lda]
            let bv = transB ? b[p * strideB + j + l * ldb] : b[p * strideB + l + j * ldb]
            s += Double(av) * Double(bv)
          }
          let idx = p * strideC + i + j * ldc
          out[idx] = Float(Double(alpha) * s + (beta == 0 ? 0 : Double(beta) * Double(c[idx])))
        }
      }
    }
    return out
  }

  @Test(
    "GEMM follows cuBLAS's column-major semantics (transposes, leading dimensions, alpha/beta, strided batches, FP16)",
    arguments: [GPUScalarType.f32, .f16], [GPUScalarType.f32, .f16])
  func gemmSemantics(inputType: GPUScalarType, outputType: GPUScalarType) throws {
    var rng = TestRandom(seed: 11)
    let device = SimDevice()
    var cases = 0
    for transA in [false, true] {
      for transB in [false, true] {
        for (alpha, beta) in [(Float(1), Float(0)), (0.5, -1.5)] {
          for batch in [1, 3] {
            let (m, n, k) = (3 + rng.below(3), 2 + rng.below(4), 1 + rng.below(5))
            let lda = (transA ? k : m) + rng.below(3)
            let ldb = (transB ? n : k) + rng.below(3)
            let ldc = m + rng.below(3)
            let sizeA = lda * (transA ? m : k)
            let sizeB = ldb * (transB ? k : n)
            let sizeC = ldc * n
            let (sa, sb, sc) = batch == 1 ? (0, 0, 0) : (sizeA + rng.below(4), sizeB + rng.below(4), sizeC + rng.below(4))
            func random(_ count: Int) -> [Float] { (0..<count).map { _ in Float(rng.below(2001)) / 1000 - 1 } }
            let a = random(sa * (batch - 1) + sizeA)
            let b = random(sb * (batch - 1) + sizeB)
            let c = random(sc * (batch - 1) + sizeC)
            let pa = try deviceArray(device, a, inputType)
            let pb = try deviceArray(device, b, inputType)
            let pc = try deviceArray(device, c, outputType)
            // The values as stored (FP16 rounds them).
            let aStored = try readBack(device, pa, a.count, inputType)
            let bStored = try readBack(device, pb, b.count, inputType)
            let cStored = try readBack(device, pc, c.count, outputType)
            try device.gemm(
              GPUGemm(
                transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: pa, lda: lda, strideA: sa, b: pb,
                ldb: ldb, strideB: sb, inputType: inputType, beta: beta, c: pc, ldc: ldc, strideC: sc,
                outputType: outputType, batchCount: batch))
            let expected = Self.naiveGemm(
              transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: aStored, lda: lda, strideA: sa,
              b: bStored, ldb: ldb, strideB: sb, beta: beta, c: cStored, ldc: ldc, strideC: sc, batch: batch)
            let got = try readBack(device, pc, c.count, outputType)
            let tolerance: Float = outputType == .f16 ? 4e-3 : 1e-5
            for (g, e) in zip(got, expected) {
              #expect(abs(g - e) <= tolerance * max(1, abs(e)), "transA \(transA) transB \(transB) batch \(batch): \(g) vs \(e)")
            }
            cases += 1
          }
        }
      }
    }
    #expect(cases == 16)
  }

  @Test("with beta = 0, C is not read (NaN there does not leak)")
  func betaZeroIgnoresC() throws {
    let device = SimDevice()
    let a = try deviceArray(device, [1, 2, 3, 4], .f32)
    let b = try deviceArray(device, [1, 1], .f32)
    let c = try device.allocate(bytes: 8)  // fresh memory: NaN
    try device.gemm(GPUGemm(m: 2, n: 1, k: 2, a: a, lda: 2, b: b, ldb: 2, inputType: .f32, c: c, ldc: 2, outputType: .f32))
    #expect(try readBack(device, c, 2, .f32) == [4, 6])
  }

  @Test("fresh allocations read as NaN in both storage types")
  func freshMemoryIsNaN() throws {
    let device = SimDevice()
    let p = try device.allocate(bytes: 16)
    #expect(try readBack(device, p, 4, .f32).allSatisfy(\.isNaN))
    #expect(try readBack(device, p, 8, .f16).allSatisfy(\.isNaN))
  }

  @Test("out-of-bounds copies and GEMM operands are refused")
  func boundsChecks() throws {
    let device = SimDevice()
    let p = try device.allocate(bytes: 16)
    let five = [Float](repeating: 1, count: 5)
    #expect(throws: GPUError.self) { try five.withUnsafeBytes { try device.upload($0, to: p) } }
    #expect(throws: GPUError.self) { try device.zero(p.advanced(byBytes: 8), bytes: 12) }
    #expect(throws: GPUError.self) { try device.zero(DevicePointer(address: 64), bytes: 4) }
    // A 2×2 product needs 4 floats of C at ldc 2, but lda 3 reaches past A's 4 floats.
    #expect(throws: GPUError.self) {
      try device.gemm(GPUGemm(m: 2, n: 2, k: 2, a: p, lda: 3, b: p, ldb: 2, inputType: .f32, c: p, ldc: 2, outputType: .f32))
    }
    #expect(throws: GPUError.self) {
      try device.gemm(GPUGemm(m: 2, n: 2, k: 2, a: p, lda: 1, b: p, ldb: 2, inputType: .f32, c: p, ldc: 2, outputType: .f32))
    }
    device.free(p)
    #expect(device.allocatedBytes == 0)
  }

  @Test("launches check the kernel name and the argument kinds")
  func launchChecks() throws {
    let device = SimDevice()
    let x = try deviceArray(device, [1, 2, 3], .f32)
    let bias = try deviceArray(device, [10], .f32)
    #expect(throws: GPUError.self) {
      try device.launch(GPULaunch(kernel: "tg_nothing", threads: 1, arguments: []))
    }
    #expect(throws: GPUError.self) {
      try device.launch(GPULaunch(kernel: "tg_bias_act", threads: 3, arguments: [.pointer(x), .pointer(bias), .int(3)]))
    }
    #expect(throws: GPUError.self) {
      try device.launch(
        GPULaunch(kernel: "tg_bias_act", threads: 3, arguments: [.pointer(x), .pointer(bias), .int(3), .float(1), .int(0)]))
    }
    // x[j][0] = relu(x[j][0] + 10) over 3 rows of 1 channel, with a grid of one 256-thread block.
    try device.launch(
      GPULaunch(kernel: "tg_bias_act", threads: 3, arguments: [.pointer(x), .pointer(bias), .int(3), .int(1), .int(1)]))
    #expect(try readBack(device, x, 3, .f32) == [11, 12, 13])
    #expect(device.counts.launches == 1)
  }

  @Test("FP16 storage rounds to nearest even")
  func halfRounding() throws {
    let device = SimDevice()
    let values: [Float] = [1 + 1.0 / 2048, 1 + 3.0 / 2048, 65519, 1e-8, -0.1]
    let p = try deviceArray(device, values, .f16)
    #expect(try readBack(device, p, 5, .f16) == values.map { Float(Float16($0)) })
    #expect(try readBack(device, p, 2, .f16) == [1, 1 + 4.0 / 2048])
  }
}
