/// A pointwise activation function as stored in KataGo model files.
public enum ActivationKind: Int, Sendable, Hashable, CaseIterable {
  case identity = 0
  case relu = 1
  case mish = 2
  case silu = 3

  /// Parses the activation token of a v11+ model file (`ACTIVATION_RELU`, ...).
  public init?(token: String) {
    switch token {
    case "ACTIVATION_IDENTITY": self = .identity
    case "ACTIVATION_RELU": self = .relu
    case "ACTIVATION_MISH": self = .mish
    case "ACTIVATION_SILU": self = .silu
    default: return nil
    }
  }

  /// The token this activation has in a model file.
  public var token: String {
    switch self {
    case .identity: return "ACTIVATION_IDENTITY"
    case .relu: return "ACTIVATION_RELU"
    case .mish: return "ACTIVATION_MISH"
    case .silu: return "ACTIVATION_SILU"
    }
  }

  /// Applies the activation to one value, exactly as KataGo defines it.
  @inlinable
  public func apply(_ x: Float) -> Float {
    switch self {
    case .identity: return x
    case .relu: return x > 0 ? x : 0
    case .mish:
      let softplus = Float.log1pExp(min(x, 20)) + max(x - 20, 0)
      return x * Float.tanhApprox(softplus)
    case .silu: return x / (1 + Float.expApprox(-x))
    }
  }
}
