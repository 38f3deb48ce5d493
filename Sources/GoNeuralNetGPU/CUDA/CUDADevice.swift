import CTengenCUDA

/// A `GPUDevice` on a CUDA GPU through `CUDALibraries`: one stream, one cuBLAS handle (default
/// math: FP32 GEMMs stay FP32, no TF32) and the kernel library compiled by NVRTC for the
/// device's architecture at creation.
///
/// It cannot run on the machine it was written on (no GPU); it is kept to plain, one-to-one
/// calls so that `SimDevice`, which the tests run, mirrors it.
public final class CUDADevice: GPUDevice, @unchecked Sendable {
  let cuda: CUDALibraries
  /// The device index.
  public let index: Int
  /// Compute capability, e.g. (9, 0).
  public let computeCapability: (major: Int, minor: Int)
  /// Streaming multiprocessors.
  public let multiprocessors: Int
  let stream: tg_stream
  let blas: tg_cublas_handle
  let module: tg_cu_module
  /// Kernel name → function handle.
  let functions: [String: tg_cu_function]
  /// Seconds NVRTC took to compile the kernel library.
  public let compileSeconds: Double

  /// Opens device `index`: makes it current, creates a stream and a cuBLAS handle bound to it,
  /// compiles `GPUKernels.source` for its architecture and loads every kernel.
  public init(cuda: CUDALibraries, index: Int) throws {
    self.cuda = cuda
    self.index = index
    let api = cuda.api
    let count = try cuda.deviceCount()
    guard index >= 0 && index < count else {
      throw GPUError.unavailable("CUDA unavailable: no CUDA device \(index) (\(count) device\(count == 1 ? "" : "s"))")
    }
    try cuda.check(api.cudaSetDevice!(Int32(index)), "cudaSetDevice(\(index))")
    try cuda.checkDriver(api.cuInit!(0), "cuInit")
    // cudaFree(NULL) creates the device's primary context, which the driver calls then use.
    try cuda.check(api.cudaFree!(nil), "cudaFree(NULL)")
    func attribute(_ a: Int32, _ name: String) throws -> Int {
      var v: Int32 = 0
      try cuda.check(api.cudaDeviceGetAttribute!(&v, a, Int32(index)), "cudaDeviceGetAttribute(\(name))")
      return Int(v)
    }
    computeCapability = (
      try attribute(Int32(TG_DEV_ATTR_COMPUTE_CAPABILITY_MAJOR), "major"),
      try attribute(Int32(TG_DEV_ATTR_COMPUTE_CAPABILITY_MINOR), "minor")
    )
    multiprocessors = try attribute(Int32(TG_DEV_ATTR_MULTIPROCESSOR_COUNT), "SMs")
    var s: tg_stream? = nil
    try cuda.check(api.cudaStreamCreate!(&s), "cudaStreamCreate")
    stream = s!
    var h: tg_cublas_handle? = nil
    try cuda.checkBLAS(api.cublasCreate_v2!(&h), "cublasCreate")
    blas = h!
    try cuda.checkBLAS(api.cublasSetStream_v2!(blas, stream), "cublasSetStream")
    try cuda.checkBLAS(api.cublasSetMathMode!(blas, Int32(TG_CUBLAS_DEFAULT_MATH)), "cublasSetMathMode")
    let clock = ContinuousClock()
    let start = clock.now
    let cubin = try NVRTCCompiler(api: cuda.api).compile(
      GPUKernels.source, architecture: "sm_\(computeCapability.major)\(computeCapability.minor)"
    ).cubin
    let elapsed = clock.now - start
    compileSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    var m: tg_cu_module? = nil
    try cubin.withUnsafeBytes { bytes in
      try cuda.checkDriver(api.cuModuleLoadData!(&m, bytes.baseAddress!), "cuModuleLoadData")
    }
    module = m!
    var table: [String: tg_cu_function] = [:]
    for kernel in GPUKernels.all {
      var f: tg_cu_function? = nil
      try cuda.checkDriver(api.cuModuleGetFunction!(&f, module, kernel.name), "cuModuleGetFunction(\(kernel.name))")
      table[kernel.name] = f!
    }
    functions = table
  }

  deinit {
    let api = cuda.api
    _ = api.cudaSetDevice!(Int32(index))
    _ = api.cudaStreamSynchronize!(stream)
    _ = api.cuModuleUnload!(module)
    _ = api.cublasDestroy_v2!(blas)
    _ = api.cudaStreamDestroy!(stream)
  }

  public var deviceDescription: String {
    var free = 0
    var total = 0
    _ = cuda.api.cudaMemGetInfo!(&free, &total)
    return "CUDA device \(index): sm_\(computeCapability.major)\(computeCapability.minor), \(multiprocessors) SMs, "
      + "\(total >> 20) MiB (\(free >> 20) free), \(cuda.versions)"
  }

  public func activate() throws {
    try cuda.check(cuda.api.cudaSetDevice!(Int32(index)), "cudaSetDevice(\(index))")
  }

  public func allocate(bytes: Int) throws -> DevicePointer {
    guard bytes > 0 else { throw GPUError.invalid("allocate: \(bytes) bytes") }
    var p: UnsafeMutableRawPointer? = nil
    try cuda.check(cuda.api.cudaMalloc!(&p, bytes), "cudaMalloc(\(bytes))")
    return DevicePointer(address: UInt64(UInt(bitPattern: p)))
  }

  public func free(_ pointer: DevicePointer) {
    guard pointer != .null else { return }
    _ = cuda.api.cudaFree!(UnsafeMutableRawPointer(bitPattern: UInt(pointer.address)))
  }

  /// The device pointer as the C API takes it.
  @inline(__always)
  func raw(_ p: DevicePointer) -> UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: UInt(p.address)) }

  public func upload(_ source: UnsafeRawBufferPointer, to destination: DevicePointer) throws {
    guard source.count > 0 else { return }
    try cuda.check(
      cuda.api.cudaMemcpyAsync!(raw(destination), source.baseAddress, source.count, Int32(TG_MEMCPY_HOST_TO_DEVICE), stream),
      "cudaMemcpyAsync(host to device, \(source.count) bytes)")
  }

  public func download(from source: DevicePointer, into destination: UnsafeMutableRawBufferPointer) throws {
    guard destination.count > 0 else { return }
    try cuda.check(
      cuda.api.cudaMemcpyAsync!(destination.baseAddress, raw(source), destination.count, Int32(TG_MEMCPY_DEVICE_TO_HOST), stream),
      "cudaMemcpyAsync(device to host, \(destination.count) bytes)")
    try synchronize()
  }

  public func zero(_ pointer: DevicePointer, bytes: Int) throws {
    guard bytes > 0 else { return }
    try cuda.check(cuda.api.cudaMemsetAsync!(raw(pointer), 0, bytes, stream), "cudaMemsetAsync(\(bytes))")
  }

  public func synchronize() throws {
    try cuda.check(cuda.api.cudaStreamSynchronize!(stream), "cudaStreamSynchronize")
  }
}
