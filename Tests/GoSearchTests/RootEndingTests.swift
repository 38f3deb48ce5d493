import GoCore
import GoNeuralNet
import Testing

@testable import GoSearch

/// KataGo's root ending bonus and useless-move pruning (`RootEnding`), on diagrams with a
/// hand-made ownership map.
@Suite struct RootEndingTests {
  /// Black holds the left side, White the right; White's corner stone at G1 is in atari from
  /// Black's G2, and Black's A1/B2-style pair in the lower left are two chains.
  static let diagram = """
    . . X O . . .
    . . X O . . .
    . . X O . . .
    . . X O . . .
    . . X O . . .
    X . X O . . X
    . X X O . . O
    """

  /// White's view: −1 on Black's side (columns A–C), +1 on White's (D–G), `edge` in column A.
  static func ownership(_ board: Board, edge: Float = -1) -> [Float] {
    var own = [Float](repeating: 0, count: board.area)
    for p in board.points { own[p.y * board.width + p.x] = p.x == 0 ? edge : (p.x <= 2 ? -1 : 1) }
    return own
  }

  static func state(_ rules: Rules, toMove: Player = .black) -> GameState {
    GameState(board: Board(diagram: diagram)!, toMove: toMove, rules: rules)
  }

  static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

  static func params(_ bonus: Double = 0.5) -> PUCTParameters {
    var p = PUCTParameters()
    p.rootEndingBonusPoints = bonus
    return p
  }

  @Test func areaScoringDiscouragesMovesInSettledAreas() {
    let s = Self.state(.chinese)
    let e = RootEnding(state: s, whiteOwnership: Self.ownership(s.board), center: 0, Self.params())
    // Black (to move) filling its own area costs 0.5 points, i.e. +0.5 for White.
    #expect(Self.near(e.whitePoints(.play(Point(x: 0, y: 0))), 0.5))
    #expect(Self.near(e.whitePoints(.play(Point(x: 1, y: 0))), 0.5))  // touches only one own chain
    // Invading White's area without capturing costs the same.
    #expect(Self.near(e.whitePoints(.play(Point(x: 5, y: 2))), 0.5))
    // Capturing White's corner stone in White's area is not discouraged under area scoring.
    #expect(e.whitePoints(.play(Point(x: 5, y: 6))) == 0)
    // Joining Black's two chains (A2 and B1 meet at A1) outside any pass-alive area is free.
    #expect(e.whitePoints(.play(Point(x: 0, y: 6))) == 0)
    // No button: passing costs nothing.
    #expect(e.whitePoints(.pass) == 0)
    #expect(!e.isPruned(.play(Point(x: 0, y: 0))))
  }

  @Test func bonusScalesWithOwnershipBeyondTheThreshold() {
    let s = Self.state(.chinese)
    let e = RootEnding(state: s, whiteOwnership: Self.ownership(s.board, edge: -0.97), center: 0, Self.params())
    #expect(abs(e.whitePoints(.play(Point(x: 0, y: 1))) - 0.2) < 1e-5)  // 0.5 × 0.02 / 0.05
    let weak = RootEnding(state: s, whiteOwnership: Self.ownership(s.board, edge: -0.9), center: 0, Self.params())
    #expect(weak.whitePoints(.play(Point(x: 0, y: 1))) == 0)
  }

  @Test func whiteToMoveGetsTheMirrorSign() {
    let s = Self.state(.chinese, toMove: .white)
    let e = RootEnding(state: s, whiteOwnership: Self.ownership(s.board), center: 0, Self.params())
    #expect(Self.near(e.whitePoints(.play(Point(x: 5, y: 2))), -0.5))  // White filling its own area
    #expect(Self.near(e.whitePoints(.play(Point(x: 0, y: 2))), -0.5))  // White invading Black's
  }

