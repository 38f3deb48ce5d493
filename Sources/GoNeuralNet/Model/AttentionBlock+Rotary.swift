extension AttentionBlock {
  /// The rotation angle of pair `p` of KV head `kvHead` at column `x`, row `y`, computed in `T`
  /// (0 without rotary encoding). Learned: `x·f[kvHead][p][0] + y·f[kvHead][p][1]`; fixed: the
  /// first half of the pairs turn with the row, the second half with the column, at
  /// `theta^(-2i/pairs)` for the pair's index `i` within its half.
  @inlinable
  public func ropeAngle<T: RotaryScalar>(kvHead: Int, pair p: Int, x: T, y: T) -> T {
    let pairs = qHeadDim / 2
    switch rope {
    case .none: return 0
    case .learned(let f):
      let base = (kvHead * pairs + p) * 2
      return x * T(f[base]) + y * T(f[base + 1])
    case .fixed(let theta):
      let half = pairs / 2
      if p < half { return y * T.power(T(theta), -2 * T(p) / T(pairs)) }
      return x * T.power(T(theta), -2 * T(p - half) / T(pairs))
    }
  }

  /// Every rotation angle on a `w` × `h` grid, `[kvHead][pos][pair]` with `pos = y·w + x`,
  /// computed in `T`; nil without rotary encoding. The one source of the backends' RoPE tables.
  @inlinable
  public func ropeAngles<T: RotaryScalar>(w: Int, h: Int, as _: T.Type = T.self) -> [T]? {
    if case .none = rope { return nil }
    let pairs = qHeadDim / 2
    let area = w * h
    var out = [T](repeating: 0, count: numKVHeads * area * pairs)
    for g in 0..<numKVHeads {
      for pos in 0..<area {
        let x = T(pos % w)
        let y = T(pos / w)
        for p in 0..<pairs { out[(g * area + pos) * pairs + p] = ropeAngle(kvHead: g, pair: p, x: x, y: y) }
      }
    }
    return out
  }
}
