/// Deterministic Zobrist keys, computed by a mixing function instead of looked up in a table.
///
/// A SplitMix64 finaliser over (point, colour) costs a few multiplies, needs no global table and no
/// lazy initialisation, and gives the same keys on every run and platform.
public enum Zobrist {
  /// SplitMix64's finaliser: a bijective 64-bit mixer.
  @inlinable
  public static func mix(_ z0: UInt64) -> UInt64 {
    var z = z0 &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }

  /// The key of a stone of `stone`'s colour on `point`.
  @inlinable
  public static func stone(_ stone: Stone, at point: Point) -> UInt64 {
    mix(UInt64(UInt16(bitPattern: point.index)) &<< 2 | UInt64(stone.rawValue))
  }

  /// The key xored in when White is to move.
  public static let whiteToMove: UInt64 = 0x6A09_E667_F3BC_C909

  /// The key of a simple-ko ban on `point`.
  @inlinable
  public static func ko(at point: Point) -> UInt64 {
    mix(0x1_0000_0000 | UInt64(UInt16(bitPattern: point.index)))
  }

  /// The key of the board geometry, so equal stones on different board sizes hash apart.
  @inlinable
  public static func size(width: Int, height: Int) -> UInt64 {
    mix(0x2_0000_0000 | UInt64(width &<< 8 | height))
  }
}
