/// A Go position: stones, chains with exact liberty counts, the simple-ko point and a hash.
///
/// A flat value type in inline storage: copying it is a memcpy with no heap and no reference
/// counting, which is what playouts and copy-make search want. Every board size from 2×2 to 25×25
/// (rectangles included) uses the same padded grid (see `Point`).
///
/// Chains are circular linked lists through `_next`; every stone knows its chain's head in
/// `_head`. The head holds the chain's stone count and its pseudo-liberties: the number of
/// (stone, empty neighbour) pairs, with the sum and the sum of squares of those neighbours'
/// indices. A chain has no liberty exactly when its pseudo-liberty count is zero, and exactly one
/// (atari) when count × sum of squares = sum², the liberty then being sum / count — all O(1) and
/// updated without ever deduplicating liberties. The list of empty points is kept in `_empties`
/// so playouts can draw moves without scanning the board.
public struct Board: Sendable {
  /// Board width (columns).
  public let width: Int
  /// Board height (rows).
  public let height: Int

  @usableFromInline var _stones: InlineArray<703, Stone>
  @usableFromInline var _head: InlineArray<703, Int16>
  @usableFromInline var _next: InlineArray<703, Int16>
  @usableFromInline var _libs: InlineArray<703, Int16>
  @usableFromInline var _libSum: InlineArray<703, Int32>
  @usableFromInline var _libSumSq: InlineArray<703, Int32>
  @usableFromInline var _size: InlineArray<703, Int16>
  @usableFromInline var _emptyIndex: InlineArray<703, Int16>
  @usableFromInline var _empties: InlineArray<625, Int16>
  @usableFromInline var _emptyCount: Int

  @usableFromInline var _ko: Point
  @usableFromInline var _hash: UInt64

  /// The point where the player to move may not play because of a simple ko, or `Point.none`.
  @inlinable public var koPoint: Point { _ko }
  /// Zobrist hash of the stones (and board size) only.
  @inlinable public var hash: UInt64 { _hash }
  /// Stones captured so far by Black (White stones removed) and by White.
  public internal(set) var capturedByBlack: Int
  /// Stones captured so far by White (Black stones removed).
  public internal(set) var capturedByWhite: Int

  /// An empty board.
  /// - Precondition: 1 ≤ width, height ≤ 25.
  public init(width: Int, height: Int) {
    precondition(
      (1...Point.maxBoardSize).contains(width) && (1...Point.maxBoardSize).contains(height),
      "board size must be between 1 and \(Point.maxBoardSize)")
    self.width = width
    self.height = height
    _stones = InlineArray(repeating: .wall)
    _head = InlineArray(repeating: 0)
    _next = InlineArray(repeating: 0)
    _libs = InlineArray(repeating: 0)
    _libSum = InlineArray(repeating: 0)
    _libSumSq = InlineArray(repeating: 0)
    _size = InlineArray(repeating: 0)
    _emptyIndex = InlineArray(repeating: -1)
    _empties = InlineArray(repeating: 0)
    _emptyCount = 0
    _ko = .none
    _hash = Zobrist.size(width: width, height: height)
    capturedByBlack = 0
    capturedByWhite = 0
    for y in 0..<height {
      for x in 0..<width {
        let p = Point(x: x, y: y).i
        _stones[p] = .empty
        _emptyIndex[p] = Int16(_emptyCount)
        _empties[_emptyCount] = Int16(p)
        _emptyCount += 1
      }
    }
  }

  /// A square empty board.
  public init(size: Int) { self.init(width: size, height: size) }

  /// Number of points on the board.
  @inlinable
  public var area: Int { width * height }

  /// The content of `point` (`.wall` off the board).
  @inlinable
  @_addressableSelf
  public subscript(point: Point) -> Stone { _stones[point.i] }

