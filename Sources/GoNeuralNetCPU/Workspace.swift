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

/// Workspace slot numbers: a role plus a nesting depth (or thread index).
enum Slot {
  static let input = 1
  static let mask = 2
  static let trunk = 3
  static let winogradV = 4
  static let winogradM = 5
  static let im2col = 6
  static let small = 7
  static let headA = 10
  static let headB = 11
  static let headC = 12
  static let rope = 13
  /// Per-depth roles (depth 0...15).
  static func normed(_ d: Int) -> Int { 100 + d }
  static func mid(_ d: Int) -> Int { 200 + d }
  static func mid2(_ d: Int) -> Int { 300 + d }
  static func stream(_ d: Int) -> Int { 400 + d }
  static func qkv(_ d: Int) -> Int { 500 + d }
  static func attnOut(_ d: Int) -> Int { 600 + d }
  static func pooled(_ d: Int) -> Int { 700 + d }
  /// Per-thread attention scratch (`tengen_attention_scratch`).
  static func attention(_ t: Int) -> Int { 1000 + t }
}
