import GoNeuralNet

/// A backend whose raw outputs a test writes: zeros (a uniform policy, even values) changed
/// by `rig` for every batch, e.g. to put a NaN in one output.
final class RiggedBackend: NeuralNetBackend, @unchecked Sendable {
  let model: ModelDescription
  let rig: @Sendable (inout NNRawOutputBatch) -> Void
  var backendName: String { "rigged" }

  init(model: ModelDescription, rig: @escaping @Sendable (inout NNRawOutputBatch) -> Void) {
    self.model = model
    self.rig = rig
  }

  func evaluate(_ batch: NNInputBatch) throws -> NNRawOutputBatch {
    var out = NNRawOutputBatch(
      count: batch.count, nnXLen: batch.nnXLen, nnYLen: batch.nnYLen,
      policyChannels: model.numPolicyChannels, scoreCount: model.numScoreOutputs)
    rig(&out)
    return out
  }
}
