import GoNeuralNet

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Precomputed cos/sin of every attention block's rotary angles for one grid size.
struct RopeTables: @unchecked Sendable {
  /// Per attention block (in trunk traversal order): `[kvHead][pos][pair]` cos and sin.
  let tables: [(cos: FloatBuffer, sin: FloatBuffer)?]

  /// The tables of `blocks` (a trunk's attention blocks in traversal order) on a `w` × `h`
  /// grid: angles in `Float`, then `cosf`/`sinf`.
  init(blocks: [AttentionBlock], w: Int, h: Int) {
    tables = blocks.map { a in
      guard let angles = a.ropeAngles(w: w, h: h, as: Float.self) else { return nil }
      return (FloatBuffer(angles.map { cosf($0) }), FloatBuffer(angles.map { sinf($0) }))
    }
  }
}
