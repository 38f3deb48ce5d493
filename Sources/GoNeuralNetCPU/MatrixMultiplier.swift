import CTengenCPU

/// Single-precision matrix multiplication, row-major: C = alpha·op(A)·op(B) + beta·C.
public protocol MatrixMultiplier: Sendable {
  /// A short name ("openblas", "accelerate", "simd").
  var name: String { get }
  /// Computes C[m×n] = alpha·op(A)[m×k]·op(B)[k×n] + beta·C, all row-major with leading dims.
  func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int)
}

/// The best matrix multiplier available on this platform: row-stable products without
/// transposes (every product whose rows are batch samples) with the kernels of `isa`, BLAS for
/// the rest.
public func defaultMatrixMultiplier(isa: CPUInstructionSet = .default) -> any MatrixMultiplier {
  #if canImport(CBLAS) || canImport(Accelerate)
    return RowStableMatrixMultiplier(fallback: BLASMatrixMultiplier(), isa: isa)
  #else
    return RowStableMatrixMultiplier(fallback: SIMDMatrixMultiplier(), isa: isa)
  #endif
}

/// sgemm whose result for a row of A does not depend on the other rows in the call: products
/// without transposes go to `tengen_sgemm_rows` (one chain of fused multiply-adds per element,
/// in k order, whatever kernel computes it); transposed ones to `fallback`.
///
/// The network's batches put samples in rows, so with this a position's outputs are the same
/// in every batch (bit for bit), which keeps seeded self-play reproducible whatever batches the
/// thread timing forms. BLAS kernels differ at the edges (OpenBLAS's Haswell sgemm computes the
/// last rows of a call, beyond a multiple of 12, by other kernels with other roundings).
/// The transposed products are per sample, the same shapes in any batch (the CPU backend's
/// attention needs none: `tengen_attention` transposes K itself).
public struct RowStableMatrixMultiplier: MatrixMultiplier {
  /// The multiplier for transposed operands.
  public let fallback: any MatrixMultiplier
  /// The instruction set of `tengen_sgemm_rows` (every one gives the same bits).
  public let isa: CPUInstructionSet
  public var name: String { "rowstable-\(isa)+" + fallback.name }

  public init(fallback: any MatrixMultiplier, isa: CPUInstructionSet = .default) {
    self.fallback = fallback
    self.isa = isa
  }

  public func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    guard m > 0 && n > 0 else { return }
    if transA || transB {
      fallback.gemm(
        transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
        beta: beta, c: c, ldc: ldc)
      return
    }
    tengen_sgemm_rows(
      isa.rawValue, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }
}
