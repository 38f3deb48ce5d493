import GoNeuralNet
import TestSupport

/// Worst differences of every output of two evaluations of one batch.
struct OutputDifferences: CustomStringConvertible {
  var policy: Float
  var pass: Float
  var value: Float
  var score: Float
  var ownership: Float

  init(_ a: NNRawOutputBatch, _ b: NNRawOutputBatch) {
    policy = maxDiff(a.policy, b.policy)
    pass = maxDiff(a.pass, b.pass)
    value = maxDiff(a.value, b.value)
    score = maxDiff(a.score, b.score)
    ownership = maxDiff(a.ownership, b.ownership)
  }

  var worst: Float { [policy, pass, value, score, ownership].max()! }

  var description: String {
    func f(_ x: Float) -> String { x == 0 ? "0" : "\(x)" }
    return "policy \(f(policy)) pass \(f(pass)) value \(f(value)) score \(f(score)) ownership \(f(ownership))"
  }
}
