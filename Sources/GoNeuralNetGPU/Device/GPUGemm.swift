/// One cuBLAS GEMM, with cuBLAS's column-major semantics, FP32 accumulation
/// (`CUBLAS_COMPUTE_32F`) and FP32 `alpha`/`beta`, optionally strided-batched:
///
///     for p in 0..<batchCount:
///       C_p[i + j·ldc] = alpha · Σ_l op(A_p)(i, l) · op(B_p)(l, j) + beta · C_p[i + j·ldc]
///
/// for i < m, j < n, l < k, where op(A)(i, l) is `A[i + l·lda]` (or `A[l + i·lda]` when
/// `transA`), op(B)(l, j) is `B[l + j·ldb]` (or `B[j + l·ldb]` when `transB`), and
/// X_p = X + p·strideX elements. With beta = 0, C is not read (it may hold NaN).
///
/// A and B must share one storage type; C may differ (FP16 inputs with an FP32 result are
/// allowed, as in cuBLAS). Requirements (checked by both devices): m, n, k ≥ 0; lda ≥ max(1,
/// rows of A as stored), ldb likewise, ldc ≥ max(1, m); batchCount ≥ 1.
///
/// A row-major `[rows][inC]` activation times a row-major `[inC][outC]` weight into row-major
/// `[rows][outC]` is, in these terms, m = outC, n = rows, k = inC, A = weight (lda = outC),
/// B = activation (ldb = inC), C = result (ldc = outC), no transposes.
public struct GPUGemm: Sendable {
  public var transA = false
  public var transB = false
  public var m: Int
  public var n: Int
  public var k: Int
  public var alpha: Float = 1
  public var a: DevicePointer
  public var lda: Int
  public var strideA = 0
  public var b: DevicePointer
  public var ldb: Int
  public var strideB = 0
  /// The storage type of A and B.
  public var inputType: GPUScalarType
  public var beta: Float = 0
  public var c: DevicePointer
  public var ldc: Int
  public var strideC = 0
  public var outputType: GPUScalarType
  public var batchCount = 1

  public init(
    transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: DevicePointer, lda: Int, strideA: Int = 0, b: DevicePointer, ldb: Int, strideB: Int = 0,
    inputType: GPUScalarType, beta: Float = 0, c: DevicePointer, ldc: Int, strideC: Int = 0,
    outputType: GPUScalarType, batchCount: Int = 1
  ) {
    self.transA = transA
    self.transB = transB
    self.m = m
    self.n = n
    self.k = k
    self.alpha = alpha
    self.a = a
    self.lda = lda
    self.strideA = strideA
    self.b = b
    self.ldb = ldb
    self.strideB = strideB
    self.inputType = inputType
    self.beta = beta
    self.c = c
    self.ldc = ldc
    self.strideC = strideC
    self.outputType = outputType
    self.batchCount = batchCount
  }

  /// Rows of A as stored (column length): m, or k when transposed.
  public var storedRowsA: Int { transA ? k : m }
  /// Rows of B as stored: k, or n when transposed.
  public var storedRowsB: Int { transB ? n : k }

  /// Throws `GPUError.invalid` when the shape breaks cuBLAS's requirements.
  public func validate() throws {
    guard m >= 0, n >= 0, k >= 0, batchCount >= 1 else {
      throw GPUError.invalid("gemm: negative size or batch count (m \(m) n \(n) k \(k) batch \(batchCount))")
    }
    guard lda >= max(1, storedRowsA), ldb >= max(1, storedRowsB), ldc >= max(1, m) else {
      throw GPUError.invalid("gemm: leading dimension too small (lda \(lda) ldb \(ldb) ldc \(ldc) for m \(m) n \(n) k \(k))")
    }
  }
}
