/// Why a match cannot go on: its records cannot be read, repaired or written.
public struct MatchError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, naming the file (and line) involved.
  public let description: String

  public init(_ description: String) { self.description = description }
}