  @Test func territoryScoringDiscouragesPassingAndKeepsNoCaptureException() {
    let s = Self.state(.japanese)
    let e = RootEnding(state: s, whiteOwnership: Self.ownership(s.board), center: 0, Self.params())
    #expect(abs(e.whitePoints(.pass) - 1.0 / 3) < 1e-12)
    #expect(Self.near(e.whitePoints(.play(Point(x: 5, y: 6))), 0.5))
  }

  @Test func buttonPassAndKoAndZeroBonus() throws {
    let s = Self.state(.agaButton)
    let e = RootEnding(state: s, whiteOwnership: Self.ownership(s.board), center: 0, Self.params())
    #expect(Self.near(e.whitePoints(.pass), 0.25))
    // A ko on the board: no move is discouraged.
    var ko = GameState(
      board: Board(diagram: """
        . X O . .
        X O . O .
        . X O . .
        . . . . .
        . . . . .
        """)!, toMove: .black, rules: .chinese)
    try ko.play(.play(Point(x: 2, y: 1)))  // Black captures at C4; White may not retake at once
    #expect(!ko.board.koPoint.isNone)
    var own = [Float](repeating: 1, count: 25)
    own[0] = -1
    let k = RootEnding(state: ko, whiteOwnership: own, center: 0, Self.params())
    #expect(ko.board.points.allSatisfy { k.whitePoints(.play($0)) == 0 })
    let off = RootEnding(state: s, whiteOwnership: Self.ownership(s.board), center: 0, Self.params(0))
    #expect(s.board.points.allSatisfy { off.whitePoints(.play($0)) == 0 } && off.whitePoints(.pass) == 0)
  }

  @Test func fourOpponentPassesPruneMovesInPassAliveAreas() throws {
    // Black's group has two eyes (A5, C5): pass-alive, with both eyes its territory.
    let board = Board(diagram: """
      . X . X .
      X X X X X
      . . . . .
      . . . O .
      . . . . .
      """)!
    func after(passes: Int) throws -> GameState {
      var s = GameState(board: board, toMove: .white, rules: .chinese)
      let blackMoves = [Point(x: 0, y: 4), Point(x: 1, y: 4), Point(x: 2, y: 4)]
      for k in 0..<passes {
        try s.play(.pass)  // White passes
        if k < passes - 1 { try s.play(.play(blackMoves[k])) }
      }
      return s
    }
    let p = Self.params()
    let four = try after(passes: 4)
    #expect(four.toMove == .black)
    let e = RootEnding(state: four, whiteOwnership: [Float](repeating: 0, count: 25), center: 0, p)
    #expect(e.isPruned(.play(Point(x: 0, y: 0))) && e.isPruned(.play(Point(x: 2, y: 0))))
    #expect(!e.isPruned(.play(Point(x: 2, y: 2))) && !e.isPruned(.pass))
    let three = try after(passes: 3)
    #expect(!RootEnding(state: three, whiteOwnership: [], center: 0, p).isPruned(.play(Point(x: 0, y: 0))))
    var off = p
    off.rootPruneUselessMoves = false
    #expect(!RootEnding(state: four, whiteOwnership: [], center: 0, off).isPruned(.play(Point(x: 0, y: 0))))
  }

  @Test func theBonusShiftsAVisitedChildsUtilityByItsScoreTerms() {
    let s = Self.state(.chinese)
    let p = Self.params()
    let e = RootEnding(state: s, whiteOwnership: Self.ownership(s.board), center: 2, p)
    var child = PUCTNode(move: .play(Point(x: 0, y: 0)), parent: 0, prior: 0.1)
    #expect(e.utilityDiff(child) == 0)  // unvisited
    child.add(LeafValues(weight: 1, utility: 0, winLoss: 0, noResult: 0, lead: 3, score: 3, scoreSq: 13))
    let area = s.board.area
    func terms(_ x: Double) -> Double {
      p.staticScoreUtilityFactor
        * PUCTEngine.expectedScoreValue(mean: x, stdev: 2, center: 0, scale: p.staticScoreScale, area: area)
        + p.dynamicScoreUtilityFactor
        * PUCTEngine.expectedScoreValue(mean: x, stdev: 2, center: 2, scale: p.dynamicScoreCenterScale, area: area)
    }
    let diff = e.utilityDiff(child)
    #expect(diff > 0 && abs(diff - (terms(3.5) - terms(3))) < 1e-12)
    let free = PUCTNode(move: .play(Point(x: 0, y: 6)), parent: 0, prior: 0.1)
    #expect(e.utilityDiff(free) == 0)
  }

