import GoCore
import Testing
import TestSupport

/// `Board.hashAfterPlay` (the superko check's key without a board copy) against playing the
/// move on a copy, for every non-suicide empty point of random games with many captures.
@Suite struct HashAfterPlayTests {
  @Test(arguments: [9, 13])
  func matchesPlayingOnACopy(size: Int) throws {
    var rng = TestRandom(seed: UInt64(size) &* 77)
    var checked = 0
    var captures = 0
    for _ in 0..<6 {
      var g = GameState(size: size, rules: .trompTaylor)
      while !g.isOver && g.moves.count < size * size * 2 {
        let b = g.board
        for player in [Player.black, .white] {
          for k in 0..<b.emptyCount {
            let p = b.emptyPoint(k)
            guard !b.isSuicide(p, for: player) else { continue }
            var copy = b
            if copy.play(p, for: player) > 0 { captures += 1 }
            #expect(b.hashAfterPlay(p, for: player) == copy.hash)
            checked += 1
          }
        }
        let legal = g.legalMoves()
        try g.play(legal[Int(rng.next() % UInt64(legal.count))])
      }
    }
    #expect(checked > 1000)
    #expect(captures > 50)
  }

  /// Superko verdicts are those of playing each move on a copy and looking the position up.
  @Test func superkoVerdictsUnchanged() throws {
    var rng = TestRandom(seed: 5)
    var bans = 0
    for ko in [Rules.KoRule.positional, .situational] {
      var rules = Rules.trompTaylor
      rules.ko = ko
      for _ in 0..<20 {
        var g = GameState(size: 5, rules: rules)
        var history: [Board] = [g.board]
        var toMoveHistory: [Player] = [g.toMove]
        while !g.isOver && g.moves.count < 120 {
          for k in 0..<g.board.emptyCount {
            let p = g.board.emptyPoint(k)
            guard g.board.isLegal(p, for: g.toMove, multiStoneSuicide: rules.multiStoneSuicideLegal) else { continue }
            var b = g.board
            b.play(p, for: g.toMove)
            let repeats = zip(history, toMoveHistory).contains { old, mover in
              old.hash == b.hash && (ko == .positional || mover == g.toMove.opponent)
            }
            #expect((g.illegality(.play(p)) == .superko) == repeats)
            if repeats { bans += 1 }
          }
          let legal = g.legalMoves()
          try g.play(legal[Int(rng.next() % UInt64(legal.count))])
          history.append(g.board)
          toMoveHistory.append(g.toMove)
        }
      }
    }
    #expect(bans > 0)
  }
}
