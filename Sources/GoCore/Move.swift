/// A move by some player: a stone on a point, or a pass.
@frozen
public enum Move: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
  case play(Point)
  case pass

  /// The point played, or nil for a pass.
  @inlinable
  public var point: Point? {
    if case .play(let p) = self { return p }
    return nil
  }

  /// True for a pass.
  @inlinable
  public var isPass: Bool { self == .pass }

  public var description: String {
    switch self {
    case .pass: return "pass"
    case .play(let p): return p.description
    }
  }
}
