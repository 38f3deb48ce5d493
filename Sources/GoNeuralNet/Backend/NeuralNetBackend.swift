/// Something that runs a network on a batch of inputs.
public protocol NeuralNetBackend: AnyObject, Sendable {
  /// The model this backend runs.
  var model: ModelDescription { get }
  /// A short name for logs ("reference", "cpu").
  var backendName: String { get }
  /// Runs the network on every sample of `batch`.
  func evaluate(_ batch: NNInputBatch) throws -> NNRawOutputBatch
  /// How many `evaluate` calls may run at once, each at full speed (1: calls are serialised).
  /// `BatchingEvaluator` runs that many batches at a time.
  var concurrentEvaluations: Int { get }
}

extension NeuralNetBackend {
  public var concurrentEvaluations: Int { 1 }
}
