extension SimDevice {
  /// Runs `call` with cuBLAS's semantics (see `GPUGemm`), FP32 accumulation in k order.
  public func gemm(_ call: GPUGemm) throws {
    try call.validate()
    let (m, n, k) = (call.m, call.n, call.k)
    state.withLock { s in
      s.gemms += 1
      if s.tracing { s.trace.append("gemm \(m)x\(n)x\(k)" + (call.batchCount > 1 ? "x\(call.batchCount)" : "")) }
    }
    guard m > 0 && n > 0 else { return }
    let it = call.inputType
    let ot = call.outputType
    // Elements each operand spans, over all batches.
    let colsA = call.transA ? m : k
    let colsB = call.transB ? k : n
    func extent(_ rows: Int, _ cols: Int, _ ld: Int, _ stride: Int) -> Int {
      (rows - 1) + (cols - 1) * ld + (call.batchCount - 1) * stride + 1
    }
    let c = try region(call.c, bytes: extent(m, n, call.ldc, call.strideC) * ot.size, what: "gemm C")
    let cv = SimTensor(base: c.base, count: c.bytes / ot.size, type: ot, label: "gemm C")
    var a: SimTensor? = nil
    var b: SimTensor? = nil
    if k > 0 {
      let ra = try region(call.a, bytes: extent(call.storedRowsA, colsA, call.lda, call.strideA) * it.size, what: "gemm A")
      let rb = try region(call.b, bytes: extent(call.storedRowsB, colsB, call.ldb, call.strideB) * it.size, what: "gemm B")
      a = SimTensor(base: ra.base, count: ra.bytes / it.size, type: it, label: "gemm A")
      b = SimTensor(base: rb.base, count: rb.bytes / it.size, type: it, label: "gemm B")
    }
    // op(A) as [i][l] and op(B) as [j][l], in FP32, so the inner loop runs over contiguous l.
    var opA = [Float](repeating: 0, count: m * k)
    var opB = [Float](repeating: 0, count: n * k)
    for p in 0..<call.batchCount {
      if let a, let b {
        let offA = p * call.strideA
        let offB = p * call.strideB
        for i in 0..<m {
          for l in 0..<k {
            opA[i * k + l] = call.transA ? a[offA + l + i * call.lda] : a[offA + i + l * call.lda]
          }
        }
        for j in 0..<n {
          for l in 0..<k {
            opB[j * k + l] = call.transB ? b[offB + j + l * call.ldb] : b[offB + l + j * call.ldb]
          }
        }
      }
      let offC = p * call.strideC
      opA.withUnsafeBufferPointer { pa in
        opB.withUnsafeBufferPointer { pb in
          for j in 0..<n {
            for i in 0..<m {
              var s: Float = 0
              let ra = pa.baseAddress! + i * k
              let rb = pb.baseAddress! + j * k
              for l in 0..<k { s += ra[l] * rb[l] }
              let index = offC + i + j * call.ldc
              cv[index] = call.beta == 0 ? call.alpha * s : call.alpha * s + call.beta * cv[index]
            }
          }
        }
      }
    }
  }
}
