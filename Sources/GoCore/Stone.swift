/// The content of one board cell: empty, a stone of either colour, or the off-board wall.
@frozen
public enum Stone: UInt8, Sendable, Hashable, BitwiseCopyable {
  case empty = 0
  case black = 1
  case white = 2
  case wall = 3

  /// The stone colour of `player`.
  @inlinable
  public init(_ player: Player) {
    self = player == .black ? .black : .white
  }

  /// The player owning this stone, or nil for empty and wall cells.
  @inlinable
  public var player: Player? {
    switch self {
    case .black: return .black
    case .white: return .white
    default: return nil
    }
  }
}
