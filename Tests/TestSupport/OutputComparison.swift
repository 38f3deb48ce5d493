import GoNeuralNet

/// The largest absolute difference between two equally long arrays (NaN counts as infinite).
public func maxDiff(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count, "lengths differ: \(a.count) vs \(b.count)")
  return zip(a, b).reduce(0) { m, p in
    let d = abs(p.0 - p.1)
    return d.isNaN ? .infinity : max(m, d)
  }
}

/// Outputs of sample range `r` of a batch's outputs.
public func slice(_ o: NNRawOutputBatch, _ r: Range<Int>) -> NNRawOutputBatch {
  var s = NNRawOutputBatch(
    count: r.count, nnXLen: o.nnXLen, nnYLen: o.nnYLen, policyChannels: o.policyChannels, scoreCount: o.scoreCount)
  let area = o.nnXLen * o.nnYLen
  let pc = o.policyChannels
  s.policy = Array(o.policy[r.lowerBound * pc * area..<r.upperBound * pc * area])
  s.pass = Array(o.pass[r.lowerBound * pc..<r.upperBound * pc])
  s.value = Array(o.value[r.lowerBound * 3..<r.upperBound * 3])
  s.score = Array(o.score[r.lowerBound * o.scoreCount..<r.upperBound * o.scoreCount])
  s.ownership = Array(o.ownership[r.lowerBound * area..<r.upperBound * area])
  return s
}
