/// How a device buffer stores its numbers. Arithmetic is always FP32 (kernels convert on load
/// and store; GEMMs accumulate in FP32).
public enum GPUScalarType: Sendable, Hashable, CaseIterable {
  /// IEEE binary32.
  case f32
  /// IEEE binary16 (storage only; round to nearest even on store).
  case f16

  /// Bytes per element.
  public var size: Int { self == .f32 ? 4 : 2 }

  /// The suffix of kernel names specialised for this storage type.
  public var suffix: String { self == .f32 ? "f32" : "f16" }

  /// cudaDataType_t: CUDA_R_32F = 0, CUDA_R_16F = 2.
  var cudaDataType: Int32 { self == .f32 ? 0 : 2 }

  /// The C type kernels store this as (FP16 is kept as its bit pattern).
  var cType: String { self == .f32 ? "float" : "unsigned short" }
}