  /// The content of column `x`, row `y` (from the top).
  @inlinable
  @_addressableSelf
  public subscript(x: Int, y: Int) -> Stone { _stones[Point(x: x, y: y).i] }

  /// True if `point` lies on the board.
  @inlinable
  @_addressableSelf
  public func contains(_ point: Point) -> Bool {
    guard point.index > 0, point.i < Point.capacity else { return false }
    return _stones[unchecked: point.i] != .wall
  }

  /// True if column `x`, row `y` lies on the board.
  @inlinable
  @_addressableSelf
  public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// Every on-board point, row by row from the top-left.
  public var points: [Point] {
    var result: [Point] = []
    result.reserveCapacity(area)
    for y in 0..<height { for x in 0..<width { result.append(Point(x: x, y: y)) } }
    return result
  }

  /// Number of empty points.
  @inlinable
  public var emptyCount: Int { _emptyCount }

  /// The `k`-th empty point, in no particular order.
  /// - Precondition: `0 <= k < emptyCount`.
  @inlinable
  @_addressableSelf
  public func emptyPoint(_ k: Int) -> Point { Point(index: _empties[unchecked: k]) }

  /// The representative stone of the chain at `point`.
  /// - Precondition: `point` holds a stone.
  @inlinable
  @_addressableSelf
  public func chainHead(_ point: Point) -> Point { Point(index: _head[unchecked: point.i]) }

  /// Exact number of liberties of the chain at `point`. O(size of the chain).
  /// - Precondition: `point` holds a stone.
  @inlinable
  @_addressableSelf
  public func liberties(_ point: Point) -> Int { countLiberties(head: Int(_head[unchecked: point.i])) }

  /// True if the chain at `point` has exactly one liberty. O(1).
  /// - Precondition: `point` holds a stone.
  @inlinable
  @_addressableSelf
  public func isInAtari(_ point: Point) -> Bool {
    let h = Int(_head[unchecked: point.i])
    let n = Int(_libs[unchecked: h])
    let sum = Int(_libSum[unchecked: h])
    let sq = Int(_libSumSq[unchecked: h])
    return n > 0 && n &* sq == sum &* sum
  }

  /// The only liberty of the chain at `point`, which must be in atari. O(1).
  /// - Precondition: `isInAtari(point)`.
  @inlinable
  @_addressableSelf
  public func atariLiberty(_ point: Point) -> Point {
    let h = Int(_head[unchecked: point.i])
    return Point(index: Int(_libSum[unchecked: h]) / Int(_libs[unchecked: h]))
  }

  /// True if the chain at `point` has no liberty left (only transiently, inside `play`). O(1).
  @inlinable
  @_addressableSelf
  func hasNoLiberty(_ h: Int) -> Bool { _libs[unchecked: h] == 0 }

  /// Number of stones in the chain at `point`. O(1).
  /// - Precondition: `point` holds a stone.
  @inlinable
  @_addressableSelf
  public func chainSize(_ point: Point) -> Int { Int(_size[unchecked: Int(_head[unchecked: point.i])]) }

  /// The next stone in the chain's circular list.
  @inlinable
  @_addressableSelf
  public func nextInChain(_ point: Point) -> Point { Point(index: _next[unchecked: point.i]) }

  /// Number of stones of `player` on the board.
  @_addressableSelf
  public func stoneCount(_ player: Player) -> Int {
    var n = 0
    let s = player.stone
    for y in 0..<height { for x in 0..<width where _stones[Point(x: x, y: y).i] == s { n += 1 } }
    return n
  }
}

extension Board: Equatable {
  /// Two boards are equal when their sizes, stones and ko points agree.
  public static func == (a: Board, b: Board) -> Bool {
    guard a.width == b.width, a.height == b.height, a.koPoint == b.koPoint, a.hash == b.hash else {
      return false
    }
    for y in 0..<a.height {
      for x in 0..<a.width where a[x, y] != b[x, y] { return false }
    }
    return true
  }
}
