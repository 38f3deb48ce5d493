/// The storage precision of the GPU backend's trunk.
public enum GPUPrecision: String, Sendable, CaseIterable {
  /// FP32 everywhere (the exact mode: matches the reference backend to float rounding).
  case fp32
  /// FP16 activations and trunk weights, FP32 accumulation in every GEMM and kernel; head
  /// tails (pooling, dense layers, outputs) stay FP32.
  case fp16

  /// The storage type of trunk activations and of the weights multiplied with them.
  public var activationType: GPUScalarType { self == .fp32 ? .f32 : .f16 }
}
