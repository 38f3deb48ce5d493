/// One device kernel: its CUDA C definition (compiled by NVRTC on `CUDADevice`) and its Swift
/// twin (run by `SimDevice`), with one parameter list for both.
///
/// Every kernel is one-dimensional: the CUDA C body starts with
/// `long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;` and must return when `i`
/// is past its element count; the twin, given the arguments, returns the body of thread `i`,
/// written to mirror the CUDA C line by line (same index arithmetic, same float operations, same
/// loop order), reading and writing through bounds-checked `SimTensor`s.
public struct GPUKernel: Sendable {
  /// The body of one thread, given its global index.
  public typealias ThreadBody = (Int) -> Void
  /// Prepares a launch's thread body from its arguments.
  public typealias Twin = @Sendable (SimArguments) -> ThreadBody

  /// The kernel's base name; `name` adds the storage suffix.
  public let baseName: String
  /// The storage type `T` stands for, or nil for kernels without `T`.
  public let storage: GPUScalarType?
  /// The parameters, in order.
  public let parameters: [KernelParameter]
  /// The CUDA C statements of one thread (after `i` is defined).
  public let body: String
  /// The Swift twin.
  public let twin: Twin

  /// Declares a kernel; `parameters` are declarations like `"const T* x"` (see `KernelParameter`).
  public init(
    _ baseName: String, storage: GPUScalarType? = nil, parameters: [String], body: String,
    twin: @escaping Twin
  ) {
    self.baseName = baseName
    self.storage = storage
    self.parameters = parameters.map(KernelParameter.init)
    self.body = body
    self.twin = twin
  }

  /// The exported (unmangled, `extern "C"`) name: `tg_<base>` or `tg_<base>_<f32|f16>`.
  public var name: String { "tg_" + baseName + (storage.map { "_" + $0.suffix } ?? "") }

  /// The complete CUDA C definition.
  public var source: String {
    let params = parameters.map { $0.cDeclaration(storage: storage) }.joined(separator: ", ")
    var text = "extern \"C\" __global__ void \(name)(\(params)) {\n"
    text += "  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;\n"
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
      text += "  " + line + "\n"
    }
    return text + "}\n"
  }

  /// Throws `GPUError.invalid` unless `arguments` match the parameters in number and kind.
  public func check(_ arguments: [KernelArgument]) throws {
    guard arguments.count == parameters.count else {
      throw GPUError.invalid("\(name) takes \(parameters.count) arguments, got \(arguments.count)")
    }
    for (p, a) in zip(parameters, arguments) where p.kind != a.kind {
      throw GPUError.invalid("\(name): argument \(p.name) must be \(p.kind), got \(a)")
    }
  }
}
