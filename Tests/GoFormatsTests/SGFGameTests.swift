import GoCore
import GoFormats
import Testing

@Suite struct SGFGameTests {
  /// A real-looking 9×9 game with a capture, a pass as `[]` and one as `[tt]`.
  static let record = """
    (;GM[1]FF[4]CA[UTF-8]AP[CGoban:3]ST[2]
    RU[Chinese]SZ[9]KM[7.50]TM[600]OT[3x30 byo-yomi]
    PW[White Bot]PB[Black Bot]WR[5k]BR[3k]DT[2024-03-09]PC[KGS]RE[B+R]
    ;B[ee];W[gc];B[cg];W[gg];B[ge];W[he];B[hf];W[hd];B[gf];W[fg];B[eg];W[hg]
    ;B[if];W[ie];B[ig]C[Black captures? no: ig fills]
    ;W[fh];B[eh];W[cc];B[dc];W[cd];B[db];W[bb];B[ce];W[be];B[bf];W[cb];B[bd]
    ;W[ad];B[bc];W[ac];B[ae];W[ba];B[];W[tt])
    """

  @Test func readsGameInformation() throws {
    let game = try SGFGame(text: Self.record)
    #expect(game.info.width == 9 && game.info.height == 9)
    #expect(game.info.komi == 7.5)
    #expect(game.info.rules == "Chinese")
    #expect(game.info.blackName == "Black Bot" && game.info.whiteName == "White Bot")
    #expect(game.info.blackRank == "3k" && game.info.whiteRank == "5k")
    #expect(game.info.result == "B+R")
    #expect(game.info.date == "2024-03-09")
    #expect(game.rules() == Rules.chinese.withKomi(7.5))
  }

  @Test func replaysTheMainLineWithPassesAndCaptures() throws {
    let game = try SGFGame(text: Self.record)
    let state = try game.replay()
    #expect(state.moves.count == 34)
    #expect(state.moves[32].move == .pass && state.moves[33].move == .pass)
    #expect(state.isOver)
    #expect(state.board.invariantViolation() == nil)
    let partial = try game.replay(stoppingBefore: 3)
    #expect(partial.moves.count == 2)
    #expect(partial.board[Point(x: 4, y: 4)] == .black)
    #expect(partial.toMove == .black)
  }

  @Test func followsTheFirstVariation() throws {
    let game = try SGFGame(text: "(;SZ[5];B[cc](;W[bb];B[dd])(;W[dd]))")
    let state = try game.replay()
    #expect(state.moves.count == 3)
    #expect(state.board[Point(x: 1, y: 1)] == .white)
    #expect(state.board[Point(x: 3, y: 3)] == .black)
  }

  @Test func readsRectangularBoards() throws {
    let game = try SGFGame(text: "(;SZ[19:13];B[sm])")
    #expect(game.info.width == 19 && game.info.height == 13)
    let state = try game.replay()
    #expect(state.board[Point(x: 18, y: 12)] == .black)
  }

  @Test func appliesSetupWithCompressedListsAndHandicap() throws {
    let game = try SGFGame(
      text: "(;SZ[9]HA[2]AB[cg][gc];W[ee];AB[aa:ab]AW[ii]AE[cg];B[])")
    let start = try game.replay(stoppingBefore: 1)
    #expect(start.handicap == 2)
    #expect(start.toMove == .white)
    #expect(start.moves.isEmpty)
    #expect(start.board[Point(x: 2, y: 6)] == .black)
    // The position before move 2 includes the setup node that precedes it.
    let before2 = try game.replay(stoppingBefore: 2)
    #expect(before2.board[Point(x: 4, y: 4)] == .white)
    #expect(before2.board[Point(x: 0, y: 0)] == .black)
    let end = try game.replay()
    // Setup in a later node restarts the history from the edited position.
    #expect(end.moves.count == 1)
    #expect(end.board[Point(x: 0, y: 0)] == .black)
    #expect(end.board[Point(x: 0, y: 1)] == .black)
    #expect(end.board[Point(x: 8, y: 8)] == .white)
    #expect(end.board[Point(x: 4, y: 4)] == .white)
    #expect(end.board[Point(x: 2, y: 6)] == .empty)
    #expect(end.board[Point(x: 6, y: 2)] == .black)
  }

  @Test func setupCanBeAddedWithMoves() throws {
    let game = try SGFGame(text: "(;SZ[5]AB[aa:ba]AW[ca]PL[W];W[ab])")
    let state = try game.replay()
    // White at a2 captures nothing: a1/b1 still have the liberty b2.
    #expect(state.board[Point(x: 0, y: 0)] == .black)
    #expect(state.moves.count == 1)
    #expect(state.initialToMove == .white)
  }

