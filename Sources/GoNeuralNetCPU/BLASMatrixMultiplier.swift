#if canImport(Accelerate)
  import Accelerate
#elseif canImport(CBLAS)
  import CBLAS
#endif

#if canImport(CBLAS) || canImport(Accelerate)
  /// sgemm from OpenBLAS (Linux) or Accelerate (Apple), single-threaded per call: the CPU backend
  /// splits work across its own thread pool.
  public struct BLASMatrixMultiplier: MatrixMultiplier {
    /// "openblas" or "accelerate".
    public var name: String {
      #if canImport(Accelerate)
        return "accelerate"
      #else
        return "openblas"
      #endif
    }

    /// Creates the multiplier and restricts the BLAS library to one thread per call.
    public init() {
      #if !canImport(Accelerate)
        openblas_set_num_threads(1)
      #endif
    }

    /// Calls cblas_sgemm.
    public func gemm(
      transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
      guard m > 0 && n > 0 else { return }
      cblas_sgemm(
        CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
  }
#endif
