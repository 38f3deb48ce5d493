/// A place in an SGF text: 1-based line and column.
public struct SGFPosition: Hashable, Sendable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// No known position (for trees built in memory).
  public static let unknown = SGFPosition(line: 0, column: 0)
}
