/// Why a GPU operation failed.
public enum GPUError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The CUDA libraries or a device are missing (the whole message, ready to print).
  case unavailable(String)
  /// A library call returned an error status: the call and the library's own words.
  case callFailed(String)
  /// A call the device refuses (bad sizes, out-of-bounds or unknown pointers, unknown kernels,
  /// wrong kernel arguments): the same contract on `CUDADevice` and `SimDevice`.
  case invalid(String)

  public var description: String {
    switch self {
    case .unavailable(let m): return m
    case .callFailed(let m): return "GPU call failed: \(m)"
    case .invalid(let m): return "invalid GPU call: \(m)"
    }
  }
}
