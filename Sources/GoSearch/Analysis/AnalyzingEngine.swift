public import GoCore

/// An engine that can report what its search sees: the basis of `lz-analyze`, `kata-analyze`,
/// the `*genmove_analyze` family and the JSON analysis engine.
///
/// Calls come from one thread at a time (per engine instance), except `stop()`, which is safe
/// from any thread.
public protocol AnalyzingEngine: GoEngine {
  /// Searches `state` until the request's limits or `stop()`; calls `report` every
  /// `request.reportInterval` seconds with the current snapshot, and returns the final one.
  /// Blocks. Does not play a move.
  func analyze(
    _ state: GameState, request: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> AnalysisSnapshot

  /// Chooses a move like `generateMove(for:request:)`, honouring `analysis.restrictions` and
  /// calling `report` every `analysis.reportInterval` seconds while it thinks. Blocks.
  func generateMove(
    for state: GameState, request: MoveRequest, analysis: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> MoveDecision

  /// The search parameters `kata-list-params` lists, with their current values as text.
  var parameterValues: [(name: String, value: String)] { get }

  /// Sets one search parameter by name (`kata-set-param`); throws a message for an unknown name
  /// or a bad value, leaving every parameter unchanged.
  func setParameter(_ name: String, _ value: String) throws(ParameterError)
}

/// Why a search parameter could not be set.
public struct ParameterError: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
