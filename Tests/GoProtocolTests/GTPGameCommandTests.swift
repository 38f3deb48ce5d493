import GoCore
import GoProtocol
import Testing

@Suite struct GTPGameCommandTests {
  @Test func playPlacesStonesForEitherColourAndCaptures() {
    let (c, _, _) = makeController(size: 5)
    for line in ["play b B5", "play w A5", "play w C5", "play b pass", "play b D2"] {
      #expect(c.ok(line) == "", "\(line)")
    }
    #expect(c.ok("play w B4") == "")
    #expect(c.game.board[Point(x: 1, y: 0)] == .empty)
    #expect(c.game.board.capturedByWhite == 1)
    #expect(c.game.toMove == .black)
  }

  @Test func acceptsKataGoGridVertices() {
    let (c, _, _) = makeController(size: 5)
    #expect(c.ok("play b (0,0)") == "")
    #expect(c.game.board[Point(x: 0, y: 0)] == .black)
    #expect(c.ok("play w (4,3)") == "")
    #expect(c.game.board[Point(x: 4, y: 3)] == .white)
    #expect(c.error("play b (5,0)") == "illegal move")
  }

  @Test(arguments: ["play b A1", "play w A1", "play b F1", "play b A6", "play b Z25"])
  func illegalMovesChangeNothing(_ line: String) {
    let (c, _, _) = makeController(size: 5)
    _ = c.ok("play b A1")
    let before = ControllerSnapshot(c)
    #expect(c.error(line) == "illegal move")
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func koAndSuicideAreIllegal() {
    let (k, _, _) = makeController(size: 5, rules: .chinese)
    for line in [
      "play b B4", "play b A3", "play b B2", "play w C4", "play w B3", "play w D3", "play w C2",
      "play b C3",
    ] { #expect(k.ok(line) == "", "\(line)") }
    #expect(k.game.board.capturedByBlack == 1)
    let before = ControllerSnapshot(k)
    #expect(k.error("play w B3") == "illegal move")
    #expect(ControllerSnapshot(k) == before)
    let (s, _, _) = makeController(size: 5)
    for line in ["play w A2", "play w B1"] { _ = s.ok(line) }
    #expect(s.error("play b A1") == "illegal move")
  }

  @Test func undoTakesBackMovesButNotPastTheStart() {
    let (c, _, _) = makeController()
    #expect(c.error("undo") == "cannot undo")
    _ = c.ok("play b E5")
    _ = c.ok("play w C3")
    #expect(c.ok("undo") == "")
    #expect(c.game.moves.count == 1)
    #expect(c.game.board[Point(x: 2, y: 6)] == .empty)
    #expect(c.ok("undo") == "")
    #expect(c.error("undo") == "cannot undo")
  }

  @Test func boardsizeAcceptsTwoToTwentyFiveAndClearsTheBoard() {
    let (c, engine, _) = makeController()
    _ = c.ok("komi 3.5")
    _ = c.ok("play b E5")
    #expect(c.ok("boardsize 13") == "")
    #expect(c.game.width == 13 && c.game.moves.isEmpty)
    #expect(c.game.rules.komi == 3.5)
    #expect(engine.clears == 1)
    #expect(c.ok("rectangular_boardsize 19 13") == "")
    #expect(c.game.width == 19 && c.game.height == 13)
    #expect(c.ok("play b T13") == "")
    for bad in ["boardsize 1", "boardsize 26", "boardsize 0", "boardsize -5", "boardsize 9 30"] {
      let before = ControllerSnapshot(c)
      #expect(c.error(bad) == "unacceptable size", "\(bad)")
      #expect(ControllerSnapshot(c) == before)
    }
  }

  @Test func komiIsKeptAndReported() {
    let (c, _, _) = makeController()
    #expect(c.ok("get_komi") == "7.5")
    #expect(c.ok("komi 6") == "")
    #expect(c.ok("get_komi") == "6")
    #expect(c.ok("komi -0.5") == "")
    #expect(c.ok("get_komi") == "-0.5")
    #expect(c.error("komi 1000") == "komi out of range")
    #expect(c.ok("get_komi") == "-0.5")
  }

  @Test func fixedHandicapFollowsTheSpecLayout() {
    let expected: [(Int, Int, String)] = [
      (19, 2, "D4 Q16"), (19, 3, "D4 Q16 D16"), (19, 4, "D4 Q16 D16 Q4"),
      (19, 5, "D4 Q16 D16 Q4 K10"), (19, 6, "D4 Q16 D16 Q4 D10 Q10"),
      (19, 7, "D4 Q16 D16 Q4 D10 Q10 K10"), (19, 8, "D4 Q16 D16 Q4 D10 Q10 K4 K16"),
      (19, 9, "D4 Q16 D16 Q4 D10 Q10 K4 K16 K10"), (9, 2, "C3 G7"), (9, 5, "C3 G7 C7 G3 E5"),
      (13, 4, "D4 K10 D10 K4"), (7, 4, "C3 E5 C5 E3"), (8, 3, "C3 F6 C6"),
    ]
    for (size, n, vertices) in expected {
      let (c, _, _) = makeController(size: size)
      #expect(c.ok("fixed_handicap \(n)") == vertices, "\(size) \(n)")
      #expect(c.game.handicap == n)
      #expect(c.game.toMove == .white)
      #expect(c.game.board.stoneCount(.black) == n)
    }
  }

  @Test(arguments: [(9, 1), (9, 10), (7, 5), (8, 5), (6, 2), (19, 0), (19, -3)])
  func fixedHandicapRefusesCountsTheSpecDoesNotDefine(_ size: Int, _ n: Int) {
    let (c, _, _) = makeController(size: size)
    #expect(c.error("fixed_handicap \(n)") == "invalid number of stones")
    #expect(c.game.board.stoneCount(.black) == 0)
  }

  @Test func handicapNeedsAnEmptyBoard() {
    let (c, _, _) = makeController()
    _ = c.ok("play b E5")
    let before = ControllerSnapshot(c)
    #expect(c.error("fixed_handicap 2") == "board not empty")
    #expect(c.error("place_free_handicap 2") == "board not empty")
    #expect(c.error("set_free_handicap A1 B2") == "board not empty")
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func freeHandicapPlacesDistinctStones() {
    let (c, _, _) = makeController(size: 9)
    let reply = c.ok("place_free_handicap 12") ?? ""
    let vertices = reply.split(separator: " ")
    #expect(vertices.count == 12)
    #expect(Set(vertices).count == 12)
    #expect(c.game.board.stoneCount(.black) == 12)
    #expect(c.error("undo") == "cannot undo")
    let (d, _, _) = makeController(size: 9)
    #expect(d.error("place_free_handicap 1") == "invalid number of stones")
    #expect(d.error("place_free_handicap 81") == "invalid number of stones")
  }

  @Test func setFreeHandicapChecksTheList() {
    for bad in ["set_free_handicap A1", "set_free_handicap A1 A1", "set_free_handicap A1 pass",
                "set_free_handicap A1 K10"] {
      let (c, _, _) = makeController(size: 9)
      #expect(c.error(bad) == "bad vertex list", "\(bad)")
      #expect(c.game.board.stoneCount(.black) == 0)
    }
    let (c, _, _) = makeController(size: 9)
    #expect(c.ok("set_free_handicap A1 J9 E5") == "")
    #expect(c.game.handicap == 3 && c.game.toMove == .white)
  }

  @Test func setPositionReplacesTheBoardWithoutHistory() {
    let (c, _, _) = makeController(size: 5)
    _ = c.ok("play b C3")
    #expect(c.ok("set_position b A1 w B1 b E5") == "")
    #expect(c.game.moves.isEmpty)
    #expect(c.game.board.stoneCount(.black) == 2)
    #expect(c.game.board[Point(x: 1, y: 4)] == .white)
    let before = ControllerSnapshot(c)
    #expect(c.error("set_position b A1 w A1") == "illegal position")
    #expect(c.error("set_position b A1 w A2 w B1") == "illegal position")
    #expect(ControllerSnapshot(c) == before)
    #expect(c.ok("set_position") == "")
    #expect(c.game.board.stoneCount(.black) == 0)
  }

  @Test func showboardDrawsTheBoardWithCoordinates() {
    let (c, _, _) = makeController(size: 5)
    _ = c.ok("play b C3")
    _ = c.ok("play w D4")
    #expect(c.send("showboard") == """
      = 
         A B C D E
       5 . . . . . 5
       4 . . . O . 4
       3 . . X . . 3
       2 . . . . . 2
       1 . . . . . 1
         A B C D E
      Next: Black  Moves: 2  Captured by B: 0  Captured by W: 0  Komi: 7.5


      """)
  }
}
