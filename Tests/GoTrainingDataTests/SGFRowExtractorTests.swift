import GoCore
import GoFeatures
import GoFormats
@testable import GoNeuralNet
import GoTrainingData
import Testing

@Suite struct SGFRowExtractorTests {
  /// 5×5, White wins by 3.5: B C3, W B3, B C2, W pass, B pass.
  static let record = "(;GM[1]FF[4]SZ[5]KM[0.5]RU[Chinese]RE[W+3.5];B[cc];W[bc];B[cb];W[];B[tt])"

  static func bit(_ row: TrainingRow, plane: Int, x: Int, y: Int, posLen: Int) -> Bool {
    let p = y * posLen + x
    let byte = row.packedPlanes[plane * TrainingRow.packedLength(posLen: posLen) + p / 8]
    return byte & (0x80 >> UInt8(p % 8)) != 0
  }

  @Test func targetsFollowTheRecordFromThePlayerToMovesView() throws {
    let rows = try SGFRowExtractor(posLen: 7).extract(SGFGame(text: Self.record), gameID: 42).rows
    #expect(rows.count == 5)
    #expect(rows.map(\.pla) == [1, 2, 1, 2, 1])
    #expect(rows.map(\.moveNumber) == [0, 1, 2, 3, 4])
    #expect(rows.allSatisfy { $0.gameID == 42 && $0.komi == 0.5 && $0.boardSize == (5, 5) })
    // Value and score: White won by 3.5.
    #expect(rows[0].valueTarget == [0, 1, 0] && rows[1].valueTarget == [1, 0, 0])
    #expect(rows[0].scoreTargets == [-3.5, -3.5, 1.25])
    #expect(rows[1].scoreTargets == [3.5, 3.5, 1.0])
    #expect(rows[0].targetWeights == [1, 1, 1, 1, 1, 0])
    #expect(rows.allSatisfy { $0.ownershipTarget.allSatisfy { $0 == 0 } && $0.sampleWeight == 1 })
    // One-hot policy on the 7×7 grid: C3 = (2, 2), B3 = (1, 2), C2 = (2, 1), then passes.
    let hot = rows.map { r in r.policyTarget.indices.filter { r.policyTarget[$0] != 0 } }
    #expect(hot == [[16], [15], [9], [49], [49]])
    #expect(rows.allSatisfy { $0.policyTarget.reduce(0, +) == 1 })
    // Board in the top-left: plane 0 is on exactly on the 5×5 corner.
    for y in 0..<7 {
      for x in 0..<7 {
        #expect(Self.bit(rows[0], plane: 0, x: x, y: y, posLen: 7) == (x < 5 && y < 5))
      }
    }
    // Before move 2 (White to move): Black's C3 is opp (plane 2), the last move (plane 9).
    #expect(Self.bit(rows[1], plane: 2, x: 2, y: 2, posLen: 7))
    #expect(!Self.bit(rows[1], plane: 1, x: 2, y: 2, posLen: 7))
    #expect(Self.bit(rows[1], plane: 9, x: 2, y: 2, posLen: 7))
    // Before move 3 (Black): C3 is pla's own stone now.
    #expect(Self.bit(rows[2], plane: 1, x: 2, y: 2, posLen: 7))
  }

  @Test func resultsWithoutAMarginOrWithoutAWinner() throws {
    func first(_ re: String) throws -> TrainingRow {
      try SGFRowExtractor(posLen: 5).extract(
        SGFGame(text: "(;GM[1]SZ[5]RE[\(re)];B[cc];W[dd])"), gameID: 0
      ).rows[0]
    }
    let resign = try first("B+R")
    #expect(resign.valueTarget == [1, 0, 0] && resign.targetWeights == [1, 1, 0, 0, 1, 0])
    let draw = try first("0")
    #expect(draw.valueTarget == [0.5, 0.5, 0] && draw.scoreTargets[0] == 0)
    #expect(draw.targetWeights == [1, 1, 1, 1, 1, 0])
    let void = try first("Void")
    #expect(void.targetWeights == [1, 0, 0, 0, 1, 0])
    #expect(GameResult("W+12") == .win(.white, margin: 12))
    #expect(GameResult(" b+time ") == .win(.black, margin: nil))
    #expect(GameResult("?") == .unknown && GameResult(nil) == .unknown)
    #expect(GameResult("Draw") == .draw)
  }

  @Test func handicapGamesStartWithWhiteToMove() throws {
    let sgf = "(;GM[1]SZ[5]KM[0.5]HA[2]RE[B+1.5]AB[aa][ee];W[cc];B[bb])"
    let rows = try SGFRowExtractor(posLen: 5).extract(SGFGame(text: sgf), gameID: 1).rows
    #expect(rows.map(\.pla) == [2, 1])
    #expect(rows[0].valueTarget == [0, 1, 0] && rows[0].scoreTargets[0] == -1.5)
    #expect(Self.bit(rows[0], plane: 2, x: 0, y: 0, posLen: 5))
  }

  @Test func recordsWithoutRulesUseTheFallback() throws {
    let game = try SGFGame(text: "(;GM[1]SZ[5]KM[6.5];B[cc];W[dd])")
    var japanese = SGFRowExtractor(posLen: 5)
    japanese.fallbackRules = .japanese
    let tt = try SGFRowExtractor(posLen: 5).extract(game, gameID: 0).rows[0]
    let jp = try japanese.extract(game, gameID: 0).rows[0]
    #expect(tt.komi == 6.5 && jp.komi == 6.5)
    #expect(tt.globalInputs != jp.globalInputs)  // ko/scoring globals differ
  }

