/// One training row of `docs/FORMATS.md` §1 (format version 2), on a `posLen` × `posLen` grid
/// with the board in the top-left corner; every target is from the player to move's view.
public struct TrainingRow: Sendable, Equatable {
  /// The 22 V7 spatial planes bit-packed per plane (MSB first), `22 * ceil(A/8)` bytes.
  public var packedPlanes: [UInt8]
  /// The 19 V7 global inputs.
  public var globalInputs: [Float]
  /// `A + 1` policy weights, last = pass.
  public var policyTarget: [Float]
  /// (win, loss, no-result) for pla.
  public var valueTarget: [Float]
  /// (score, lead, vtime).
  public var scoreTargets: [Float]
  /// `A` ownership values in −127...127 (+ = pla's).
  public var ownershipTarget: [Int8]
  /// (policy, value, score, lead, vtime, ownership) weights.
  public var targetWeights: [Float]
  /// Overall row weight.
  public var sampleWeight: Float = 1
  /// `A + 1` weights of the next move's policy (the opponent's reply), or empty: none.
  public var policyTargetNext: [Float] = []
  /// Short-term targets for pla: (win, loss, no-result, score), a TD(λ) blend of the searches'
  /// values over the next turns and the game's end.
  public var shortTermTargets: [Float] = [0, 0, 0, 0]
  /// Weight of the short-term targets (0: none).
  public var shortTermWeight: Float = 0
  /// The game the row comes from.
  public var gameID: Int64
  /// Moves played before this position.
  public var moveNumber: Int32
  /// (xSize, ySize).
  public var boardSize: (Int32, Int32)
  /// 1 Black, 2 White.
  public var pla: Int8
  /// The game's komi (for White).
  public var komi: Float

  /// A row from its parts.
  public init(
    packedPlanes: [UInt8], globalInputs: [Float], policyTarget: [Float], valueTarget: [Float],
    scoreTargets: [Float], ownershipTarget: [Int8], targetWeights: [Float],
    sampleWeight: Float = 1, gameID: Int64, moveNumber: Int32, boardSize: (Int32, Int32),
    pla: Int8, komi: Float
  ) {
    self.packedPlanes = packedPlanes
    self.globalInputs = globalInputs
    self.policyTarget = policyTarget
    self.valueTarget = valueTarget
    self.scoreTargets = scoreTargets
    self.ownershipTarget = ownershipTarget
    self.targetWeights = targetWeights
    self.sampleWeight = sampleWeight
    self.gameID = gameID
    self.moveNumber = moveNumber
    self.boardSize = boardSize
    self.pla = pla
    self.komi = komi
  }

  public static func == (a: TrainingRow, b: TrainingRow) -> Bool {
    a.packedPlanes == b.packedPlanes && a.globalInputs == b.globalInputs
      && a.policyTarget == b.policyTarget && a.valueTarget == b.valueTarget
      && a.scoreTargets == b.scoreTargets && a.ownershipTarget == b.ownershipTarget
      && a.targetWeights == b.targetWeights && a.sampleWeight == b.sampleWeight
      && a.gameID == b.gameID && a.moveNumber == b.moveNumber && a.boardSize == b.boardSize
      && a.pla == b.pla && a.komi == b.komi && a.policyTargetNext == b.policyTargetNext
      && a.shortTermTargets == b.shortTermTargets && a.shortTermWeight == b.shortTermWeight
  }

  /// Bytes per plane once packed: ceil(posLen² / 8).
  public static func packedLength(posLen: Int) -> Int { (posLen * posLen + 7) / 8 }

  /// Packs `planes` (`[22][posLen][posLen]`, nonzero = set) MSB first per plane.
  public static func pack(planes: UnsafeBufferPointer<Float>, posLen: Int) -> [UInt8] {
    let area = posLen * posLen
    let perPlane = packedLength(posLen: posLen)
    let count = planes.count / area
    var out = [UInt8](repeating: 0, count: count * perPlane)
    for c in 0..<count {
      for p in 0..<area where planes[c * area + p] != 0 {
        out[c * perPlane + p / 8] |= UInt8(0x80) >> UInt8(p % 8)
      }
    }
    return out
  }
}
