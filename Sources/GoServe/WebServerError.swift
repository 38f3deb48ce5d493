/// Why `tengen serve` cannot start (a refused configuration, a port in use).
public struct WebServerError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
