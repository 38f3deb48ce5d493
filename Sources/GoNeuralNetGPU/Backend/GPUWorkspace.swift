/// Reusable device buffers of one context, kept between evaluations and grown on demand (a
/// larger batch bucket or grid frees the old buffer of that slot and allocates a new one).
final class GPUWorkspace: @unchecked Sendable {
  let device: any GPUDevice
  private var buffers: [Int: (pointer: DevicePointer, bytes: Int)] = [:]

  init(device: any GPUDevice) { self.device = device }

  deinit { for b in buffers.values { device.free(b.pointer) } }

  /// A buffer of at least `count` elements of `type` for `slot` (contents unspecified).
  func get(_ slot: Int, _ count: Int, _ type: GPUScalarType) throws -> DevicePointer {
    let bytes = max(1, count) * type.size
    if let b = buffers[slot], b.bytes >= bytes { return b.pointer }
    if let old = buffers[slot] { device.free(old.pointer) }
    let p = try device.allocate(bytes: bytes)
    buffers[slot] = (p, bytes)
    return p
  }

  /// Bytes held.
  var totalBytes: Int { buffers.values.reduce(0) { $0 + $1.bytes } }
}
