/// An address in a device's memory: a CUDA device pointer, or a host address in `SimDevice`.
///
/// Arithmetic on it is done on the host, as with CUDA device pointers; only the device that
/// allocated it may dereference it.
public struct DevicePointer: Hashable, Sendable, CustomStringConvertible {
  /// The raw address.
  public var address: UInt64

  /// Wraps a raw address.
  public init(address: UInt64) { self.address = address }

  /// The null pointer.
  public static let null = DevicePointer(address: 0)

  /// This pointer moved by `bytes` (may be negative).
  @inlinable
  public func advanced(byBytes bytes: Int) -> DevicePointer {
    DevicePointer(address: UInt64(Int64(bitPattern: address) &+ Int64(bytes)))
  }

  /// This pointer moved by `count` elements of `type`.
  @inlinable
  public func advanced(by count: Int, of type: GPUScalarType) -> DevicePointer {
    advanced(byBytes: count * type.size)
  }

  public var description: String { "0x" + String(address, radix: 16) }
}
