import GoCore
import GoFeatures

/// A position's network input, computed once under the identity symmetry on a grid the size of
/// its board, with a 64-bit hash of it for the evaluation cache.
///
/// Every spatial feature is written point by point through the symmetry map and the globals do
/// not depend on the symmetry, so the input under any other symmetry is a permutation of these
/// planes (`write(symmetry:spatial:global:)`): the evaluator computes features (ladders
/// included) once per request instead of once for the cache key and again for the batch.
struct EncodedPosition: Sendable {
  /// Grid width (the board's).
  let width: Int
  /// Grid height (the board's).
  let height: Int
  /// `[plane][y][x]` under the identity symmetry.
  let spatial: [Float]
  /// The global inputs.
  let global: [Float]
  /// FNV-1a over the grid shape and every input's bit pattern.
  let hash: UInt64

  /// Encodes `game` for its side to move with `options` (its `version` included).
  /// Complexity: one feature computation, O(planes × area) more for the hash.
  init(_ game: NNGame, options: InputFeatures.Options) {
    let b = game.board
    width = b.width
    height = b.height
    var spatial = [Float](repeating: 0, count: options.version.spatialCount * b.area)
    var global = [Float](repeating: 0, count: options.version.globalCount)
    spatial.withUnsafeMutableBufferPointer { sp in
      global.withUnsafeMutableBufferPointer { gl in
        InputFeatures.fill(
          game, nnXLen: b.width, nnYLen: b.height, symmetry: Symmetry(0), options: options,
          spatial: sp.baseAddress!, global: gl.baseAddress!)
      }
    }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ v: UInt32) { h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01b3 }
    mix(UInt32(b.width))
    mix(UInt32(b.height))
    for v in spatial { mix(v.bitPattern) }
    for v in global { mix(v.bitPattern) }
    self.spatial = spatial
    self.global = global
    hash = h
  }

  /// Number of spatial planes.
  var planeCount: Int { spatial.count / (width * height) }

  /// Writes the input under `symmetry` into `spatial` (`[plane][height][width]`) and `global`;
  /// the same values `InputFeatures.fill` writes for that symmetry on this grid.
  func write(
    symmetry: Symmetry, spatial out: UnsafeMutablePointer<Float>,
    global outGlobal: UnsafeMutablePointer<Float>
  ) {
    let area = width * height
    let planes = planeCount
    spatial.withUnsafeBufferPointer { src in
      if symmetry.rawValue == 0 {
        out.update(from: src.baseAddress!, count: src.count)
      } else {
        for y in 0..<height {
          for x in 0..<width {
            let t = symmetry.apply(x: x, y: y, gridWidth: width, gridHeight: height)
            let from = y * width + x
            let to = t.y * width + t.x
            for c in 0..<planes { out[c * area + to] = src[c * area + from] }
          }
        }
      }
    }
    global.withUnsafeBufferPointer { outGlobal.update(from: $0.baseAddress!, count: $0.count) }
  }
}
