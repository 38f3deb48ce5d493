/// Winograd F(4×4, 3×3) transforms (Lavin & Gray): 6×6 input tiles, 4×4 output tiles.
enum Winograd {
  /// Output tile size.
  static let tile = 4
  /// Input tile size.
  static let inTile = 6

  /// Transforms file-order 3×3 weights `[y][x][in][out]` into `[36][in][out]` (U = G g Gᵀ).
  static func transformWeights(_ w: [Float], inC: Int, outC: Int) -> FloatBuffer {
    let out = FloatBuffer(count: 36 * inC * outC)
    let g: [[Double]] = [
      [1.0 / 4, 0, 0], [-1.0 / 6, -1.0 / 6, -1.0 / 6], [-1.0 / 6, 1.0 / 6, -1.0 / 6],
      [1.0 / 24, 1.0 / 12, 1.0 / 6], [1.0 / 24, -1.0 / 12, 1.0 / 6], [0, 0, 1],
    ]
    for i in 0..<inC {
      for o in 0..<outC {
        var k = [[Double]](repeating: [0, 0, 0], count: 3)
        for y in 0..<3 { for x in 0..<3 { k[y][x] = Double(w[((y * 3 + x) * inC + i) * outC + o]) } }
        for a in 0..<6 {
          for b in 0..<6 {
            var s = 0.0
            for y in 0..<3 { for x in 0..<3 { s += g[a][y] * k[y][x] * g[b][x] } }
            out.pointer[((a * 6 + b) * inC + i) * outC + o] = Float(s)
          }
        }
      }
    }
    return out
  }

  /// 1-D input transform Bᵀd of six lane vectors.
  @inline(__always)
  static func inputTransform<V: WinogradLane>(_ d: (V, V, V, V, V, V)) -> (V, V, V, V, V, V) {
    let (d0, d1, d2, d3, d4, d5) = d
    let t0 = d0 * 4 - d2 * 5 + d4
    let t1 = d3 + d4 - (d1 + d2) * 4
    let t2 = (d1 - d2) * 4 - d3 + d4
    let t3 = (d3 - d1) * 2 - d2 + d4
    let t4 = (d1 - d3) * 2 - d2 + d4
    let t5 = d1 * 4 - d3 * 5 + d5
    return (t0, t1, t2, t3, t4, t5)
  }

  /// 1-D output transform Aᵀm of six lane vectors into four.
  @inline(__always)
  static func outputTransform<V: WinogradLane>(_ m: (V, V, V, V, V, V)) -> (V, V, V, V) {
    let (m0, m1, m2, m3, m4, m5) = m
    let a = m1 + m2
    let b = m1 - m2
    let c = m3 + m4
    let d = m3 - m4
    return (m0 + a + c, b + d * 2, a + c * 4, b + d * 8 + m5)
  }
}

/// A lane type for the Winograd transforms (Float or SIMD8<Float>).
protocol WinogradLane {
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Float) -> Self
  static var zeroLane: Self { get }
  static func load(_ p: UnsafePointer<Float>) -> Self
  func store(_ p: UnsafeMutablePointer<Float>)
  static var width: Int { get }
}

extension Float: WinogradLane {
  @inline(__always) static var zeroLane: Float { 0 }
  @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Float { p.pointee }
  @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) { p.pointee = self }
  @inline(__always) static var width: Int { 1 }
}

extension SIMD8: WinogradLane where Scalar == Float {
  @inline(__always) static var zeroLane: SIMD8<Float> { .zero }
  @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }
  @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: self, as: SIMD8<Float>.self)
  }
  @inline(__always) static var width: Int { 8 }
}
