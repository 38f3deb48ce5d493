import GoCore

extension Symmetry {
  /// Where point (x, y) of a `gridWidth` × `gridHeight` network grid goes. As in KataGo, a
  /// transposing symmetry only transposes square grids; on rectangular ones it keeps its flips.
  @inlinable
  public func apply(x: Int, y: Int, gridWidth: Int, gridHeight: Int) -> (x: Int, y: Int) {
    if transposes && gridWidth != gridHeight {
      return Symmetry(rawValue & 3).apply(x: x, y: y, width: gridWidth, height: gridHeight)
    }
    return apply(x: x, y: y, width: gridWidth, height: gridHeight)
  }
}
