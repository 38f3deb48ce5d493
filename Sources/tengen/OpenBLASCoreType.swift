import Foundation

/// OpenBLAS picks its kernels from the CPU model at load time and falls back to slow generic
/// ("Prescott") kernels on virtual CPUs it does not recognise. `OPENBLAS_CORETYPE` overrides
/// that, but only before the library loads, so the NN commands re-run themselves once with it
/// set from the CPU's feature flags.
enum OpenBLASCoreType {
  /// Re-executes the process with OPENBLAS_CORETYPE set, unless it is set already or unknown.
  static func ensure() {
    #if os(Linux)
      guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
        let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let flagsLine = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
      else { return }
      let flags = Set(flagsLine.split(separator: " ").map(String.init))
      let core = flags.contains("avx512f") ? "SkylakeX" : flags.contains("avx2") ? "Haswell" : nil
      guard let core else { return }
      setenv("OPENBLAS_CORETYPE", core, 1)
      execv("/proc/self/exe", CommandLine.unsafeArgv)
      // execv only returns on failure: carry on with whatever OpenBLAS chose.
    #endif
  }
}
