import GoCore
import GoSearch
import TestSupport
import Testing

@Suite struct RolloutEngineTests {
  func engine(playouts: Int, threads: Int = 1, seed: UInt64 = 1) -> RolloutEngine {
    var p = RolloutParameters()
    p.maxPlayouts = playouts
    p.threads = threads
    p.seed = seed
    p.ownershipPlayouts = 300
    return RolloutEngine(params: p)
  }

  @Test func movesAreLegalAndNeverFillOwnEyes() throws {
    // Seeded: the same opponent moves on every run, so a failure repeats.
    var rng = TestRandom(seed: 18)
    let e = engine(playouts: 150)
    for size in [5, 9] {
      var g = GameState(size: size, rules: .chinese)
      var moves = 0
      while !g.isOver && moves < size * size * 2 {
        let decision = e.generateMove(for: g, request: MoveRequest(allowResign: false))
        guard case .move(let m) = decision else {
          Issue.record("resigned with resignation off")
          return
        }
        #expect(g.isLegal(m))
        if case .play(let p) = m { #expect(!g.board.isEye(p, of: g.toMove)) }
        try g.play(m)
        // Random opponent moves keep the positions varied.
        if !g.isOver, let r = g.legalMoves().randomElement(using: &rng) { try g.play(r) }
        moves += 2
      }
    }
  }

  @Test func deterministicWithOneThreadAndASeed() {
    let g = GameState(size: 9, rules: .chinese)
    let a = engine(playouts: 300, seed: 5).generateMove(for: g, request: MoveRequest())
    let b = engine(playouts: 300, seed: 5).generateMove(for: g, request: MoveRequest())
    #expect(a == b)
  }

  @Test func treeStatisticsAreConsistentAfterAThreadedSearch() {
    let e = engine(playouts: 1500, threads: 4)
    let summary = e.search(GameState(size: 9, rules: .chinese), seconds: 30)
    // Every simulation went through exactly one root child.
    #expect(summary.playouts == 1500)
    #expect(summary.candidates.reduce(0) { $0 + $1.visits } == 1500)
    #expect(summary.winRate > 0.2 && summary.winRate < 0.8)
  }

  @Test func passesWhenTheOpponentPassedAndPassingWins() throws {
    // Black owns the left, White the right; Black is far ahead at komi 0.5.
    var g = try SettledPosition.state(toMove: .white)
    try g.play(.pass)
    #expect(engine(playouts: 500).generateMove(for: g, request: MoveRequest()) == .move(.pass))
  }

  @Test func deadStonesAreFound() throws {
    // A lone White stone deep in Black's area is dead.
    let b = try #require(Board(diagram: """
      . X . . X O . . .
      X X . . X O . . .
      . . . O X O . . .
      X X X X X O . . .
      O O O O O O . . .
      . . . . . . . . .
      . . . . . . . . .
      . . . . . . . . .
      . . . . . . . . .
      """))
    let g = GameState(board: b, toMove: .black, rules: .chinese)
    let dead = engine(playouts: 100).deadStones(in: g)
    #expect(dead.contains(Point(x: 3, y: 2)))
    #expect(!dead.contains(Point(x: 4, y: 0)))
    // The margin is a parameter: no chain's mean ownership can favour the opponent by more
    // than 1.
    let strict = engine(playouts: 100)
    strict.params.deadStoneOwnership = 1
    #expect(strict.deadStones(in: g).isEmpty)
  }

  @Test func treeIsReusedAlongTheGameLine() throws {
    let e = engine(playouts: 600)
    var g = GameState(size: 9, rules: .chinese)
    let first = e.search(g, seconds: 30)
    let reply = try #require(first.principalVariation.dropFirst().first)
    try g.play(first.best!)
    try g.play(reply)
    let second = e.search(g, seconds: 30)
    // The kept subtree's simulations count on top of the new ones.
    #expect(second.playouts > 600)
  }
}
