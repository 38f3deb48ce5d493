/// A small padded Go board used to compute NN input features: stones, chains, liberties,
/// captures, simple ko, ladders and pass-alive areas, following KataGo's feature semantics.
///
/// Cells are indexed `(y + 1)·(xSize + 2) + (x + 1)` with a wall ring around the board.
public struct FeatureBoard: Sendable, Hashable {
  /// Cell contents.
  public enum Cell: UInt8, Sendable { case empty = 0, black = 1, white = 2, wall = 3 }

  /// Board width.
  public let xSize: Int
  /// Board height.
  public let ySize: Int
  /// Row stride of the padded array.
  public let stride: Int
  /// Padded cells.
  public var cells: [UInt8]
  /// The simple-ko point (a point the side to move may not play), or -1.
  public var koPoint: Int = -1

  /// An empty board.
  public init(xSize: Int, ySize: Int) {
    precondition(xSize >= 1 && ySize >= 1 && xSize <= 25 && ySize <= 25, "board size out of range")
    self.xSize = xSize
    self.ySize = ySize
    stride = xSize + 2
    cells = [UInt8](repeating: Cell.wall.rawValue, count: (xSize + 2) * (ySize + 2))
    for y in 0..<ySize { for x in 0..<xSize { cells[(y + 1) * stride + x + 1] = 0 } }
  }

  /// The cell index of board point (x, y), y from the top.
  @inlinable
  public func index(_ x: Int, _ y: Int) -> Int { (y + 1) * stride + x + 1 }

  /// The (x, y) of a cell index.
  @inlinable
  public func coordinates(_ i: Int) -> (x: Int, y: Int) { (i % stride - 1, i / stride - 1) }

  /// The four neighbour cell indices.
  @inlinable
  public func neighbours(_ i: Int) -> (Int, Int, Int, Int) { (i - stride, i - 1, i + 1, i + stride) }

  /// The colour (1 black, 2 white) at `i`, 0 if empty, 3 for walls.
  @inlinable
  public func color(_ i: Int) -> UInt8 { cells[i] }

  /// Every on-board cell index, row-major from the top-left.
  public var points: [Int] {
    var out: [Int] = []
    out.reserveCapacity(xSize * ySize)
    for y in 0..<ySize { for x in 0..<xSize { out.append(index(x, y)) } }
    return out
  }

  /// Places a stone without captures (setup); `color` 0 clears the point.
  public mutating func setStone(_ i: Int, _ color: UInt8) {
    cells[i] = color
  }

  /// The stones of the chain containing `i` (which must hold a stone).
  public func chain(_ i: Int) -> [Int] {
    let c = cells[i]
    var stack = [i]
    var seen = Set([i])
    var out: [Int] = []
    while let p = stack.popLast() {
      out.append(p)
      let n = neighbours(p)
      for q in [n.0, n.1, n.2, n.3] where cells[q] == c && !seen.contains(q) {
        seen.insert(q)
        stack.append(q)
      }
    }
    return out
  }

  /// The liberties of the chain at `i`, sorted.
  public func liberties(_ i: Int) -> [Int] {
    var libs = Set<Int>()
    for p in chain(i) {
      let n = neighbours(p)
      for q in [n.0, n.1, n.2, n.3] where cells[q] == 0 { libs.insert(q) }
    }
    return libs.sorted()
  }

  /// Number of liberties of the chain at `i`.
  public func libertyCount(_ i: Int) -> Int { liberties(i).count }

  /// Number of empty neighbours of point `i`.
  public func immediateLiberties(_ i: Int) -> Int {
    let n = neighbours(i)
    return [n.0, n.1, n.2, n.3].reduce(0) { $0 + (cells[$1] == 0 ? 1 : 0) }
  }

  /// Whether `color` playing at empty `i` would be suicide (no capture, no liberty after).
  public func isSuicide(_ i: Int, _ color: UInt8) -> Bool {
    let opp = 3 - color
    let n = neighbours(i)
    for q in [n.0, n.1, n.2, n.3] {
      if cells[q] == 0 { return false }
      if cells[q] == opp && libertyCount(q) == 1 { return false }
      if cells[q] == color && libertyCount(q) > 1 { return false }
    }
    return true
  }

  /// Whether `color` may play at `i`: empty, not the simple-ko point, and not suicide (single-stone
  /// suicide is never legal; multi-stone suicide only when `suicideLegal`).
  public func isLegal(_ i: Int, _ color: UInt8, suicideLegal: Bool) -> Bool {
    guard cells[i] == 0 && i != koPoint else { return false }
    guard isSuicide(i, color) else { return true }
    guard suicideLegal else { return false }
    // Multi-stone suicide: needs a friendly neighbour.
    let n = neighbours(i)
    return [n.0, n.1, n.2, n.3].contains { cells[$0] == color }
  }

  /// Whether `color` playing at `i` would capture exactly one stone while every neighbour is an
  /// opponent stone or the edge (the shape of a simple-ko capture).
  public func wouldBeKoCapture(_ i: Int, _ color: UInt8) -> Bool {
    guard cells[i] == 0 else { return false }
    let opp = 3 - color
    let n = neighbours(i)
    var captured = Set<Int>()
    for q in [n.0, n.1, n.2, n.3] {
      if cells[q] == 0 || cells[q] == color { return false }
      if cells[q] == opp && libertyCount(q) == 1 { captured.formUnion(chain(q)) }
    }
    return captured.count == 1
  }

  /// Number of liberties the chain through `i` would have after `color` plays there.
  public func libertiesAfterPlay(_ i: Int, _ color: UInt8) -> Int {
    var copy = self
    copy.play(i, color)
    return copy.cells[i] == color ? copy.libertyCount(i) : 0
  }

  /// Plays `color` at `i` (assumed legal), capturing opponent chains without liberties and
  /// removing a suicided own chain; updates the simple-ko point. Returns the stones captured.
  @discardableResult
  public mutating func play(_ i: Int, _ color: UInt8) -> Int {
    let opp = 3 - color
    cells[i] = color
    koPoint = -1
    var captured: [Int] = []
    let n = neighbours(i)
    for q in [n.0, n.1, n.2, n.3] where cells[q] == opp && libertyCount(q) == 0 {
      for p in chain(q) {
        cells[p] = 0
        captured.append(p)
      }
    }
    if captured.isEmpty {
      if libertyCount(i) == 0 {
        let dead = chain(i)
        for p in dead { cells[p] = 0 }
        return 0
      }
      return 0
    }
    // Simple ko: one stone captured, the new stone alone with exactly one liberty (the captured point).
    if captured.count == 1 && chain(i).count == 1 && libertyCount(i) == 1 {
      koPoint = captured[0]
    }
    return captured.count
  }
}
