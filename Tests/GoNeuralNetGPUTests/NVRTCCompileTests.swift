import Foundation
import Testing

@testable import GoNeuralNetGPU

/// NVRTC from `$TENGEN_CUDA_LIB_DIRS` or the default library path, where installed (pip's
/// `nvidia-cuda-nvrtc` wheel is enough: no GPU or driver is needed to compile).
let installedNVRTC: NVRTCCompiler? = {
  let dirs = ProcessInfo.processInfo.environment[CUDALibraries.directoriesVariable] ?? ""
  return try? NVRTCCompiler.load(directories: dirs.split(separator: ":").map(String.init))
}()

@Suite("NVRTC compile of the kernel library")
struct NVRTCCompileTests {
  @Test(
    "NVRTC compiles every kernel for Ampere, Ada and Hopper without a warning",
    .enabled(if: installedNVRTC != nil), arguments: ["sm_80", "sm_89", "sm_90"])
  func compiles(_ architecture: String) throws {
    let nvrtc = try #require(installedNVRTC)
    let (cubin, log) = try nvrtc.compile(GPUKernels.source, architecture: architecture)
    print("NVRTC \(nvrtc.version) \(architecture): \(cubin.count)-byte cubin, log '\(log)'")
    #expect(cubin.count > 1000)
    #expect(Array(cubin.prefix(4)) == [0x7F, 0x45, 0x4C, 0x46], "a cubin is an ELF file")
    #expect(log.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(log)")
    // Every kernel is exported under its unmangled name.
    let text = String(decoding: cubin, as: UTF8.self)
    for k in GPUKernels.all { #expect(text.contains(k.name), "\(k.name) missing from the cubin") }
  }

  @Test("a missing NVRTC is reported in one line")
  func missing() {
    #expect(throws: GPUError.unavailable("NVRTC unavailable: libnvrtc.so.13/.12 not found (searched /nonexistent)")) {
      _ = try NVRTCCompiler.load(directories: ["/nonexistent"], defaultSearch: false)
    }
  }
}
