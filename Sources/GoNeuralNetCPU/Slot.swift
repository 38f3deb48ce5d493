import GoNeuralNet

/// Workspace slot numbers: the fixed roles, the per-depth roles every backend has
/// (`WorkspaceSlots`) and the attention scratch per thread.
enum Slot: WorkspaceSlots {
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
  /// Per-thread attention scratch (`tengen_attention_scratch`).
  static func attention(_ t: Int) -> Int { 1000 + t }
}
