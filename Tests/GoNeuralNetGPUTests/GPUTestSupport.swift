import GoNeuralNet
import TestSupport

/// Random binary feature planes and globals; sample i uses a `boards[i]`-sided board in the
/// top-left corner of a `grid` × `grid` grid (plane 0, the mask, is 1 exactly on it).
func randomBatch(_ model: ModelDescription, grid: Int, boards: [Int], seed: UInt64, metadata: Bool = false) -> NNInputBatch {
  var rng = TestRandom(seed: seed)
  var b = NNInputBatch(
    count: boards.count, nnXLen: grid, nnYLen: grid, numSpatial: model.numInputChannels,
    numGlobal: model.numInputGlobalChannels)
  let area = grid * grid
  for (i, size) in boards.enumerated() {
    for c in 0..<b.numSpatial {
      for y in 0..<size {
        for x in 0..<size {
          let on: Bool = c == 0 ? true : Int.random(in: 0..<4, using: &rng) == 0
          b.spatial[(i * b.numSpatial + c) * area + y * grid + x] = on ? 1 : 0
        }
      }
    }
    for g in 0..<b.numGlobal { b.global[i * b.numGlobal + g] = Float.random(in: -1...1, using: &rng) }
  }
  if metadata {
    b.metadata = (0..<boards.count * 192).map { _ in Int.random(in: 0..<3, using: &rng) == 0 ? 1 : 0 }
  }
  return b
}

/// The largest absolute difference between two equally long arrays (NaN counts as infinite).
func maxDiff(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count, "lengths differ: \(a.count) vs \(b.count)")
  return zip(a, b).reduce(0) { m, p in
    let d = abs(p.0 - p.1)
    return d.isNaN ? .infinity : max(m, d)
  }
}

/// Outputs of sample range `r` of a batch's outputs.
func slice(_ o: NNRawOutputBatch, _ r: Range<Int>) -> NNRawOutputBatch {
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

/// Samples `r` of a batch as a batch of their own.
func slice(_ b: NNInputBatch, _ r: Range<Int>) -> NNInputBatch {
  var s = NNInputBatch(count: r.count, nnXLen: b.nnXLen, nnYLen: b.nnYLen, numSpatial: b.numSpatial, numGlobal: b.numGlobal)
  let plane = b.numSpatial * b.area
  s.spatial = Array(b.spatial[r.lowerBound * plane..<r.upperBound * plane])
  s.global = Array(b.global[r.lowerBound * b.numGlobal..<r.upperBound * b.numGlobal])
  if !b.metadata.isEmpty { s.metadata = Array(b.metadata[r.lowerBound * 192..<r.upperBound * 192]) }
  return s
}

/// A fixture model.
func tinyModel(_ file: String) throws -> ModelDescription {
  try ModelLoader.load(path: Fixtures.path(file))
}
