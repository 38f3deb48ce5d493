import Foundation

/// How a node's value is rebuilt from its children after a visit (KataGo's backup).
struct ValueRule: Sendable {
  /// Exponent of the tCDF₃ weight that favours better children (0: plain child weights).
  var valueWeightExponent = 0.25
  /// Take excess weight from worse-than-earlier children beyond twice their policy share.
  var noisePruning = true
  /// Utility gap scale of noise pruning.
  var noisePruneUtilityScale = 0.15
  /// Most weight noise pruning takes from one child.
  var noisePruningCap = 1e50
  /// Subtree value bias: correction factor, weight exponent, share removed on discard.
  var biasFactor = 0.45
  var biasWeightExponent = 0.85
  var biasFreeProp = 0.8

  init() {}

  init(_ p: PUCTParameters) {
    valueWeightExponent = max(0, p.valueWeightExponent)
    noisePruning = p.useNoisePruning
    noisePruneUtilityScale = max(1e-3, p.noisePruneUtilityScale)
    noisePruningCap = max(0, p.noisePruningCap)
    biasFactor = min(1, max(0, p.subtreeValueBiasFactor))
    biasWeightExponent = min(1, max(0, p.subtreeValueBiasWeightExponent))
    biasFreeProp = min(1, max(0, p.subtreeValueBiasFreeProp))
  }

  /// Student's t CDF with 3 degrees of freedom (closed form).
  @inline(__always)
  static func tCDF3(_ t: Double) -> Double {
    let x = t / 3.0.squareRoot()
    return 0.5 + (atan(x) + x / (1 + x * x)) / Double.pi
  }
}
