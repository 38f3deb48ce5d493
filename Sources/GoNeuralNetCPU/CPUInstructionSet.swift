import CTengenCPU

/// The instruction set of the CPU backend's C kernels (CTengenCPU). One binary carries all of
/// them; `default` is chosen once per process from the CPU (AVX-512 F/BW/DQ/VL, else AVX2 + FMA,
/// else portable C) unless the `TENGEN_CPU_ISA` environment variable (generic, avx2 or avx512)
/// names a supported one. All of them give bit-identical outputs.
public enum CPUInstructionSet: Int32, Sendable, CaseIterable, CustomStringConvertible {
  /// Portable C, one float at a time.
  case generic = 0
  /// AVX2 + FMA, 8 floats per vector.
  case avx2 = 1
  /// AVX-512 F/BW/DQ/VL, 16 floats per vector.
  case avx512 = 2

  /// The instruction set the CPU backend uses unless told otherwise.
  public static let `default` = CPUInstructionSet(rawValue: tengen_isa_default()) ?? .generic

  /// The instruction sets this CPU can run, narrowest first.
  public static var supported: [CPUInstructionSet] { allCases.filter { tengen_isa_supported($0.rawValue) != 0 } }

  /// "generic", "avx2" or "avx512" (the values of `TENGEN_CPU_ISA`).
  public var description: String { String(cString: tengen_isa_name(rawValue)) }
}
