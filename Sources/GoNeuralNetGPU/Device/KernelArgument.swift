/// One argument of a kernel launch, in the kernel's parameter order.
public enum KernelArgument: Sendable, Equatable {
  /// A device pointer (`T*` / `const T*` in CUDA C).
  case pointer(DevicePointer)
  /// A 32-bit signed integer (`int`).
  case int(Int32)
  /// A 32-bit float (`float`).
  case float(Float)

  /// The parameter kind this argument fills.
  public var kind: KernelParameterKind {
    switch self {
    case .pointer: return .pointer
    case .int: return .int
    case .float: return .float
    }
  }
}
