import CTengenCUDA

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Frees a C string from `strdup` (a free function, so that `free` is libc's, not `GPUDevice.free`).
private func releaseCString(_ p: UnsafeMutablePointer<CChar>?) { free(p) }

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

  /// Compiles `source` with NVRTC for `architecture` (e.g. "sm_90") to a cubin; a failure
  /// carries NVRTC's log.
  static func compile(cuda: CUDALibraries, source: String, architecture: String) throws -> [UInt8] {
    let api = cuda.api
    var program: tg_nvrtc_program? = nil
    try check(cuda, api.nvrtcCreateProgram!(&program, source, "tengen_kernels.cu", 0, nil, nil), "nvrtcCreateProgram")
    defer { _ = api.nvrtcDestroyProgram!(&program) }
    let options = ["--gpu-architecture=\(architecture)", "--std=c++17"]
    var cOptions = options.map { strdup($0) }
    defer { for o in cOptions { releaseCString(o) } }
    let status = cOptions.withUnsafeMutableBufferPointer { buffer -> Int32 in
      buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
        api.nvrtcCompileProgram!(program, Int32(buffer.count), $0)
      }
    }
    if status != 0 {
      var size = 0
      _ = api.nvrtcGetProgramLogSize!(program, &size)
      var log = [CChar](repeating: 0, count: max(size, 1))
      _ = api.nvrtcGetProgramLog!(program, &log)
      let text = log.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw GPUError.callFailed("nvrtcCompileProgram(\(architecture)): \(cuda.nvrtcError(status))\n\(text)")
    }
    var size = 0
    try check(cuda, api.nvrtcGetCUBINSize!(program, &size), "nvrtcGetCUBINSize")
    var cubin = [UInt8](repeating: 0, count: size)
    try cubin.withUnsafeMutableBufferPointer { b in
      try b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: size) {
        try check(cuda, api.nvrtcGetCUBIN!(program, $0), "nvrtcGetCUBIN")
      }
    }
    return cubin
  }

  private static func check(_ cuda: CUDALibraries, _ status: Int32, _ call: String) throws {
    if status != 0 { throw GPUError.callFailed("\(call): \(cuda.nvrtcError(status))") }
  }
}
