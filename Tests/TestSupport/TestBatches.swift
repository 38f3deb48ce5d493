import GoNeuralNet

/// Random binary feature planes and globals in [-1, 1] for `model`'s inputs, from `seed`;
/// sample i uses a `boards[i]`-sided board in the top-left corner of a `grid` × `grid` grid
/// (plane 0, the mask, is 1 exactly on it), with random binary SGF metadata if `metadata`.
public func randomBatch(
  _ model: ModelDescription, grid: Int, boards: [Int], seed: UInt64, metadata: Bool = false
) -> NNInputBatch {
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

/// Samples `r` of a batch as a batch of their own.
public func slice(_ b: NNInputBatch, _ r: Range<Int>) -> NNInputBatch {
  var s = NNInputBatch(count: r.count, nnXLen: b.nnXLen, nnYLen: b.nnYLen, numSpatial: b.numSpatial, numGlobal: b.numGlobal)
  let plane = b.numSpatial * b.area
  s.spatial = Array(b.spatial[r.lowerBound * plane..<r.upperBound * plane])
  s.global = Array(b.global[r.lowerBound * b.numGlobal..<r.upperBound * b.numGlobal])
  if !b.metadata.isEmpty { s.metadata = Array(b.metadata[r.lowerBound * 192..<r.upperBound * 192]) }
  return s
}

/// The top-left `size` × `size` corner of every sample's planes, as a batch on a `size` × `size`
/// grid (globals and metadata as they are): a board placed in a larger grid, on its own grid.
public func cropped(_ b: NNInputBatch, to size: Int) -> NNInputBatch {
  var s = NNInputBatch(count: b.count, nnXLen: size, nnYLen: size, numSpatial: b.numSpatial, numGlobal: b.numGlobal)
  for i in 0..<b.count {
    for c in 0..<b.numSpatial {
      for y in 0..<size {
        for x in 0..<size {
          s.spatial[((i * b.numSpatial + c) * size + y) * size + x] =
            b.spatial[(i * b.numSpatial + c) * b.area + y * b.nnXLen + x]
        }
      }
    }
  }
  s.global = b.global
  s.metadata = b.metadata
  return s
}
