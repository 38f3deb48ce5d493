import GoCore
import Testing
import TestSupport

@Suite struct KoAndSuperkoTests {
  /// A ko in the top-left of a 5×5 board: Black captures at (2,1), taking White's (1,1).
  let koDiagram = """
    . X O . .
    X O . O .
    . X O . .
    . . . . .
    . . . . .
    """

  @Test func simpleKoForbidsImmediateRecapture() throws {
    var g = GameState(board: try board(koDiagram), toMove: .black, rules: .chinese)
    try g.play(.play(pt(2, 1)))
    #expect(g.board.koPoint == pt(1, 1))
    #expect(g.illegality(.play(pt(1, 1))) == .ko)
    do {
      try g.play(.play(pt(1, 1)))
      Issue.record("ko recapture was accepted")
    } catch {
      #expect(error == .ko)
    }
    #expect(g.toMove == .white && g.moves.count == 1)  // unchanged by the refused move
    // After a ko threat exchange elsewhere the recapture is legal.
    try g.play(.play(pt(4, 4)))
    try g.play(.play(pt(4, 3)))
    #expect(g.isLegal(.play(pt(1, 1))))
  }

  @Test func passLiftsTheKoBanAndTwoPassesEndTheGame() throws {
    var g = GameState(board: try board(koDiagram), toMove: .black, rules: .chinese)
    try g.play(.play(pt(2, 1)))
    try g.play(.pass)
    #expect(g.board.koPoint.isNone)
    try g.play(.pass)
    #expect(g.isOver)
    let undone = g.undo()
    #expect(undone)
    #expect(!g.isOver)
    let undoneAgain = g.undo()
    #expect(undoneAgain)
    #expect(g.board.koPoint == pt(1, 1))
  }

  @Test func koStateChangesTheSituationHash() throws {
    var g = GameState(board: try board(koDiagram), toMove: .black, rules: .chinese)
    try g.play(.play(pt(2, 1)))
    var withoutKo = g.board
    withoutKo.clearKo()
    #expect(g.board.hash == withoutKo.hash)
    #expect(g.board.situationHash(toMove: .white) != withoutKo.situationHash(toMove: .white))
    #expect(withoutKo.situationHash(toMove: .white) != withoutKo.situationHash(toMove: .black))
  }

  @Test func retakingAfterAnExchangeElsewhereIsLegal() throws {
    // After Black takes the ko and both sides play elsewhere, superko allows the retake: the
    // board it creates has two extra stones, so it is new.
    var g = GameState(board: try board(koDiagram), toMove: .black, rules: .trompTaylor)
    try g.play(.play(pt(2, 1)))
    try g.play(.play(pt(4, 4)))
    try g.play(.play(pt(4, 3)))
    #expect(g.isLegal(.play(pt(1, 1))))
  }

  /// Replays random games on small boards and checks every superko verdict against a naive
  /// oracle that remembers every (board, player to move) state of the game as text.
  @Test(arguments: [Rules.trompTaylor, Rules.aga, Rules.chinese])
  func superkoMatchesANaiveOracle(rules: Rules) throws {
    var rng = TestRandom(seed: 7)
    var bans = 0
    for _ in 0..<60 {
      var g = GameState(size: 4, rules: rules)
      var states: [(String, Player)] = [(g.board.diagram, g.toMove)]
      for _ in 0..<120 where !g.isOver {
        let player = g.toMove
        for p in g.board.points where g.board[p] == .empty {
          guard g.board.isLegal(p, for: player, multiStoneSuicide: rules.multiStoneSuicideLegal)
          else { continue }
          var b = g.board
          b.play(p, for: player)
          let next = player.opponent
          let repeats: Bool
          switch rules.ko {
          case .positional: repeats = states.contains { $0.0 == b.diagram }
          case .situational, .spight: repeats = states.contains { $0.0 == b.diagram && $0.1 == next }
          case .simple: repeats = false
          }
          let verdict = g.illegality(.play(p))
          #expect((verdict == .superko) == repeats, "\(p) on\n\(g.board.diagram)")
          if repeats { bans += 1 }
        }
        let legal = g.legalMoves()
        let move = legal[Int(rng.next() % UInt64(legal.count))]
        try g.play(move)
        states.append((g.board.diagram, g.toMove))
      }
    }
    if rules.ko != .simple { #expect(bans > 0, "random games never met a superko ban") }
  }
}
