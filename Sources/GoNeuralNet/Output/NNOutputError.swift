/// The network gave an output that is not a finite number (NaN or infinite): weights that are
/// finite but overflow on the way, or a broken backend. Post-processing refuses such an
/// evaluation instead of passing NaN win rates to the search (KataGo also fails on a
/// non-finite policy sum).
public struct NNOutputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Which output: `policy sum`, `value`, `score` or `ownership`.
  public var output: String

  public init(output: String) { self.output = output }

  public var description: String {
    "the network's \(output) is not finite (NaN or infinite): its weights overflow, or the backend failed"
  }
}
