/// One SGF property: an upper-case identifier and its values, escapes already removed.
public struct SGFProperty: Sendable, CustomStringConvertible {
  /// The identifier, e.g. `B`, `AB`, `SZ`.
  public var identifier: String
  /// The values in order; never empty for a parsed property.
  public var values: [String]
  /// Where the identifier started in the source text (`.unknown` for built properties).
  public var position: SGFPosition

  public init(_ identifier: String, _ values: [String], position: SGFPosition = .unknown) {
    self.identifier = identifier
    self.values = values
    self.position = position
  }

  /// The first value (SGF properties that take one value).
  public var value: String { values.first ?? "" }

  public var description: String { identifier + values.map { "[\($0)]" }.joined() }
}

extension SGFProperty: Equatable {
  /// Properties are equal when identifier and values agree; source positions are ignored.
  public static func == (a: SGFProperty, b: SGFProperty) -> Bool {
    a.identifier == b.identifier && a.values == b.values
  }
}
