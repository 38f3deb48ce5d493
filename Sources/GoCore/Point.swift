/// A board location in padded coordinates, shared by every board size.
///
/// Tengen lays every board (up to 25×25) out on one fixed grid with a one-cell wall ring:
/// `index = (x + 1) + (y + 1) * Point.stride`, with `x` from the left and `y` from the top
/// (row 0 is the top row, as in KataGo and SGF). Index 0 is never on a board, so it doubles as
/// the "no point" sentinel.
@frozen
public struct Point: Hashable, Sendable, BitwiseCopyable, Comparable, CustomStringConvertible {
  /// The padded-grid index.
  public var index: Int16

  /// Width of a padded row: the largest board edge plus one shared wall column.
  public static let stride = 26
  /// Number of cells in the padded grid (25 + 2 rows of `stride`, plus one).
  public static let capacity = 703
  /// The largest supported board edge.
  public static let maxBoardSize = 25
  /// The "no point" sentinel (a wall cell).
  public static let none = Point(index: 0)

  /// A point from its padded index.
  @inlinable
  public init(index: Int16) { self.index = index }

  /// A point from its padded index.
  @inlinable
  public init(index: Int) { self.index = Int16(truncatingIfNeeded: index) }

  /// The point at column `x` (from the left) and row `y` (from the top).
  @inlinable
  public init(x: Int, y: Int) {
    self.index = Int16(truncatingIfNeeded: (x + 1) + (y + 1) * Point.stride)
  }

  /// The padded index as an `Int`, for array subscripts.
  @inlinable
  public var i: Int { Int(index) }

  /// Column from the left, 0-based.
  @inlinable
  public var x: Int { Int(index) % Point.stride - 1 }

  /// Row from the top, 0-based.
  @inlinable
  public var y: Int { Int(index) / Point.stride - 1 }

  /// True for the sentinel.
  @inlinable
  public var isNone: Bool { index == 0 }

  /// The padded index of orthogonal neighbour `k` (0 up, 1 left, 2 right, 3 down) of index `p`.
  @inlinable @inline(__always)
  public static func neighbor(_ p: Int, _ k: Int) -> Int {
    switch k {
    case 0: return p &- stride
    case 1: return p &- 1
    case 2: return p &+ 1
    default: return p &+ stride
    }
  }

  /// The padded index of diagonal neighbour `k` (0...3) of index `p`.
  @inlinable @inline(__always)
  public static func diagonal(_ p: Int, _ k: Int) -> Int {
    switch k {
    case 0: return p &- stride &- 1
    case 1: return p &- stride &+ 1
    case 2: return p &+ stride &- 1
    default: return p &+ stride &+ 1
    }
  }

  /// Orthogonal neighbour `k` (0 up, 1 left, 2 right, 3 down).
  @inlinable @inline(__always)
  public func neighbor(_ k: Int) -> Point { Point(index: Point.neighbor(Int(index), k)) }

  /// Diagonal neighbour `k` (0...3).
  @inlinable @inline(__always)
  public func diagonal(_ k: Int) -> Point { Point(index: Point.diagonal(Int(index), k)) }

  /// The four orthogonal neighbours (they may be wall cells).
  @inlinable
  public var neighbors: (Point, Point, Point, Point) {
    let s = Int16(Point.stride)
    return (Point(index: index &- s), Point(index: index &- 1), Point(index: index &+ 1),
            Point(index: index &+ s))
  }

  /// The four diagonal neighbours (they may be wall cells or outside the grid only for walls).
  @inlinable
  public var diagonals: (Point, Point, Point, Point) {
    let s = Int16(Point.stride)
    return (Point(index: index &- s &- 1), Point(index: index &- s &+ 1),
            Point(index: index &+ s &- 1), Point(index: index &+ s &+ 1))
  }

  @inlinable
  public static func < (a: Point, b: Point) -> Bool { a.index < b.index }

  public var description: String { isNone ? "none" : "(\(x),\(y))" }
}
