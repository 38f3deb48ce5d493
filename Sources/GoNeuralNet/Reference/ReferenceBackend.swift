#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The naive, obviously-correct forward pass (NCHW, one sample at a time, Double accumulation):
/// the test oracle for every faster backend.
public final class ReferenceBackend: NeuralNetBackend {
  /// The model this backend runs.
  public let model: ModelDescription
  /// "reference".
  public let backendName = "reference"

  /// Creates a reference backend for `model`.
  public init(model: ModelDescription) {
    self.model = model
  }

  /// Runs every sample of the batch separately.
  public func evaluate(_ batch: NNInputBatch) throws -> NNRawOutputBatch {
    var out = NNRawOutputBatch(
      count: batch.count, nnXLen: batch.nnXLen, nnYLen: batch.nnYLen,
      policyChannels: model.numPolicyChannels, scoreCount: model.numScoreOutputs)
    let area = batch.area
    for n in 0..<batch.count {
      let sIn = batch.numSpatial * area
      let spatial = Array(batch.spatial[n * sIn..<(n + 1) * sIn])
      let global = Array(batch.global[n * batch.numGlobal..<(n + 1) * batch.numGlobal])
      let meta: [Float] =
        batch.metadata.isEmpty ? [] : Array(batch.metadata[n * 192..<(n + 1) * 192])
      var pass = ReferencePass(model: model, w: batch.nnXLen, h: batch.nnYLen, spatial: spatial)
      let r = pass.run(global: global, metadata: meta)
      let pc = model.numPolicyChannels
      out.policy.replaceSubrange(n * pc * area..<(n + 1) * pc * area, with: r.policy)
      out.pass.replaceSubrange(n * pc..<(n + 1) * pc, with: r.pass)
      out.value.replaceSubrange(n * 3..<(n + 1) * 3, with: r.value)
      let sc = model.numScoreOutputs
      out.score.replaceSubrange(n * sc..<(n + 1) * sc, with: r.score)
      out.ownership.replaceSubrange(n * area..<(n + 1) * area, with: r.ownership)
    }
    return out
  }
}
