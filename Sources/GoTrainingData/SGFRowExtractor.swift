public import GoCore
public import GoFeatures
public import GoFormats
import GoNeuralNet

/// Turns the main line of an SGF game into training rows (`docs/FORMATS.md` §1): one row per
/// position before a `B`/`W` move, with the record's move as the policy target and the `RE`
/// result as value/score targets, or, with a teacher, the teacher network's outputs.
public struct SGFRowExtractor {
  /// What one game gives: its rows, or why it gives none (a game Tengen cannot encode is an
  /// expected outcome of a folder of records, not an error).
  public enum Outcome: Equatable {
    case rows([TrainingRow])
    /// The reason, with the line and column of the SGF problem when there is one.
    case skipped(String)

    /// The rows (none when skipped).
    public var rows: [TrainingRow] {
      if case .rows(let r) = self { return r }
      return []
    }

    /// Why the game was skipped, or nil.
    public var skipReason: String? {
      if case .skipped(let reason) = self { return reason }
      return nil
    }
  }

  /// The grid side L of the rows.
  public var posLen: Int
  /// The network that labels positions, or nil for the record's own targets.
  public var teacher: (any RowTeacher)?
  /// Feature options (the CLI's default: the same as `kata-raw-nn`).
  public var options = InputFeaturesV7.Options()
  /// Rules for records without a known `RU` (komi still comes from `KM` when present).
  public var fallbackRules = Rules.trompTaylor
  /// Positions the teacher evaluates in one batch.
  public var teacherBatchSize = 16

  /// An extractor for a `posLen` grid.
  public init(posLen: Int, teacher: (any RowTeacher)? = nil) {
    self.posLen = posLen
    self.teacher = teacher
  }

  /// The rows of `game`'s main line, all tagged with `gameID`; `.skipped` when the board does
  /// not fit the grid, the record cannot be replayed (illegal or malformed move) or it places
  /// setup stones after moves.
  /// - Throws: the teacher's error.
  public func extract(_ game: SGFGame, gameID: Int64) throws -> Outcome {
    let info = game.info
    guard info.width <= posLen, info.height <= posLen else {
      return .skipped("board \(info.width)x\(info.height) does not fit the \(posLen)x\(posLen) grid (--pos-len)")
    }
    let state: GameState
    do {
      state = try game.replay(rules: game.rules(fallback: fallbackRules))
    } catch {
      return .skipped("cannot replay: \(error)")
    }
    let recorded = game.tree.mainLine.reduce(0) {
      $0 + ($1.property("B") != nil ? 1 : 0) + ($1.property("W") != nil ? 1 : 0)
    }
    guard recorded == state.moves.count else {
      return .skipped("setup stones (AB/AW/AE) after the first move cannot be encoded as history")
    }
    let start = GameState(board: state.initialBoard, toMove: state.initialToMove, rules: state.rules)
    var nn = NNGame(start)
    let result = GameResult(info.result)
    let area = posLen * posLen
    let total = state.moves.count
    var rows: [TrainingRow] = []
    rows.reserveCapacity(total)
    var pending: [NNGame] = []
    for (i, (player, move)) in state.moves.enumerated() {
      let color: UInt8 = player == .black ? 1 : 2
      nn.nextPlayer = color
      let (packed, global) = TrainingRow.inputs(of: nn, posLen: posLen, options: options)
      var policy = [Float](repeating: 0, count: area + 1)
      var value: [Float] = [0.5, 0.5, 0]
      var scores: [Float] = [0, 0, Float(total - i) / 4]
      let ownership = [Int8](repeating: 0, count: area)
      // policy, value, score, lead, vtime, ownership
      var weights: [Float] = [1, 0, 0, 0, 1, 0]
      if let v = result.value(for: player) {
        value = v
        weights[1] = 1
      }
      if let s = result.score(for: player) {
        scores[0] = s
        scores[1] = s
        weights[2] = 1
        weights[3] = 1
      }
      if teacher != nil {
        pending.append(nn)
      } else if let p = move.point {
        policy[p.y * posLen + p.x] = 1
      } else {
        policy[area] = 1
      }
      rows.append(
        TrainingRow(
          packedPlanes: packed, globalInputs: global, policyTarget: policy, valueTarget: value,
          scoreTargets: scores, ownershipTarget: ownership, targetWeights: weights,
          gameID: gameID, moveNumber: Int32(i), boardSize: (Int32(info.width), Int32(info.height)),
          pla: Int8(color), komi: Float(state.rules.komi)))
      try nn.play(move.point, color: color)
      if pending.count >= teacherBatchSize || (i == total - 1 && !pending.isEmpty) {
        try label(&rows, from: rows.count - pending.count, pending)
        pending.removeAll()
      }
    }
    return .rows(rows)
  }

  /// Replaces the targets of `rows[start...]` with the teacher's evaluations of `games`.
  private func label(_ rows: inout [TrainingRow], from start: Int, _ games: [NNGame]) throws {
    guard let teacher else { return }
    let evals = try teacher.evaluate(games)
    precondition(evals.count == games.count, "the teacher must answer every position")
    let area = posLen * posLen
    for (k, e) in evals.enumerated() {
      let white = rows[start + k].pla == 2
      let sign: Float = white ? 1 : -1
      var policy = [Float](repeating: 0, count: area + 1)
      var ownership = [Int8](repeating: 0, count: area)
      for y in 0..<e.ySize {
        for x in 0..<e.xSize {
          policy[y * posLen + x] = max(0, e.policy[y * e.xSize + x])
          let o = max(-1, min(1, sign * e.whiteOwnership[y * e.xSize + x]))
          ownership[y * posLen + x] = Int8((127 * o).rounded())
        }
      }
      policy[area] = max(0, e.passProbability)
      rows[start + k].policyTarget = policy
      rows[start + k].ownershipTarget = ownership
      rows[start + k].valueTarget =
        white ? [e.whiteWin, e.whiteLoss, e.noResult] : [e.whiteLoss, e.whiteWin, e.noResult]
      rows[start + k].scoreTargets[1] = sign * e.whiteLead
      // policy, value, score, lead, vtime, ownership
      rows[start + k].targetWeights[1] = 1
      rows[start + k].targetWeights[3] = 1
      rows[start + k].targetWeights[5] = 1
    }
  }
}
