import GoNeuralNet

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cos/sin of every attention block's rotary angles for one grid, on the device:
/// `[kvHead][pos][pair]` FP32 (angles in Double, as the reference computes them).
final class GPURopeTables: @unchecked Sendable {
  /// Per attention block (traversal order): the cos and sin tables, or nil without RoPE.
  let tables: [(cos: DevicePointer, sin: DevicePointer)?]
  private let device: any GPUDevice

  /// Uploads the tables of `blocks` (traversal order) on a `w` × `h` grid: angles in `Double`,
  /// their cos and sin rounded to FP32.
  init(blocks: [AttentionBlock], w: Int, h: Int, device: any GPUDevice) throws {
    self.device = device
    var out: [(cos: DevicePointer, sin: DevicePointer)?] = []
    for a in blocks {
      guard let angles = a.ropeAngles(w: w, h: h, as: Double.self) else {
        out.append(nil)
        continue
      }
      let cosT = angles.map { Float(cos($0)) }
      let sinT = angles.map { Float(sin($0)) }
      let pc = try device.allocate(bytes: cosT.count * 4)
      let ps = try device.allocate(bytes: sinT.count * 4)
      try cosT.withUnsafeBytes { try device.upload($0, to: pc) }
      try sinT.withUnsafeBytes { try device.upload($0, to: ps) }
      out.append((pc, ps))
    }
    tables = out
  }

  deinit {
    for t in tables {
      if let t {
        device.free(t.cos)
        device.free(t.sin)
      }
    }
  }
}
