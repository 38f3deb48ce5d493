import Synchronization

/// A `GPUDevice` in host memory: the test double of `CUDADevice`, with the same contract.
///
/// * Memory: every allocation is host memory (256-byte aligned) whose address is the device
///   pointer; fresh allocations are filled with 0xFF bytes (NaN as FP32 and FP16), so reading
///   memory nobody wrote shows up as NaN in the outputs. Every access of a GEMM or a kernel
///   is checked against the allocation its pointer falls in.
/// * GEMM: cuBLAS's column-major semantics exactly as `GPUGemm` states them (transposes,
///   leading dimensions, alpha/beta, strided batches), FP16 operands converted to FP32, FP32
///   accumulation in k order.
/// * Kernels: a launch runs the kernel's executor on every thread index of the grid in order:
///   by default the Swift twin; `executor` may run something else with the same arguments (the
///   tests run the CUDA C source compiled for the host).
/// * `trace` records every operation when `tracing` is on (tests check launch order).
public final class SimDevice: GPUDevice, @unchecked Sendable {
  /// Runs one launch: the kernel, its checked arguments (already resolved), and the launch.
  public typealias Executor = @Sendable (GPUKernel, SimArguments, GPULaunch) throws -> Void

  /// Runs a launch thread by thread through the kernel's Swift twin.
  public static let twinExecutor: Executor = { kernel, arguments, launch in
    let body = kernel.twin(arguments)
    for i in 0..<launch.threads { body(i) }
  }

  let executor: Executor
  let state = Mutex(State())

  struct State {
    /// Allocation base address → size in bytes.
    var allocations: [UInt64: Int] = [:]
    /// The bases, sorted (for lookups by address).
    var sortedBases: [UInt64] = []
    var tracing = false
    var trace: [String] = []
    var launches = 0
    var gemms = 0
  }

  /// A simulator running kernels with `executor` (default: the Swift twins).
  public init(executor: @escaping Executor = SimDevice.twinExecutor) {
    self.executor = executor
  }

  deinit {
    state.withLock { s in
      for (base, _) in s.allocations { UnsafeMutableRawPointer(bitPattern: UInt(base))?.deallocate() }
    }
  }

  public var deviceDescription: String { "simulator (host memory, Swift twins of the CUDA kernels)" }

  /// Whether operations are recorded in `trace`.
  public var tracing: Bool {
    get { state.withLock { $0.tracing } }
    set { state.withLock { $0.tracing = newValue } }
  }

  /// The recorded operations: `gemm m×n×k[×batch]`, kernel names, `upload`, `download`, `zero`.
  public var trace: [String] { state.withLock { $0.trace } }

  /// Clears `trace`.
  public func clearTrace() { state.withLock { $0.trace.removeAll() } }

  /// Kernel launches and GEMMs so far.
  public var counts: (launches: Int, gemms: Int) { state.withLock { ($0.launches, $0.gemms) } }

  /// Bytes currently allocated.
  public var allocatedBytes: Int { state.withLock { $0.allocations.values.reduce(0, +) } }

  func record(_ entry: String) {
    state.withLock { if $0.tracing { $0.trace.append(entry) } }
  }

  public func activate() throws {}

  public func allocate(bytes: Int) throws -> DevicePointer {
    guard bytes > 0 else { throw GPUError.invalid("allocate: \(bytes) bytes") }
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 256)
    raw.initializeMemory(as: UInt8.self, repeating: 0xFF, count: bytes)
    let base = UInt64(UInt(bitPattern: raw))
    state.withLock { s in
      s.allocations[base] = bytes
      let at = s.sortedBases.firstIndex { $0 > base } ?? s.sortedBases.count
      s.sortedBases.insert(base, at: at)
    }
    return DevicePointer(address: base)
  }

  public func free(_ pointer: DevicePointer) {
    guard pointer != .null else { return }
    let known = state.withLock { s -> Bool in
      guard s.allocations.removeValue(forKey: pointer.address) != nil else { return false }
      s.sortedBases.removeAll { $0 == pointer.address }
      return true
    }
    precondition(known, "free of \(pointer), which is not an allocation")
    UnsafeMutableRawPointer(bitPattern: UInt(pointer.address))?.deallocate()
  }

  /// The host address of `pointer` and the bytes from it to the end of its allocation; throws
  /// when it is in no allocation or fewer than `bytes` remain. Null gives an empty region.
  func region(_ pointer: DevicePointer, bytes: Int = 0, what: String) throws
    -> (base: UnsafeMutableRawPointer, bytes: Int)
  {
    if pointer == .null && bytes == 0 {
      return (UnsafeMutableRawPointer(bitPattern: 0x100)!, 0)
    }
    let found = state.withLock { s -> (UInt64, Int)? in
      // The last base ≤ address.
      var lo = 0
      var hi = s.sortedBases.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if s.sortedBases[mid] <= pointer.address { lo = mid + 1 } else { hi = mid }
      }
      guard lo > 0 else { return nil }
      let base = s.sortedBases[lo - 1]
      return (base, s.allocations[base]!)
    }
    guard let (base, size) = found, pointer.address < base + UInt64(size) else {
      throw GPUError.invalid("\(what): \(pointer) is in no allocation")
    }
    let remaining = Int(base + UInt64(size) - pointer.address)
    guard bytes <= remaining else {
      throw GPUError.invalid("\(what): \(bytes) bytes at \(pointer) overrun its allocation (\(remaining) left)")
    }
    return (UnsafeMutableRawPointer(bitPattern: UInt(pointer.address))!, remaining)
  }

  public func upload(_ source: UnsafeRawBufferPointer, to destination: DevicePointer) throws {
    guard source.count > 0 else { return }
    let r = try region(destination, bytes: source.count, what: "upload")
    r.base.copyMemory(from: source.baseAddress!, byteCount: source.count)
    record("upload")
  }

  public func download(from source: DevicePointer, into destination: UnsafeMutableRawBufferPointer) throws {
    guard destination.count > 0 else { return }
    let r = try region(source, bytes: destination.count, what: "download")
    destination.baseAddress!.copyMemory(from: r.base, byteCount: destination.count)
    record("download")
  }

  public func zero(_ pointer: DevicePointer, bytes: Int) throws {
    guard bytes > 0 else { return }
    let r = try region(pointer, bytes: bytes, what: "zero")
    r.base.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    record("zero")
  }

  public func launch(_ launch: GPULaunch) throws {
    guard let kernel = GPUKernels.named[launch.kernel] else {
      throw GPUError.invalid("no kernel named \(launch.kernel)")
    }
    try kernel.check(launch.arguments)
    guard launch.blocks >= 1, launch.threadsPerBlock >= 1, launch.threadsPerBlock <= 1024 else {
      throw GPUError.invalid("\(kernel.name): bad launch shape \(launch.blocks) × \(launch.threadsPerBlock)")
    }
    let regions = try launch.arguments.enumerated().map { index, argument -> (base: UnsafeMutableRawPointer, bytes: Int)? in
      guard case .pointer(let p) = argument else { return nil }
      return try region(p, what: "\(kernel.name) argument \(kernel.parameters[index].name)")
    }
    let arguments = SimArguments(kernel: kernel.name, values: launch.arguments, regions: regions)
    try executor(kernel, arguments, launch)
    state.withLock { s in
      s.launches += 1
      if s.tracing { s.trace.append(kernel.name) }
    }
  }

  public func synchronize() throws {}
}
