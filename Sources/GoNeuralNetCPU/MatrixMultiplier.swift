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

/// The best matrix multiplier available on this platform.
public func defaultMatrixMultiplier() -> any MatrixMultiplier {
  #if canImport(CBLAS) || canImport(Accelerate)
    return BLASMatrixMultiplier()
  #else
    return SIMDMatrixMultiplier()
  #endif
}
