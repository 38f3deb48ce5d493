/// A problem found while reading an SGF file, with the 1-based line and column where it lies.
public struct SGFError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public var message: String
  /// 1-based line of the offending text (0 when no position applies).
  public var line: Int
  /// 1-based column (in characters) of the offending text (0 when no position applies).
  public var column: Int

  public init(_ message: String, line: Int = 0, column: Int = 0) {
    self.message = message
    self.line = line
    self.column = column
  }

  /// An error located at `position`.
  public init(_ message: String, at position: SGFPosition) {
    self.init(message, line: position.line, column: position.column)
  }

  public var description: String {
    line > 0 ? "line \(line), column \(column): \(message)" : message
  }
}
