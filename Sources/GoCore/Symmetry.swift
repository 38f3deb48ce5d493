/// One of the eight symmetries of a square board (the dihedral group D4).
///
/// Symmetry `k` flips rows (y) when bit 0 is set and columns (x) when bit 1 is set, then
/// transposes when bit 2 is set — KataGo's numbering, so indices mean the same in both engines.
public struct Symmetry: Hashable, Sendable, CaseIterable, BitwiseCopyable {
  /// 0 ... 7.
  public let rawValue: Int

  public init(_ rawValue: Int) {
    precondition((0..<8).contains(rawValue))
    self.rawValue = rawValue
  }

  public static let allCases = (0..<8).map { Symmetry($0) }
  public static let identity = Symmetry(0)

  /// True if this symmetry swaps rows and columns (only valid on square boards).
  public var transposes: Bool { rawValue & 4 != 0 }

  /// Maps (x, y) on a `width`×`height` board to its image.
  /// - Precondition: the board is square if the symmetry transposes.
  @inlinable
  public func apply(x: Int, y: Int, width: Int, height: Int) -> (x: Int, y: Int) {
    var (x, y) = (x, y)
    if rawValue & 1 != 0 { y = height - 1 - y }
    if rawValue & 2 != 0 { x = width - 1 - x }
    return rawValue & 4 != 0 ? (y, x) : (x, y)
  }

  /// The symmetry that undoes this one.
  public var inverse: Symmetry {
    for s in Symmetry.allCases {
      let (x1, y1) = apply(x: 1, y: 2, width: 5, height: 5)
      let (x2, y2) = s.apply(x: x1, y: y1, width: 5, height: 5)
      let (x3, y3) = apply(x: 3, y: 0, width: 5, height: 5)
      let (x4, y4) = s.apply(x: x3, y: y3, width: 5, height: 5)
      if x2 == 1 && y2 == 2 && x4 == 3 && y4 == 0 { return s }
    }
    return self
  }

  /// The image of `point` on a board of the given size.
  public func apply(_ point: Point, width: Int, height: Int) -> Point {
    let (x, y) = apply(x: point.x, y: point.y, width: width, height: height)
    return Point(x: x, y: y)
  }
}