  @Test func gamesThatCannotBeEncodedAreSkippedWithAReason() throws {
    let big = try SGFGame(text: "(;GM[1]SZ[9];B[ee])")
    #expect(try SGFRowExtractor(posLen: 7).extract(big, gameID: 0).skipReason?.contains("does not fit") == true)
    let illegal = try SGFGame(text: "(;GM[1]SZ[5]\n;B[cc]\n;W[cc])")
    let reason = try SGFRowExtractor(posLen: 5).extract(illegal, gameID: 0).skipReason
    #expect(reason?.contains("line 3, column 2") == true, "an illegal move must skip the game")
    let lateSetup = try SGFGame(text: "(;GM[1]SZ[5];B[cc];AW[aa];W[dd])")
    let late = try SGFRowExtractor(posLen: 5).extract(lateSetup, gameID: 0)
    #expect(late.rows.isEmpty && late.skipReason?.contains("setup stones") == true)
  }

  @Test func malformedSGFReportsLineAndColumn() {
    do {
      _ = try SGFParser().parse("(;GM[1]SZ[9]\n;B[ee];W[gc\n")
      Issue.record("must not parse")
    } catch {
      #expect(error.line == 3 && error.column == 1)
    }
  }

  /// A teacher that says White wins 70%, leads by 2, owns the left half, plays C3 or passes.
  struct FakeTeacher: RowTeacher {
    func evaluate(_ games: [NNGame]) throws -> [NNEvaluation] { games.map(evaluate) }

    func evaluate(_ game: NNGame) -> NNEvaluation {
      let w = game.board.width
      let h = game.board.height
      var policy = [Float](repeating: 0, count: w * h)
      policy[2 * w + 2] = 0.75
      policy[0] = -1
      return NNEvaluation(
        xSize: w, ySize: h, nextPlayer: game.nextPlayer, policy: policy, passProbability: 0.25,
        whiteWin: 0.7, whiteLoss: 0.2, noResult: 0.1, whiteLead: 2, whiteScoreMean: 2,
        whiteScoreMeanSq: 5, varTimeLeft: 3, shorttermWinlossError: -1, shorttermScoreError: -1,
        whiteOwnership: (0..<(w * h)).map { $0 % w < 2 ? 1 : -0.5 })
    }
  }

  @Test func teacherTargetsArePlayerRelative() throws {
    let rows = try SGFRowExtractor(posLen: 7, teacher: FakeTeacher())
      .extract(SGFGame(text: Self.record), gameID: 0).rows
    let black = rows[0]
    let white = rows[1]
    #expect(black.policyTarget[16] == 0.75 && black.policyTarget[49] == 0.25)
    #expect(black.policyTarget[0] == 0 && black.policyTarget.reduce(0, +) == 1)
    #expect(black.valueTarget == [0.2, 0.7, 0.1] && white.valueTarget == [0.7, 0.2, 0.1])
    #expect(black.scoreTargets[1] == -2 && white.scoreTargets[1] == 2)
    #expect(black.scoreTargets[0] == -3.5)
    #expect(black.ownershipTarget[0] == -127 && black.ownershipTarget[2] == 64)
    #expect(white.ownershipTarget[0] == 127 && white.ownershipTarget[2] == -64)
    #expect(black.ownershipTarget[5] == 0 && black.ownershipTarget[7 * 5] == 0)
    #expect(black.targetWeights == [1, 1, 1, 1, 1, 1])
  }

  @Test func teacherBatchSizeDoesNotChangeTheRows() throws {
    let game = try SGFGame(text: Self.record)
    var one = SGFRowExtractor(posLen: 7, teacher: FakeTeacher())
    one.teacherBatchSize = 1
    var three = SGFRowExtractor(posLen: 7, teacher: FakeTeacher())
    three.teacherBatchSize = 3
    let a = try one.extract(game, gameID: 0).rows
    #expect(a.count == 5)
    #expect(try three.extract(game, gameID: 0).rows == a)
    #expect(a.allSatisfy { $0.targetWeights[5] == 1 })
  }

  @Test func aRowFileHasEveryFieldWithItsShape() throws {
    var file = TrainingRowFile(posLen: 7)
    for r in try SGFRowExtractor(posLen: 7).extract(SGFGame(text: Self.record), gameID: 3).rows {
      file.append(r)
    }
    let zip = try ZipReader(file.npzBytes(meta: .object([:])))
    let shapes: [String: String] = [
      "format_version": "'<i4'.*'shape': \\(\\)", "binary_input_planes": "'\\|u1'.*\\(5, 22, 7\\)",
      "policy_target": "'<f4'.*\\(5, 50\\)", "ownership_target": "'\\|i1'.*\\(5, 49\\)",
      "game_id": "'<i8'.*\\(5,\\)", "meta_json": "'<U2'.*\\(\\)", "board_size": "'<i4'.*\\(5, 2\\)",
      "policy_target_next": "'<f4'.*\\(5, 50\\)", "short_term_targets": "'<f4'.*\\(5, 4\\)",
      "short_term_weight": "'<f4'.*\\(5,\\)",
    ]
    #expect(zip.members.count == 19)
    for (name, pattern) in shapes {
      let m = try #require(zip.member(name + ".npy"))
      let header = String(decoding: m[10..<(10 + Int(m[8]) + Int(m[9]) * 256)], as: UTF8.self)
      #expect(header.contains(try Regex(pattern)), "\(name): \(header)")
    }
  }
}