  @Test func theSearchNeverVisitsOrPlaysPrunedMoves() throws {
    let board = Board(diagram: """
      . X . X .
      X X X X X
      . . . . .
      . . . O .
      . . . . .
      """)!
    var s = GameState(board: board, toMove: .white, rules: .chinese)
    for m in [Point(x: 0, y: 4), Point(x: 1, y: 4), Point(x: 2, y: 4)] {
      try s.play(.pass)
      try s.play(.play(m))
    }
    try s.play(.pass)
    let eyes: Set<Move> = [.play(Point(x: 0, y: 0)), .play(Point(x: 2, y: 0)), .play(Point(x: 4, y: 0))]
    for prune in [true, false] {
      var p = PUCTEngineTests.params(visits: 300)
      p.rootPruneUselessMoves = prune
      let engine = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: p)
      var a = AnalysisRequest()
      a.maxVisits = 300
      let snap = engine.analyze(s, request: a, report: { _ in })
      let searchedEyes = snap.moveInfos.filter { eyes.contains($0.move) && $0.visits > 0 }
      #expect(searchedEyes.isEmpty == prune, "prune \(prune)")
    }
  }

  /// A root child of `visits` equal visits with the given White-view values.
  static func child(_ move: Move, visits: Int, utility: Double, score: Double) -> PUCTNode {
    var n = PUCTNode(move: move, parent: 0, prior: 0.1)
    for _ in 0..<visits {
      n.add(LeafValues(weight: 1, utility: utility, winLoss: 0, noResult: 0, lead: score, score: score, scoreSq: score * score))
    }
    return n
  }

  @Test func fillDameBeforePassWantsANearlyAsGoodMoveWithEnoughVisits() {
    let s = Self.state(.japanese)  // Black to move; White's view below, so lower is better for Black
    let own = Self.ownership(s.board)
    let e = RootEnding(state: s, whiteOwnership: own, center: 0, Self.params())
    let pass = Self.child(.pass, visits: 100, utility: -0.2, score: -3)
    let dame = Point(x: 1, y: 2)  // Black-owned side; any point not deep in White's area counts
    #expect(e.suppressesPass([pass, Self.child(.play(dame), visits: 30, utility: -0.15, score: -2.7)]))
    // A point more than half a point worse for Black, or too few visits (2√100 = 20), or a
    // point deep in White's area: pass stands.
    #expect(!e.suppressesPass([pass, Self.child(.play(dame), visits: 30, utility: -0.15, score: -2.4)]))
    #expect(!e.suppressesPass([pass, Self.child(.play(dame), visits: 20, utility: -0.2, score: -3)]))
    #expect(!e.suppressesPass([pass, Self.child(.play(Point(x: 5, y: 2)), visits: 30, utility: -0.2, score: -3)]))
    // Not under area scoring, not when turned off, not without a visited pass.
    let area = RootEnding(state: Self.state(.chinese), whiteOwnership: own, center: 0, Self.params())
    #expect(!area.suppressesPass([pass, Self.child(.play(dame), visits: 30, utility: -0.2, score: -3)]))
    var p = Self.params()
    p.fillDameBeforePass = false
    let off = RootEnding(state: s, whiteOwnership: own, center: 0, p)
    #expect(!off.suppressesPass([pass, Self.child(.play(dame), visits: 30, utility: -0.2, score: -3)]))
    #expect(!e.suppressesPass([Self.child(.play(dame), visits: 30, utility: -0.2, score: -3)]))
  }
}
