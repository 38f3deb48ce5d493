public import GoFormats

/// An error or warning about one field of a query, as the protocol prints it:
/// `{"error":MSG,"field":F,"id":ID}` or `{"field":F,"id":ID,"warning":MSG}`.
public struct AnalysisMessage: Error, Sendable, Equatable {
  /// The query field concerned.
  public var field: String
  /// The text (KataGo's wording where it is known, see `docs/ANALYSIS.md`).
  public var message: String

  public init(field: String, _ message: String) {
    self.field = field
    self.message = message
  }

  /// The error line for query `id`.
  public func errorJSON(id: String) -> JSONValue {
    .object(["error": .string(message), "field": .string(field), "id": .string(id)])
  }

  /// The warning line for query `id`.
  public func warningJSON(id: String) -> JSONValue {
    .object(["field": .string(field), "id": .string(id), "warning": .string(message)])
  }
}
