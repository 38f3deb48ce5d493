import GoCore
import GoFeatures
public import GoTrainingData

/// Training rows (`docs/FORMATS.md` §1, version 2) from a finished self-play game: one row per
/// full search.
extension FinishedSelfPlayGame {
  /// The game's rows on a `posLen` grid, all tagged `gameID`.
  ///
  /// Targets, all for the player to move: policy = the search's (pruned) visit weights;
  /// next-move policy = the following turn's search weights; value, score, lead and ownership
  /// = the game's end (after a resignation only the value); short-term win/loss/no-result
  /// and score = KataGo's TD blend of the searches' root values with the end, factor
  /// 1 / (1 + area · `shortTermFactor`) per turn; vtime = remaining moves / 4. The row weight
  /// is the turn's (soft resignation lowers it). A distillation turn (`rawPolicy`) takes value,
  /// lead and ownership from its teacher evaluation instead, like `tengen rows --teacher`.
  /// - Throws: `GameState.IllegalMove` if the record cannot be replayed (never for a game
  ///   this module played).
  public func rows(posLen: Int, gameID: Int64, shortTermFactor: Double) throws -> [TrainingRow] {
    let board = state.board
    precondition(board.width <= posLen && board.height <= posLen, "board larger than the row grid")
    let area = posLen * posLen
    let boardArea = board.width * board.height
    let start = GameState(board: state.initialBoard, toMove: state.initialToMove, rules: state.rules)
    var nn = NNGame(start)
    let options = InputFeatures.Options()

    // Short-term targets, White's view (win, loss, no-result, score), backwards from the end.
    var end: (Double, Double, Double, Double)
    if let s = whiteScore {
      end = s > 0 ? (1, 0, 0, s) : (s < 0 ? (0, 1, 0, s) : (0.5, 0.5, 0, 0))
    } else {
      let last = turns.last?.whiteScore ?? 0
      end = winner == .white ? (1, 0, 0, last) : (0, 1, 0, last)
    }
    let now = 1 / (1 + Double(boardArea) * shortTermFactor)
    var shortTerm = [(Double, Double, Double, Double)](repeating: (0, 0, 0, 0), count: turns.count)
    for k in turns.indices.reversed() {
      let t = turns[k]
      let win = max(0, (1 - t.whiteNoResult + t.whiteWinLoss) / 2)
      let loss = max(0, (1 - t.whiteNoResult - t.whiteWinLoss) / 2)
      end = (
        (1 - now) * end.0 + now * win, (1 - now) * end.1 + now * loss,
        (1 - now) * end.2 + now * t.whiteNoResult, (1 - now) * end.3 + now * t.whiteScore
      )
      shortTerm[k] = end
    }

    func grid(_ target: [(move: Move, weight: Double)]) -> [Float] {
      var out = [Float](repeating: 0, count: area + 1)
      for (m, w) in target where w > 0 {
        if let p = m.point { out[p.y * posLen + p.x] = Float(w) } else { out[area] = Float(w) }
      }
      return out
    }

    var rows: [TrainingRow] = []
    let total = state.moves.count
    for (i, (player, move)) in state.moves.enumerated() {
      let color: UInt8 = player == .black ? 1 : 2
      let k = i - openingMoves
      if k >= 0, k < turns.count, turns[k].full {
        let t = turns[k]
        nn.nextPlayer = color
        let (packed, global) = TrainingRow.inputs(of: nn, posLen: posLen, options: options)
        let sign: Double = player == .white ? 1 : -1
        var value: [Float] = [0.5, 0.5, 0]
        if let winner { value = winner == player ? [1, 0, 0] : [0, 1, 0] }
        let margin = whiteScore.map { Float(sign * $0) } ?? 0
        var ownership = [Int8](repeating: 0, count: area)
        if let own = finalOwnership {
          for p in board.points {
            let o = own[p.i]
            if o == .black || o == .white {
              ownership[p.y * posLen + p.x] = (o == .white) == (player == .white) ? 127 : -127
            }
          }
        }
        let scored: Float = whiteScore == nil ? 0 : 1
        var lead = margin
        var weights: [Float] = [1, 1, scored, scored, 1, scored]   // policy, value, score, lead, vtime, ownership
        if let e = t.teacher {   // a distillation turn: the teacher's value, lead and ownership
          let white = player == .white
          value = white ? [e.whiteWin, e.whiteLoss, e.noResult] : [e.whiteLoss, e.whiteWin, e.noResult]
          lead = Float(sign) * e.whiteLead
          weights[3] = 1
          // A label read from a record has no ownership: the game's end gives it.
          if e.whiteOwnership.count == e.xSize * e.ySize {
            for y in 0..<e.ySize {
              for x in 0..<e.xSize {
                let o = max(-1, min(1, Float(sign) * e.whiteOwnership[y * e.xSize + x]))
                ownership[y * posLen + x] = Int8((127 * o).rounded())
              }
            }
            weights[5] = 1
          }
        }
        let st = shortTerm[k]
        let (stWin, stLoss) = player == .white ? (st.0, st.1) : (st.1, st.0)
        var row = TrainingRow(
          packedPlanes: packed, globalInputs: global, policyTarget: grid(t.policyTarget), valueTarget: value,
          scoreTargets: [margin, lead, Float(total - i) / 4], ownershipTarget: ownership,
          targetWeights: weights, sampleWeight: Float(t.rowWeight),
          gameID: gameID, moveNumber: Int32(i), boardSize: (Int32(board.width), Int32(board.height)),
          pla: Int8(color), komi: Float(state.rules.komi))
        if k + 1 < turns.count { row.policyTargetNext = grid(turns[k + 1].policyTarget) }
        row.shortTermTargets = [Float(stWin), Float(stLoss), Float(st.2), Float(sign * st.3)]
        row.shortTermWeight = 1
        rows.append(row)
      }
      try nn.play(move.point, color: color)
    }
    return rows
  }
}
