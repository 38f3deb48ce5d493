/// Reusable activation buffers, kept between evaluations and grown on demand.
final class Workspace: @unchecked Sendable {
  private var buffers: [Int: FloatBuffer] = [:]

  /// A buffer of at least `count` floats for `slot` (contents unspecified).
  func get(_ slot: Int, _ count: Int) -> UnsafeMutablePointer<Float> {
    if let b = buffers[slot], b.count >= count { return b.pointer }
    let b = FloatBuffer(count: count)
    buffers[slot] = b
    return b.pointer
  }

  /// Total floats held.
  var totalFloats: Int { buffers.values.reduce(0) { $0 + $1.count } }
}