  /// Malformed game content with the line and column of the property at fault.
  @Test(arguments: [
    ("(;SZ[9]\n;B[ee]\n;W[ee])", 3, 2, "illegal move"),
    ("(;SZ[9]\n;B[zz])", 2, 2, "invalid move"),
    ("(;SZ[x])", 1, 3, "malformed board size"),
    ("(;SZ[30])", 1, 3, "not supported"),
    ("(;GM[3])", 1, 3, "not a Go record"),
    ("(;KM[abc])", 1, 3, "malformed komi"),
    ("(;HA[-1])", 1, 3, "malformed handicap"),
    ("(;SZ[9]\n  AB[aa][jj])", 2, 3, "invalid point"),
    ("(;SZ[19]PL[X])", 1, 9, "malformed player"),
    ("(;SZ[9];B[aa][bb])", 1, 9, "has 2 values"),
  ] as [(String, Int, Int, String)])
  func reportsBadContent(_ text: String, _ line: Int, _ column: Int, _ message: String) {
    #expect {
      _ = try SGFGame(text: text).replay()
    } throws: { error in
      guard let e = error as? SGFError else { return false }
      return e.line == line && e.column == column && e.message.contains(message)
    }
  }

  @Test func recordsAGameThatReplaysToTheSameState() throws {
    var state = GameState(size: 9, rules: .japanese.withKomi(6.5))
    state.placeHandicap([Point(x: 2, y: 6), Point(x: 6, y: 2)])
    let moves: [Move] = [
      .play(Point(x: 4, y: 4)), .play(Point(x: 2, y: 2)), .pass, .play(Point(x: 6, y: 6)),
    ]
    for m in moves { try state.play(m) }
    var info = SGFGameInfo()
    info.blackName = "B ] name"
    info.result = "W+2.5"
    let record = SGFGame(state: state, info: info)
    let text = record.text()
    #expect(text.contains("HA[2]"))
    #expect(text.contains("RU[japanese]"))
    #expect(text.contains("PB[B \\] name]"))
    let back = try SGFGame(text: text)
    #expect(back.info.blackName == "B ] name")
    #expect(back.info.result == "W+2.5")
    let replayed = try back.replay()
    #expect(replayed.board == state.board)
    #expect(replayed.moves.map(\.move) == state.moves.map(\.move))
    #expect(replayed.moves.map(\.player) == state.moves.map(\.player))
    #expect(replayed.rules == state.rules)
    #expect(replayed.handicap == 2)
    #expect(replayed.toMove == state.toMove)
  }

  @Test func recordsSetupPositionsWithThePlayerToMove() throws {
    let board = try #require(Board(diagram: """
      . X O . .
      X X O . .
      O O O . .
      . . . . .
      . . . . .
      """))
    var state = GameState(board: board, toMove: .white, rules: .trompTaylor)
    try state.play(.play(Point(x: 0, y: 0)))
    let back = try SGFGame(text: SGFGame(state: state).text()).replay()
    #expect(back.board == state.board)
    #expect(back.initialToMove == .white)
    #expect(back.board.capturedByWhite == 3)
  }

  @Test func refusesRecordsWithAbsurdlyManyMoves() throws {
    let text = "(;SZ[9]" + String(repeating: ";B[];W[]", count: SGFGame.maxMoves / 2 + 1) + ")"
    #expect {
      _ = try SGFGame(text: text).replay()
    } throws: { error in
      (error as? SGFError)?.message.contains("more than") ?? false
    }
  }

  @Test func passAsTTOnlyOnSmallBoards() throws {
    #expect(SGFCoordinates.move("tt", width: 19, height: 19) == .pass)
    #expect(SGFCoordinates.move("tt", width: 21, height: 21) == .play(Point(x: 19, y: 19)))
    #expect(SGFCoordinates.move("", width: 21, height: 21) == .pass)
  }

  @Test func compressesPointListsIntoRectangles() {
    let pts = SGFCoordinates.points("aa:cb", width: 9, height: 9) ?? []
    #expect(pts.count == 6)
    #expect(SGFCoordinates.compressed(pts) == ["aa:cb"])
    let mixed = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 4, y: 4)]
    #expect(SGFCoordinates.compressed(mixed) == ["aa:ba", "ee"])
    #expect(SGFCoordinates.points("cb:aa", width: 9, height: 9)?.count == 6)
    #expect(SGFCoordinates.points("aa:jj", width: 9, height: 9) == nil)
  }
}
