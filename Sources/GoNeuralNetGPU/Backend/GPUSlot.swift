import GoNeuralNet

/// Workspace slot numbers: the fixed roles, the per-depth roles every backend has
/// (`WorkspaceSlots`) and the global-pooling bias per depth.
enum GPUSlot: WorkspaceSlots {
  static let spatial = 1
  static let global = 2
  static let metadata = 3
  static let input = 4
  static let mask = 5
  static let maskSum = 6
  static let trunk = 7
  static let im2col = 8
  static let trunkBias = 9
  static let metaA = 10
  static let metaB = 11
  static let tipPartial = 12
  static let tipScale = 13
  static let tipOut = 14
  static let logits = 15
  static let probs = 16
  static let policyP = 20
  static let policyG = 21
  static let policyPooled = 22
  static let policyBias = 23
  static let policyLogits = 24
  static let pass1 = 25
  static let pass2 = 26
  static let valueV1 = 27
  static let valuePooled = 28
  static let valueV2 = 29
  static let value = 30
  static let score = 31
  static let ownership = 32
  /// A global-pooling bias per depth (`800 + d`).
  static func poolBias(_ d: Int) -> Int { 800 + d }
}
