import GoNeuralNet

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Precomputed cos/sin of every attention block's rotary angles for one grid size.
struct RopeTables: @unchecked Sendable {
  /// Per attention block (in trunk traversal order): `[kvHead][pos][pair]` cos and sin.
  var tables: [(cos: FloatBuffer, sin: FloatBuffer)?] = []

  init(blocks: [Block], w: Int, h: Int) {
    func visit(_ bs: [Block]) {
      for b in bs {
        switch b {
        case .nestedBottleneck(let n): visit(n.inner)
        case .attention(let a): tables.append(Self.table(a, w: w, h: h))
        default: break
        }
      }
    }
    visit(blocks)
  }

  static func table(_ a: AttentionBlock, w: Int, h: Int) -> (cos: FloatBuffer, sin: FloatBuffer)? {
    let pairs = a.qHeadDim / 2
    let s = w * h
    let cosT = FloatBuffer(count: a.numKVHeads * s * pairs)
    let sinT = FloatBuffer(count: a.numKVHeads * s * pairs)
    for kvh in 0..<a.numKVHeads {
      for pos in 0..<s {
        let x = Float(pos % w)
        let y = Float(pos / w)
        for p in 0..<pairs {
          let theta: Float
          switch a.rope {
          case .none: return nil
          case .learned(let f):
            theta = x * f[(kvh * pairs + p) * 2] + y * f[(kvh * pairs + p) * 2 + 1]
          case .fixed(let base):
            let half = pairs / 2
            let dimHalf = Float(pairs)
            if p < half {
              theta = y * powf(base, -2 * Float(p) / dimHalf)
            } else {
              theta = x * powf(base, -2 * Float(p - half) / dimHalf)
            }
          }
          cosT.pointer[(kvh * s + pos) * pairs + p] = cosf(theta)
          sinT.pointer[(kvh * s + pos) * pairs + p] = sinf(theta)
        }
      }
    }
    return (cosT, sinT)
  }
}
