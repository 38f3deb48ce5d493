/// A batch of network inputs on an nnY × nnX grid, plane-major (NCHW) per sample.
public struct NNInputBatch: Sendable {
  /// Number of samples.
  public var count: Int
  /// Grid width.
  public var nnXLen: Int
  /// Grid height.
  public var nnYLen: Int
  /// Spatial planes per sample.
  public var numSpatial: Int
  /// Global values per sample.
  public var numGlobal: Int
  /// `[sample][plane][y][x]`; plane 0 is the on-board mask.
  public var spatial: [Float]
  /// `[sample][global]`.
  public var global: [Float]
  /// `[sample][192]` metadata inputs for human-SL models (empty otherwise).
  public var metadata: [Float]

  /// Creates a zero-filled batch.
  public init(count: Int, nnXLen: Int, nnYLen: Int, numSpatial: Int, numGlobal: Int) {
    self.count = count
    self.nnXLen = nnXLen
    self.nnYLen = nnYLen
    self.numSpatial = numSpatial
    self.numGlobal = numGlobal
    spatial = [Float](repeating: 0, count: count * numSpatial * nnXLen * nnYLen)
    global = [Float](repeating: 0, count: count * numGlobal)
    metadata = []
  }

  /// Points per sample.
  public var area: Int { nnXLen * nnYLen }
}
