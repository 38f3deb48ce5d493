/// Raw network outputs of a batch, before any post-processing (side-to-move perspective).
public struct NNRawOutputBatch: Sendable {
  /// Number of samples.
  public var count: Int
  /// Grid width.
  public var nnXLen: Int
  /// Grid height.
  public var nnYLen: Int
  /// Policy channels per sample.
  public var policyChannels: Int
  /// Score outputs per sample.
  public var scoreCount: Int
  /// `[sample][channel][y][x]` board policy logits.
  public var policy: [Float]
  /// `[sample][channel]` pass logits.
  public var pass: [Float]
  /// `[sample][3]` win/loss/no-result logits.
  public var value: [Float]
  /// `[sample][scoreCount]` raw score outputs.
  public var score: [Float]
  /// `[sample][y][x]` pre-tanh ownership.
  public var ownership: [Float]

  /// Creates a zero-filled output batch.
  public init(count: Int, nnXLen: Int, nnYLen: Int, policyChannels: Int, scoreCount: Int) {
    self.count = count
    self.nnXLen = nnXLen
    self.nnYLen = nnYLen
    self.policyChannels = policyChannels
    self.scoreCount = scoreCount
    let area = nnXLen * nnYLen
    policy = [Float](repeating: 0, count: count * policyChannels * area)
    pass = [Float](repeating: 0, count: count * policyChannels)
    value = [Float](repeating: 0, count: count * 3)
    score = [Float](repeating: 0, count: count * scoreCount)
    ownership = [Float](repeating: 0, count: count * area)
  }
}
