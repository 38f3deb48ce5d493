/// One of the 8 board symmetries: bit 0 flips y, bit 1 flips x, bit 2 transposes (flips first).
public struct NNSymmetry: Sendable, Hashable {
  /// The code 0...7.
  public let code: Int

  /// Symmetry `code` (0...7).
  public init(_ code: Int) {
    precondition((0..<8).contains(code), "symmetry must be 0...7")
    self.code = code
  }

  /// All eight symmetries.
  public static let all = (0..<8).map(NNSymmetry.init)

  /// The inverse symmetry (5 and 6 swap, the others are self-inverse).
  public var inverse: NNSymmetry { code == 5 ? NNSymmetry(6) : code == 6 ? NNSymmetry(5) : self }

  /// Where grid point (x, y) of a w × h grid goes; transposes only on square grids.
  @inlinable
  public func apply(x: Int, y: Int, w: Int, h: Int) -> (x: Int, y: Int) {
    var nx = code & 2 != 0 ? w - 1 - x : x
    var ny = code & 1 != 0 ? h - 1 - y : y
    if code & 4 != 0 && w == h { swap(&nx, &ny) }
    return (nx, ny)
  }
}
