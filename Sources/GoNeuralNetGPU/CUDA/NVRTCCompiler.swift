import CTengenCUDA

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// NVRTC, CUDA's run-time compiler: CUDA C to a cubin for one architecture. It needs no GPU
/// and no driver, so the kernel library's CUDA C can be compiled on any machine that has
/// `libnvrtc` (`load`), which the tests do where it is installed.
public final class NVRTCCompiler: @unchecked Sendable {
  /// The NVRTC entries of a function table (the others may be null).
  let api: tengen_cuda_api

  /// Uses the NVRTC of an already loaded table (`CUDALibraries`).
  init(api: tengen_cuda_api) { self.api = api }

  /// Opens only libnvrtc (`.so.13`, then `.12`) from `directories`, then (with `defaultSearch`)
  /// the default library path; throws `GPUError.unavailable` naming what was searched.
  public static func load(directories: [String], defaultSearch: Bool = true) throws -> NVRTCCompiler {
    var api = tengen_cuda_api()
    var message = [CChar](repeating: 0, count: 4096)
    let ok = directories.joined(separator: ":").withCString { dirs in
      tengen_nvrtc_load(dirs, defaultSearch ? 1 : 0, &api, &message, message.count)
    }
    guard ok == 1 else {
      throw GPUError.unavailable(message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }
    return NVRTCCompiler(api: api)
  }

  /// "13.0".
  public var version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    _ = api.nvrtcVersion!(&major, &minor)
    return "\(major).\(minor)"
  }

  /// Compiles `source` for `architecture` (e.g. "sm_90") to a cubin, with NVRTC's log (empty
  /// when it had nothing to say); a failure throws `GPUError.callFailed` carrying the log.
  public func compile(_ source: String, architecture: String) throws -> (cubin: [UInt8], log: String) {
    var program: tg_nvrtc_program? = nil
    try check(api.nvrtcCreateProgram!(&program, source, "tengen_kernels.cu", 0, nil, nil), "nvrtcCreateProgram")
    defer { _ = api.nvrtcDestroyProgram!(&program) }
    let options = ["--gpu-architecture=\(architecture)", "--std=c++17"]
    let cOptions = options.map { strdup($0) }
    defer { for o in cOptions { Self.release(o) } }
    let status = cOptions.map { UnsafePointer($0) }.withUnsafeBufferPointer { buffer in
      api.nvrtcCompileProgram!(program, Int32(buffer.count), buffer.baseAddress)
    }
    var size = 0
    _ = api.nvrtcGetProgramLogSize!(program, &size)
    var logBytes = [CChar](repeating: 0, count: max(size, 1))
    _ = api.nvrtcGetProgramLog!(program, &logBytes)
    let log = logBytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    if status != 0 {
      throw GPUError.callFailed("nvrtcCompileProgram(\(architecture)): \(errorText(status))\n\(log)")
    }
    var cubinSize = 0
    try check(api.nvrtcGetCUBINSize!(program, &cubinSize), "nvrtcGetCUBINSize")
    var cubin = [UInt8](repeating: 0, count: cubinSize)
    try cubin.withUnsafeMutableBufferPointer { b in
      try b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: cubinSize) {
        try check(api.nvrtcGetCUBIN!(program, $0), "nvrtcGetCUBIN")
      }
    }
    return (cubin, log)
  }

  /// NVRTC's text for a result code.
  func errorText(_ code: Int32) -> String {
    guard let text = api.nvrtcGetErrorString!(code) else { return "error \(code)" }
    return String(cString: text) + " (\(code))"
  }

  private func check(_ status: Int32, _ call: String) throws {
    if status != 0 { throw GPUError.callFailed("\(call): \(errorText(status))") }
  }

  /// Frees a `strdup` copy.
  private static func release(_ p: UnsafeMutablePointer<CChar>?) { free(p) }
}
