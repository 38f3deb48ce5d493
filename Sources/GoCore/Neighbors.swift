/// The four orthogonal (or diagonal) neighbours of a point as a sequence that never allocates.
///
/// `for q in p.adjacent { ... }` compiles to four unrolled steps; an array literal of the
/// neighbours would allocate on the heap in every call.
@frozen
public struct Neighbors: Sequence, IteratorProtocol, Sendable {
  @usableFromInline let base: Int
  @usableFromInline let diagonal: Bool
  @usableFromInline var k: Int

  @inlinable @inline(__always)
  init(base: Int, diagonal: Bool) {
    self.base = base
    self.diagonal = diagonal
    self.k = 0
  }

  @inlinable @inline(__always)
  public mutating func next() -> Point? {
    guard k < 4 else { return nil }
    defer { k += 1 }
    return Point(index: diagonal ? Point.diagonal(base, k) : Point.neighbor(base, k))
  }

  @inlinable public var underestimatedCount: Int { 4 }
}

extension Point {
  /// The four orthogonal neighbours (up, left, right, down); they may be wall cells.
  @inlinable @inline(__always)
  public var adjacent: Neighbors { Neighbors(base: Int(index), diagonal: false) }

  /// The four diagonal neighbours; they may be wall cells.
  @inlinable @inline(__always)
  public var diagonalNeighbors: Neighbors { Neighbors(base: Int(index), diagonal: true) }
}

/// The padded indices of the four orthogonal neighbours of an index, without allocating.
@frozen
public struct NeighborIndices: Sequence, IteratorProtocol, Sendable {
  @usableFromInline let base: Int
  @usableFromInline var k: Int

  @inlinable @inline(__always)
  init(base: Int) {
    self.base = base
    self.k = 0
  }

  @inlinable @inline(__always)
  public mutating func next() -> Int? {
    guard k < 4 else { return nil }
    defer { k += 1 }
    return Point.neighbor(base, k)
  }

  @inlinable public var underestimatedCount: Int { 4 }
}

extension Point {
  /// The padded indices of the four orthogonal neighbours.
  @inlinable @inline(__always)
  public var adjacentIndices: NeighborIndices { NeighborIndices(base: Int(index)) }
}
