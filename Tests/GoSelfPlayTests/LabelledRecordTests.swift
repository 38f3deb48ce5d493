import GoCore
import GoFormats
import GoNeuralNet
import GoSearch
@testable import GoSelfPlay
import GoTrainingData
import Testing

/// A distillation game's record carries its teacher labels, and rows made from the record alone
/// match the rows the game made when it was played (ownership from the game's end).
@Suite struct LabelledRecordTests {
  func distillationGame(seed: UInt64) throws -> FinishedSelfPlayGame {
    let s = SelfPlayGameTests.settings {
      $0.rawPolicy = true
      $0.policyInitAreaProp = 0
    }
    return try SelfPlayGamePlayer(settings: s, search: PUCTParameters(), evaluator: PatternEvaluator())
      .play(index: 0, seed: seed)
  }

  @Test func rowsFromTheRecordMatchTheGamesRows() throws {
    let g = try distillationGame(seed: 7)
    let text = g.sgfText(generator: "test")
    #expect(text.contains("TL[") && text.contains("TO["))
    let back = try FinishedSelfPlayGame(labelled: SGFGame(text: text), index: 0)
    #expect(back.state.moves.map(\.move) == g.state.moves.map(\.move))
    #expect(back.whiteScore == g.whiteScore && back.winner == g.winner)
    let own = try #require(g.finalOwnership)
    let ownBack = try #require(back.finalOwnership)
    #expect(g.state.board.points.allSatisfy { own[$0.i] == ownBack[$0.i] })
    let original = try g.rows(posLen: 5, gameID: 1, shortTermFactor: 0.176)
    let labelled = try back.rows(posLen: 5, gameID: 1, shortTermFactor: 0.176)
    #expect(original.count == labelled.count && !labelled.isEmpty)
    for (k, (a, b)) in zip(original, labelled).enumerated() {
      #expect(a.packedPlanes == b.packedPlanes && a.globalInputs == b.globalInputs, "row \(k)")
      #expect(a.moveNumber == b.moveNumber && a.pla == b.pla && a.komi == b.komi)
      // Three decimals in the label; the policy keeps 99% of the mass.
      let sum = b.policyTarget.reduce(0, +)
      #expect(sum > 0.985 && sum < 1.015, "row \(k)")
      for (x, y) in zip(a.policyTarget, b.policyTarget) { #expect(abs(x - y) < 6e-4 || y == 0 && x < 1e-2, "row \(k)") }
      for (x, y) in zip(a.valueTarget, b.valueTarget) { #expect(abs(x - y) < 1e-4) }
      for (x, y) in zip(a.scoreTargets, b.scoreTargets) { #expect(abs(x - y) < 1e-3) }
      for (x, y) in zip(a.shortTermTargets, b.shortTermTargets) { #expect(abs(x - y) < 1e-3) }
      #expect(zip(a.policyTargetNext, b.policyTargetNext).allSatisfy { abs($0 - $1) < 6e-4 || $1 == 0 && $0 < 1e-2 })
      // Ownership: the teacher's own map is not kept; the record's final ownership stands in.
      #expect(b.targetWeights == [1, 1, 1, 1, 1, 1])
      let pla: Stone = b.pla == 1 ? .black : .white
      for p in g.state.board.points {
        let o = own[p.i]
        let expected: Int8 = o == pla ? 127 : (o == .empty || o == .wall ? 0 : -127)
        #expect(b.ownershipTarget[p.y * 5 + p.x] == expected)
      }
    }
  }

  @Test func brokenLabelsAreErrorsNamingTheMove() throws {
    let g = try distillationGame(seed: 8)
    let text = g.sgfText(generator: "test")
    // Drop the label of the last move: a labelled move followed by an unlabelled one.
    var game = try SGFGame(text: text)
    let last = game.tree.nodes.count - 1
    game.tree.nodes[last].properties.removeAll { $0.identifier == "TL" }
    #expect(throws: FinishedSelfPlayGame.LabelError.self) { try FinishedSelfPlayGame(labelled: game, index: 0) }
    let garbled = text.replacingOccurrences(of: "TL[", with: "TL[x ", options: [], range: text.range(of: "TL["))
    #expect(throws: FinishedSelfPlayGame.LabelError.self) {
      try FinishedSelfPlayGame(labelled: SGFGame(text: garbled), index: 0)
    }
    let plain = try SGFGame(text: "(;GM[1]SZ[5]KM[0.5]RE[B+1];B[cc];W[dd])")
    #expect(throws: FinishedSelfPlayGame.LabelError.self) { try FinishedSelfPlayGame(labelled: plain, index: 0) }
  }
}
