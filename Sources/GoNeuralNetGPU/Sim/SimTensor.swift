/// A bounds-checked view of simulator memory as numbers of one storage type, read and written
/// as `Float` (FP16 is converted on load and rounded to nearest even on store, as the CUDA
/// kernels' `cvt.f32.f16` / `cvt.rn.f16.f32` do).
///
/// An index outside the view (the pointer's allocation) stops the process: on a GPU that
/// access would silently corrupt memory, so a test must fail loudly.
public struct SimTensor {
  /// The first element.
  public let base: UnsafeMutableRawPointer
  /// Elements from `base` to the end of its allocation.
  public let count: Int
  /// How elements are stored.
  public let type: GPUScalarType
  /// Kernel and argument, for the out-of-bounds message.
  let label: String

  /// Element `i` as a Float.
  @inline(__always)
  public subscript(i: Int) -> Float {
    get {
      precondition(i >= 0 && i < count, "\(label): index \(i) out of bounds (\(count) elements)")
      switch type {
      case .f32: return base.load(fromByteOffset: i &* 4, as: Float.self)
      case .f16: return Float(base.load(fromByteOffset: i &* 2, as: Float16.self))
      }
    }
    nonmutating set {
      precondition(i >= 0 && i < count, "\(label): index \(i) out of bounds (\(count) elements)")
      switch type {
      case .f32: base.storeBytes(of: newValue, toByteOffset: i &* 4, as: Float.self)
      case .f16: base.storeBytes(of: Float16(newValue), toByteOffset: i &* 2, as: Float16.self)
      }
    }
  }
}
