import GoCore
import GoNeuralNet
import GoSearch
@testable import GoSelfPlay
import GoTrainingData
import Testing

@Suite struct SelfPlayGameTests {
  static func settings(_ changes: (inout SelfPlaySettings) -> Void = { _ in }) -> SelfPlaySettings {
    var s = SelfPlaySettings()
    s.boardSizes = [WeightedChoice(5, 1)]
    s.fullVisits = 24
    s.cheapVisits = 6
    s.reducedVisitsMin = 6
    s.komi = 0.5
    s.komiAuto = false
    changes(&s)
    return s
  }

  static func player(_ s: SelfPlaySettings, bias: Float = 0) -> SelfPlayGamePlayer {
    SelfPlayGamePlayer(settings: s, search: PUCTParameters(), evaluator: PatternEvaluator(whiteBias: bias))
  }

  @Test func aGameIsAFunctionOfItsSeed() throws {
    let p = Self.player(Self.settings())
    let a = try p.play(index: 0, seed: 42)
    let b = try p.play(index: 0, seed: 42)
    let c = try p.play(index: 1, seed: 43)
    #expect(a.state.moves.map(\.move) == b.state.moves.map(\.move))
    #expect(a.turns.map(\.full) == b.turns.map(\.full) && a.state.rules.komi == b.state.rules.komi)
    #expect(a.state.moves.map(\.move) != c.state.moves.map(\.move))
    #expect(a.state.isOver || a.moveCount >= 75)
  }

