/// The C type class of a kernel parameter.
public enum KernelParameterKind: Sendable, Equatable {
  /// Any pointer.
  case pointer
  /// `int`.
  case int
  /// `float`.
  case float
}
