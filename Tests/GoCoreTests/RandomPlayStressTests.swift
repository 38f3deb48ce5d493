import GoCore
import Testing
import TestSupport

@Suite struct RandomPlayStressTests {
  /// Plays random legal games and checks the incremental chains, liberties, empty list and hash
  /// against a from-scratch rebuild after every move.
  @Test(arguments: [(9, 30), (19, 6), (13, 8), (7, 5)])
  func invariantsHoldAfterEveryMove(size: Int, games: Int) throws {
    var rng = TestRandom(seed: UInt64(size))
    for _ in 0..<games {
      var g = GameState(size: size, rules: .trompTaylor)
      var moves = 0
      while !g.isOver && moves < size * size * 3 {
        let b = g.board
        var candidates: [Point] = []
        for k in 0..<b.emptyCount {
          let p = b.emptyPoint(k)
          if b.isLegal(p, for: g.toMove, multiStoneSuicide: true) && !b.isEye(p, of: g.toMove) {
            candidates.append(p)
          }
        }
        let move: Move =
          candidates.isEmpty ? .pass : .play(candidates[Int(rng.next() % UInt64(candidates.count))])
        if g.illegality(move) != nil { try g.play(.pass) } else { try g.play(move) }
        moves += 1
        if let v = g.board.invariantViolation() {
          Issue.record("after \(moves) moves: \(v)\n\(g.board.diagram)")
          return
        }
      }
    }
  }

  @Test func undoRestoresEveryEarlierPosition() throws {
    var rng = TestRandom(seed: 99)
    var g = GameState(size: 9, rules: .japanese)
    var boards: [Board] = [g.board]
    for _ in 0..<150 where !g.isOver {
      let legal = g.legalMoves()
      try g.play(legal[Int(rng.next() % UInt64(legal.count))])
      boards.append(g.board)
    }
    while g.undo() {
      boards.removeLast()
      #expect(g.board == boards.last!)
    }
    #expect(boards.count == 1)
    #expect(g.moves.isEmpty)
  }

  @Test func transpositionsHashEqual() throws {
    var a = GameState(size: 9)
    var b = GameState(size: 9)
    for m in [pt(2, 2), pt(6, 6), pt(2, 6), pt(6, 2)] { try a.play(.play(m)) }
    for m in [pt(2, 6), pt(6, 2), pt(2, 2), pt(6, 6)] { try b.play(.play(m)) }
    #expect(a.board.hash == b.board.hash)
    #expect(a.board == b.board)
    var c = GameState(size: 9)
    for m in [pt(6, 6), pt(2, 2), pt(2, 6), pt(6, 2)] { try c.play(.play(m)) }  // colours differ
    #expect(c.board.hash != a.board.hash)
    #expect(GameState(size: 9).board.hash != GameState(size: 13).board.hash)
  }

  @Test func captureThenReplayHashesLikeDirectSetup() throws {
    var b = try board("""
      . X . .
      X O X .
      . . . .
      . . . .
      """)
    b.play(pt(1, 2), for: .black)
    let direct = try board("""
      . X . .
      X . X .
      . X . .
      . . . .
      """)
    #expect(b.hash == direct.hash)
  }
}
