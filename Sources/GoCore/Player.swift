/// One of the two players.
@frozen
public enum Player: UInt8, Sendable, Hashable, BitwiseCopyable, CaseIterable {
  case black = 1
  case white = 2

  /// The other player.
  @inlinable
  public var opponent: Player { self == .black ? .white : .black }

  /// The stone this player places.
  @inlinable
  public var stone: Stone { self == .black ? .black : .white }

  /// +1 for Black, -1 for White: the sign of a Black-perspective value from this player's view.
  @inlinable
  public var sign: Int { self == .black ? 1 : -1 }
}
