/// The normalisation at the end of the trunk.
public enum TrunkTip: Sendable {
  /// Batch-norm style (trunkNormKind 0).
  case batchNorm(NormLayer)
  /// RMSNorm (trunkNormKind 1).
  case rmsNorm(TrunkRMSNormLayer)
}
