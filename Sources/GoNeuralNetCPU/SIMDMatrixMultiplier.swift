/// A portable pure-Swift sgemm (row panels of C updated with SIMD8 axpy); the fallback when no
/// BLAS library is available, and a cross-check for the BLAS path in tests.
public struct SIMDMatrixMultiplier: MatrixMultiplier {
  /// "simd".
  public let name = "simd"

  /// Creates the multiplier.
  public init() {}

  /// Computes C = alpha·op(A)·op(B) + beta·C.
  public func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    guard m > 0 && n > 0 else { return }
    // Materialise op(B) row-major [k][n] when transposed so the inner loop is contiguous.
    var bt: [Float] = []
    var bp = b
    var ldbEff = ldb
    if transB {
      bt = [Float](repeating: 0, count: k * n)
      for p in 0..<k { for j in 0..<n { bt[p * n + j] = b[j * ldb + p] } }
      ldbEff = n
    }
    bt.withUnsafeBufferPointer { tb in
      if transB, let base = tb.baseAddress { bp = base }
      for i in 0..<m {
        let crow = c + i * ldc
        if beta == 0 {
          for j in 0..<n { crow[j] = 0 }
        } else if beta != 1 {
          for j in 0..<n { crow[j] *= beta }
        }
        for p in 0..<k {
          let av = alpha * (transA ? a[p * lda + i] : a[i * lda + p])
          if av == 0 { continue }
          let brow = bp + p * ldbEff
          var j = 0
          let s = SIMD8<Float>(repeating: av)
          while j + 8 <= n {
            let bv = UnsafeRawPointer(brow + j).loadUnaligned(as: SIMD8<Float>.self)
            let cv = UnsafeRawPointer(crow + j).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(crow + j).storeBytes(of: cv + s * bv, as: SIMD8<Float>.self)
            j += 8
          }
          while j < n {
            crow[j] += av * brow[j]
            j += 1
          }
        }
      }
    }
  }
}
