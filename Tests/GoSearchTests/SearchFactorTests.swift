import GoCore
@testable import GoSearch
import Testing

/// `genmove` spends less after the opponent's passes and once the game is clearly won
/// (KataGo's `searchFactorAfterOnePass`/`TwoPass`/`WhenWinning`).
@Suite struct SearchFactorTests {
  static func moves(_ ms: [Move]) -> [(player: Player, move: Move)] {
    ms.enumerated().map { (player: $0.offset % 2 == 0 ? Player.black : .white, move: $0.element) }
  }

  static let a = Move.play(Point(x: 0, y: 0))
  static let b = Move.play(Point(x: 1, y: 0))

  @Test func passesScaleTheBudget() {
    let p = PUCTParameters()
    func f(_ ms: [Move]) -> Double {
      SearchFactor.factor(moves: Self.moves(ms), recentWhiteWinLoss: [], player: .white, params: p)
    }
    #expect(f([]) == 1)
    #expect(f([Self.a]) == 1)
    #expect(f([Self.a, Self.b, .pass]) == 0.5)
    // The opponent's last two moves were passes; our own pass in between does not count.
    #expect(f([.pass, Self.b, .pass]) == 0.25)
    #expect(f([Self.a, .pass, .pass]) == 0.5)
  }

  @Test func clearlyWonGamesGetLessAndOnlyForTheWinner() {
    let p = PUCTParameters()
    func f(_ recent: [Double], _ player: Player) -> Double {
      SearchFactor.factor(moves: [], recentWhiteWinLoss: recent, player: player, params: p)
    }
    // Three values are needed; the least winning of the last three decides.
    #expect(f([0.99, 0.99], .white) == 1)
    #expect(f([0.5, 0.975, 0.975, 0.975], .white).near(0.7))
    #expect(f([0.975, 0.94, 0.99], .white) == 1)
    #expect(f([1, 1, 1], .white).near(0.4))
    // The same values seen by Black are a lost game: the full budget.
    #expect(f([1, 1, 1], .black) == 1)
    #expect(f([-1, -1, -0.975], .black).near(0.7))
    var off = p
    off.searchFactorWhenWinningThreshold = 1
    #expect(SearchFactor.factor(moves: [], recentWhiteWinLoss: [1, 1, 1], player: .white, params: off) == 1)
  }

  /// Root visits of White's `genmove` after each Black turn (`true`: Black passes, `false`:
  /// Black plays a board move); tree reuse is off, so the visits are the limit.
  static func whiteVisits(whiteWin: Float, blackPasses: [Bool]) throws -> [Int] {
    var p = PUCTEngineTests.params(visits: 40)
    p.reuseTree = false
    let engine = PUCTEngine(evaluator: ScriptedEvaluator { _ in whiteWin }, params: p)
    var s = GameState(size: 7)
    var visits: [Int] = []
    for pass in blackPasses {
      try s.play(pass ? .pass : Self.boardMove(s))
      let d = engine.generateMove(for: s, request: MoveRequest())
      visits.append(engine.lastStats.rootVisits)
      guard case .move(let w) = d else { break }
      try s.play(w == .pass ? Self.boardMove(s) : w)  // never two passes: the game goes on
    }
    return visits
  }

  static func boardMove(_ s: GameState) -> Move { s.legalMoves().first { !$0.isPass }! }

  @Test func engineSearchesLessAfterPassesAndWhenWinning() throws {
    // An even game: 40 visits a move, 20 after Black's pass.
    #expect(try Self.whiteVisits(whiteWin: 0.5, blackPasses: [false, true, false]) == [40, 20, 40])
    // White clearly wins (win/loss ≈ 0.998): full budget for three moves, then about 0.42 of it.
    let won = try Self.whiteVisits(whiteWin: 0.999, blackPasses: [false, false, false, false])
    #expect(won.prefix(3) == [40, 40, 40])
    #expect((16...18).contains(won[3]))
  }
}

extension Double {
  fileprivate func near(_ x: Double) -> Bool { abs(self - x) < 1e-9 }
}
