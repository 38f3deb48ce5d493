/// Rotary position encoding of a transformer attention block.
public enum RotaryEncoding: Sendable {
  /// No rotary encoding.
  case none
  /// Learned frequencies, `[kvHead][pair][axis]` with axis 0 = x (column), 1 = y (row).
  case learned(freqs: [Float])
  /// Fixed frequencies with base theta (first half of the pairs use rows, second half columns).
  case fixed(theta: Float)
}
