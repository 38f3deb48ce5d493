/// One SGF node: an ordered list of properties.
public struct SGFNode: Equatable, Sendable {
  /// Properties in file order.
  public var properties: [SGFProperty]
  /// Where the node's `;` stood in the source text.
  public var position: SGFPosition

  public init(_ properties: [SGFProperty] = [], position: SGFPosition = .unknown) {
    self.properties = properties
    self.position = position
  }

  /// The property with `identifier`, if present.
  public func property(_ identifier: String) -> SGFProperty? {
    properties.first { $0.identifier == identifier }
  }

  /// The first value of the property with `identifier`, if present.
  public subscript(identifier: String) -> String? {
    get { property(identifier)?.value }
    set {
      properties.removeAll { $0.identifier == identifier }
      if let newValue { properties.append(SGFProperty(identifier, [newValue])) }
    }
  }

  /// Adds a property, or appends its values to an existing one with the same identifier.
  public mutating func add(_ identifier: String, _ values: [String]) {
    guard !values.isEmpty else { return }
    if let i = properties.firstIndex(where: { $0.identifier == identifier }) {
      properties[i].values += values
    } else {
      properties.append(SGFProperty(identifier, values))
    }
  }

  /// Nodes are equal when their properties are; source positions are ignored.
  public static func == (a: SGFNode, b: SGFNode) -> Bool { a.properties == b.properties }
}
