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

  init(blocks: [AttentionBlock], w: Int, h: Int, device: any GPUDevice) throws {
    self.device = device
    var out: [(cos: DevicePointer, sin: DevicePointer)?] = []
    for a in blocks {
      guard let angles = Self.angles(a, w: w, h: h) else {
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

  /// The rotation angle of pair p at point pos for KV head g, `[g][pos][p]`; nil without RoPE.
  static func angles(_ a: AttentionBlock, w: Int, h: Int) -> [Double]? {
    let pairs = a.qHeadDim / 2
    let area = w * h
    var out = [Double](repeating: 0, count: a.numKVHeads * area * pairs)
    for g in 0..<a.numKVHeads {
      for pos in 0..<area {
        let x = Double(pos % w)
        let y = Double(pos / w)
        for p in 0..<pairs {
          let theta: Double
          switch a.rope {
          case .none: return nil
          case .learned(let f):
            let base = (g * pairs + p) * 2
            theta = x * Double(f[base]) + y * Double(f[base + 1])
          case .fixed(let t):
            let half = pairs / 2
            if p < half {
              theta = y * pow(Double(t), -2 * Double(p) / Double(pairs))
            } else {
              theta = x * pow(Double(t), -2 * Double(p - half) / Double(pairs))
            }
          }
          out[(g * area + pos) * pairs + p] = theta
        }
      }
    }
    return out
  }
}
