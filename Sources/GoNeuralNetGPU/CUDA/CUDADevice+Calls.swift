import CTengenCUDA

extension CUDADevice {
  /// `cublasGemmEx`, or `cublasGemmStridedBatchedEx` when `batchCount` > 1, with
  /// `CUBLAS_COMPUTE_32F` and host FP32 alpha/beta: exactly `GPUGemm`'s semantics.
  public func gemm(_ call: GPUGemm) throws {
    try call.validate()
    guard call.m > 0 && call.n > 0 else { return }
    let api = cuda.api
    var alpha = call.alpha
    var beta = call.beta
    let ta = Int32(call.transA ? TG_CUBLAS_OP_T : TG_CUBLAS_OP_N)
    let tb = Int32(call.transB ? TG_CUBLAS_OP_T : TG_CUBLAS_OP_N)
    let it = call.inputType.cudaDataType
    let ot = call.outputType.cudaDataType
    let compute = Int32(TG_CUBLAS_COMPUTE_32F)
    let algo = Int32(TG_CUBLAS_GEMM_DEFAULT)
    if call.batchCount == 1 {
      try cuda.checkBLAS(
        api.cublasGemmEx!(
          blas, ta, tb, Int32(call.m), Int32(call.n), Int32(call.k), &alpha, raw(call.a), it, Int32(call.lda),
          raw(call.b), it, Int32(call.ldb), &beta, raw(call.c), ot, Int32(call.ldc), compute, algo),
        "cublasGemmEx(m \(call.m) n \(call.n) k \(call.k))")
    } else {
      try cuda.checkBLAS(
        api.cublasGemmStridedBatchedEx!(
          blas, ta, tb, Int32(call.m), Int32(call.n), Int32(call.k), &alpha, raw(call.a), it, Int32(call.lda),
          Int64(call.strideA), raw(call.b), it, Int32(call.ldb), Int64(call.strideB), &beta, raw(call.c), ot,
          Int32(call.ldc), Int64(call.strideC), Int32(call.batchCount), compute, algo),
        "cublasGemmStridedBatchedEx(m \(call.m) n \(call.n) k \(call.k) batch \(call.batchCount))")
    }
  }

  /// `cuLaunchKernel` with a 1-D grid on the device's stream; each argument is passed, as the
  /// driver API wants, as a pointer to its value (8-byte slots: pointers as 64-bit addresses,
  /// ints and floats in the low 4 bytes).
  public func launch(_ launch: GPULaunch) throws {
    guard let kernel = GPUKernels.named[launch.kernel], let function = functions[launch.kernel] else {
      throw GPUError.invalid("no kernel named \(launch.kernel)")
    }
    try kernel.check(launch.arguments)
    var slots = launch.arguments.map { a -> UInt64 in
      switch a {
      case .pointer(let p): return p.address
      case .int(let v): return UInt64(UInt32(bitPattern: v))
      case .float(let v): return UInt64(v.bitPattern)
      }
    }
    try slots.withUnsafeMutableBufferPointer { values in
      var pointers: [UnsafeMutableRawPointer?] = (0..<values.count).map {
        UnsafeMutableRawPointer(values.baseAddress! + $0)
      }
      try pointers.withUnsafeMutableBufferPointer { params in
        try cuda.checkDriver(
          cuda.api.cuLaunchKernel!(
            function, UInt32(launch.blocks), 1, 1, UInt32(launch.threadsPerBlock), 1, 1, 0, stream,
            params.baseAddress, nil),
          "cuLaunchKernel(\(launch.kernel), \(launch.blocks) blocks)")
      }
    }
  }
}