  @Test func rowsCarryEveryTargetOfTheFullSearches() throws {
    let g = try Self.player(Self.settings()).play(index: 3, seed: 7)
    let rows = try g.rows(posLen: 7, gameID: 99, shortTermFactor: 0.176)
    #expect(rows.count == g.turns.filter(\.full).count && rows.count > 0)
    let fullTurns = g.turns.enumerated().filter { $0.element.full }
    for (row, (k, turn)) in zip(rows, fullTurns) {
      #expect(row.moveNumber == Int32(g.openingMoves + k))
      #expect(row.pla == (turn.player == .black ? 1 : 2))
      #expect(row.policyTarget.count == 50 && row.policyTarget.reduce(0, +) > 0)
      // The move played had weight in the target unless the temperature drew a pruned one.
      #expect(row.gameID == 99 && row.boardSize == (5, 5))
      let won = g.winner == turn.player
      if g.winner != nil { #expect(row.valueTarget == (won ? [1, 0, 0] : [0, 1, 0])) }
      let margin = Float((turn.player == .white ? 1 : -1) * g.whiteScore!)
      #expect(row.scoreTargets[0] == margin && row.scoreTargets[1] == margin)
      #expect(row.targetWeights == [1, 1, 1, 1, 1, 1] && row.shortTermWeight == 1)
      // Off-board points of the 7x7 grid own nothing.
      #expect(row.ownershipTarget[5] == 0 && row.ownershipTarget[48] == 0)
      #expect(row.policyTarget[5] == 0 && row.policyTargetNext.count == 50 || row.policyTargetNext.isEmpty)
    }
    // Ownership: the final area, from the mover's view.
    let own = g.state.board.areaOwnership(dead: [])
    let first = rows[0]
    let p = Point(x: 0, y: 0)
    let expected: Int8 = own[p.i] == .empty ? 0 : ((own[p.i] == .white) == (first.pla == 2) ? 127 : -127)
    if g.state.board[p] != .empty || own[p.i] != .empty { #expect(first.ownershipTarget[0] == expected) }
  }

  @Test func rawPolicyGamesLabelEveryMoveWithTheNetworksPolicy() throws {
    let s = Self.settings {
      $0.rawPolicy = true
      $0.policyInitAreaProp = 0
    }
    let net = PatternEvaluator()
    let g = try SelfPlayGamePlayer(settings: s, search: PUCTParameters(), evaluator: net).play(index: 0, seed: 5)
    #expect(g.openingMoves == 0 && !g.turns.isEmpty)
    #expect(g.turns.allSatisfy { $0.full && $0.visits == 1 && $0.evaluations == 1 })
    var state = GameState(size: 5, rules: g.state.rules)
    var evals: [NNEvaluation] = []
    for (k, turn) in g.turns.enumerated() {
      let e = try net.evaluate(state, isRoot: true)
      evals.append(e)
      var expected: [Move: Double] = [.pass: Double(e.passProbability)]
      for p in state.board.points where state.board[p] == .empty && state.isLegal(.play(p)) {
        expected[.play(p)] = Double(e.policy[p.y * 5 + p.x])
      }
      let total = expected.values.reduce(0, +)
      #expect(turn.policyTarget.count == expected.count, "turn \(k)")
      for (move, weight) in turn.policyTarget {
        #expect(abs(weight - expected[move]! / total) < 1e-9, "turn \(k) \(move)")
      }
      #expect(abs(turn.whiteWinLoss - Double(e.whiteWin - e.whiteLoss)) < 1e-6)
      #expect(expected[turn.move] != nil, "the move played is a legal one of the target")
      try state.play(turn.move)
    }
    // The rows carry the teacher's value, lead and ownership (as `tengen rows --teacher`), the
    // game's end as the score target.
    let rows = try g.rows(posLen: 5, gameID: 1, shortTermFactor: 0.176)
    #expect(rows.count == g.turns.count)
    for (row, e) in zip(rows, evals) {
      let white = row.pla == 2
      #expect(row.valueTarget == (white ? [e.whiteWin, e.whiteLoss, e.noResult] : [e.whiteLoss, e.whiteWin, e.noResult]))
      #expect(row.scoreTargets[1] == (white ? e.whiteLead : -e.whiteLead))
      #expect(row.scoreTargets[0] == Float((white ? 1 : -1) * g.whiteScore!))
      let o = (white ? 1 : -1) * e.whiteOwnership[7]
      #expect(row.ownershipTarget[7] == Int8((127 * o).rounded()))
      #expect(row.targetWeights == [1, 1, 1, 1, 1, 1])
    }
  }

  @Test func shortTermTargetsBlendSearchValuesTowardsTheEnd() throws {
    var state = GameState(size: 5, rules: .chinese.withKomi(0.5))
    let moves: [Move] = [.play(Point(x: 1, y: 1)), .play(Point(x: 3, y: 3)), .pass, .pass]
    var turns: [SelfPlayTurn] = []
    for (k, m) in moves.enumerated() {
      turns.append(
        SelfPlayTurn(
          player: state.toMove, move: m, full: true, rowWeight: 1, policyTarget: [(m, 1)],
          whiteWinLoss: k == 0 ? -0.5 : 0.2, whiteNoResult: 0, whiteScore: Double(k), visits: 10, newVisits: 10,
          evaluations: 10))
      try state.play(m)
    }
    let g = FinishedSelfPlayGame(
      index: 0, state: state, rulesName: "chinese", openingMoves: 0, turns: turns, whiteScore: 0.5,
      winner: .white, resigned: nil, wouldHaveResigned: nil, resignationEnabled: false,
      finalOwnership: state.board.areaOwnership(), seconds: 0)
    let rows = try g.rows(posLen: 5, gameID: 1, shortTermFactor: 0.176)
    let f = 1 / (1 + 25 * 0.176)
    // Backwards from the end (White wins, score 0.5): White's win probability and score.
    var win = 1.0
    var score = 0.5
    var expected: [(Double, Double)] = []
    for t in turns.reversed() {
      win = (1 - f) * win + f * (1 + t.whiteWinLoss) / 2
      score = (1 - f) * score + f * t.whiteScore
      expected.insert((win, score), at: 0)
    }
    for (k, row) in rows.enumerated() {
      let white = row.pla == 2
      let plaWin = white ? expected[k].0 : 1 - expected[k].0
      #expect(abs(Double(row.shortTermTargets[0]) - plaWin) < 1e-5, "turn \(k)")
      #expect(abs(Double(row.shortTermTargets[3]) - (white ? 1 : -1) * expected[k].1) < 1e-5)
    }
    // The next-move target is the following turn's; the last turn has none.
    #expect(rows[0].policyTargetNext[3 * 5 + 3] == 1 && rows[3].policyTargetNext.isEmpty)
  }

  @Test func softResignationCutsVisitsAndWeightOnlyWhenDecided() {
    let s = Self.settings()
    #expect(SelfPlayGamePlayer.reduction([0.95, 0.2, 0.99], s) == nil)
    #expect(SelfPlayGamePlayer.reduction([0.99, 0.99], s) == nil)
    let r = SelfPlayGamePlayer.reduction([0.95, 0.97, 0.96], s)!
    #expect(abs(r - 0.25) < 1e-9)  // least extreme 0.95: halfway past 0.9, squared
    #expect(abs(SelfPlayGamePlayer.reduction([-1, -1, -1], s)! - 1) < 1e-12)
  }

  @Test func resignationEndsLostGamesAndPlayedOutGamesCountFalseResignations() throws {
    let resigning = Self.settings {
      $0.resignThreshold = 0.1
      $0.resignPlayoutProbability = 0
    }
    // White is always far ahead: Black resigns after three low moves.
    let g = try Self.player(resigning, bias: 0.45).play(index: 0, seed: 5)
    #expect(g.resigned == .black && g.winner == .white && g.whiteScore == nil && g.resultText == "W+R")
    #expect(try g.rows(posLen: 5, gameID: 1, shortTermFactor: 0.176).allSatisfy { $0.targetWeights[2] == 0 })
    let measured = Self.settings {
      $0.resignThreshold = 0.1
      $0.resignPlayoutProbability = 1
    }
    let h = try Self.player(measured, bias: 0.45).play(index: 0, seed: 5)
    #expect(h.resigned == nil && h.wouldHaveResigned == .black && h.whiteScore != nil)
    #expect(h.falseResignation == (h.winner != .white))
  }

  @Test func moveChoiceFollowsTheTargetAndTemperature() {
    var rng = FastRandom(seed: 1)
    let target: [(move: Move, weight: Double)] = [(.play(Point(x: 0, y: 0)), 10), (.play(Point(x: 1, y: 0)), 30), (.pass, 0)]
    #expect(SelfPlayGamePlayer.choose(target, priors: [0.3, 0.3, 0.4], temperature: 0, &rng) == .play(Point(x: 1, y: 0)))
    var counts: [Move: Int] = [:]
    for _ in 0..<4000 { counts[SelfPlayGamePlayer.choose(target, priors: [0.3, 0.3, 0.4], temperature: 1, &rng), default: 0] += 1 }
    #expect(counts[.pass] == nil)
    let share = Double(counts[.play(Point(x: 1, y: 0))]!) / 4000
    #expect(abs(share - 0.75) < 0.03)
  }
}
