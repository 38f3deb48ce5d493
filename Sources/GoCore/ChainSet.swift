/// Up to four distinct chain heads (the chains around one point), stored inline.
@frozen
public struct ChainSet: Sendable {
  @usableFromInline var h0: Int = 0
  @usableFromInline var h1: Int = 0
  @usableFromInline var h2: Int = 0
  @usableFromInline var h3: Int = 0
  @usableFromInline var _count: Int = 0
  /// Number of heads held.
  @inlinable public var count: Int { _count }

  @inlinable
  public init() {}

  /// Adds `h` unless it is already present.
  @inlinable @inline(__always)
  public mutating func insert(_ h: Int) {
    if count > 0 && h0 == h { return }
    if count > 1 && h1 == h { return }
    if count > 2 && h2 == h { return }
    switch count {
    case 0: h0 = h
    case 1: h1 = h
    case 2: h2 = h
    default: h3 = h
    }
    _count += 1
  }

  /// The `k`-th head.
  @inlinable @inline(__always)
  public subscript(k: Int) -> Int {
    switch k {
    case 0: return h0
    case 1: return h1
    case 2: return h2
    default: return h3
    }
  }

  /// True if `h` is present.
  @inlinable @inline(__always)
  public func contains(_ h: Int) -> Bool {
    (count > 0 && h0 == h) || (count > 1 && h1 == h) || (count > 2 && h2 == h)
      || (count > 3 && h3 == h)
  }
}
