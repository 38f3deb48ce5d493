import CTengenCUDA
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CUDA runtime, driver, cuBLAS and NVRTC, opened at run time (`CTengenCUDA`'s loader):
/// nothing of CUDA is needed to build or to run without a GPU.
public final class CUDALibraries: @unchecked Sendable {
  /// The function table (filled; never changes after loading).
  let api: tengen_cuda_api

  private init(api: tengen_cuda_api) { self.api = api }

  /// The environment variable naming extra library directories (':'-separated), searched
  /// before the default library path, e.g. pip's `.../site-packages/nvidia/cu13/lib`.
  public static let directoriesVariable = "TENGEN_CUDA_LIB_DIRS"

  /// Opens the libraries from `directories` (in order) and, with `defaultSearch`, from the
  /// default library path. Throws `GPUError.unavailable` naming the first library missing and
  /// where it was searched ("CUDA unavailable: libcudart.so.13/.12 not found (searched ...)").
  public static func load(directories: [String], defaultSearch: Bool = true) throws -> CUDALibraries {
    var api = tengen_cuda_api()
    var message = [CChar](repeating: 0, count: 4096)
    let ok = directories.joined(separator: ":").withCString { dirs in
      tengen_cuda_load(dirs, defaultSearch ? 1 : 0, &api, &message, message.count)
    }
    guard ok == 1 else {
      let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw GPUError.unavailable(text)
    }
    return CUDALibraries(api: api)
  }

  private static let cached = Mutex<Result<CUDALibraries, GPUError>?>(nil)

  /// The process's libraries, loaded once from `$TENGEN_CUDA_LIB_DIRS` and the default path.
  public static func shared() throws -> CUDALibraries {
    try cached.withLock { cache in
      if let cache { return try cache.get() }
      let dirs = getenv(directoriesVariable).map { String(cString: $0) } ?? ""
      let result: Result<CUDALibraries, GPUError>
      do {
        result = .success(try load(directories: dirs.split(separator: ":").map(String.init)))
      } catch let e as GPUError {
        result = .failure(e)
      } catch {
        result = .failure(.unavailable("CUDA unavailable: \(error)"))
      }
      cache = result
      return try result.get()
    }
  }

  /// The number of CUDA devices; throws `GPUError.unavailable` when there is none or the
  /// driver refuses ("CUDA unavailable: no usable CUDA device (cudaGetDeviceCount: ...)").
  public func deviceCount() throws -> Int {
    var count: Int32 = 0
    let status = api.cudaGetDeviceCount!(&count)
    guard status == 0, count > 0 else {
      let why = status == 0 ? "0 devices" : runtimeError(status)
      throw GPUError.unavailable("CUDA unavailable: no usable CUDA device (cudaGetDeviceCount: \(why))")
    }
    return Int(count)
  }

  /// "CUDA runtime 13.0, driver 13.0, NVRTC 13.0".
  public var versions: String {
    var runtime: Int32 = 0
    var driver: Int32 = 0
    var major: Int32 = 0
    var minor: Int32 = 0
    _ = api.cudaRuntimeGetVersion!(&runtime)
    _ = api.cudaDriverGetVersion!(&driver)
    _ = api.nvrtcVersion!(&major, &minor)
    func v(_ x: Int32) -> String { "\(x / 1000).\(x % 1000 / 10)" }
    return "CUDA runtime \(v(runtime)), driver \(v(driver)), NVRTC \(major).\(minor)"
  }

  /// The runtime's text for an error code.
  func runtimeError(_ code: Int32) -> String {
    guard let text = api.cudaGetErrorString!(code) else { return "error \(code)" }
    return String(cString: text) + " (\(code))"
  }

  /// The driver's text for an error code.
  func driverError(_ code: Int32) -> String {
    var text: UnsafePointer<CChar>? = nil
    _ = api.cuGetErrorString!(code, &text)
    guard let text else { return "error \(code)" }
    return String(cString: text) + " (\(code))"
  }

  /// cuBLAS status names (cublasStatus_t).
  static func cublasStatus(_ code: Int32) -> String {
    let names: [Int32: String] = [
      1: "CUBLAS_STATUS_NOT_INITIALIZED", 3: "CUBLAS_STATUS_ALLOC_FAILED", 7: "CUBLAS_STATUS_INVALID_VALUE",
      8: "CUBLAS_STATUS_ARCH_MISMATCH", 11: "CUBLAS_STATUS_MAPPING_ERROR", 13: "CUBLAS_STATUS_EXECUTION_FAILED",
      14: "CUBLAS_STATUS_INTERNAL_ERROR", 15: "CUBLAS_STATUS_NOT_SUPPORTED", 16: "CUBLAS_STATUS_LICENSE_ERROR",
    ]
    return (names[code] ?? "cuBLAS status") + " (\(code))"
  }

  /// Throws `GPUError.callFailed` unless a runtime call returned success.
  func check(_ status: Int32, _ call: String) throws {
    if status != 0 { throw GPUError.callFailed("\(call): \(runtimeError(status))") }
  }

  /// Throws unless a driver call returned success.
  func checkDriver(_ status: Int32, _ call: String) throws {
    if status != 0 { throw GPUError.callFailed("\(call): \(driverError(status))") }
  }

  /// Throws unless a cuBLAS call returned success.
  func checkBLAS(_ status: Int32, _ call: String) throws {
    if status != 0 { throw GPUError.callFailed("\(call): \(Self.cublasStatus(status))") }
  }
}
