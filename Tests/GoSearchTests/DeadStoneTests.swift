import GoCore
import GoNeuralNet
import Testing

@testable import GoSearch

/// How the network engine judges dead stones for `final_status_list`, `final_score` and match
/// adjudication (`PUCTEngine.deadStones(in:)`).
@Suite struct DeadStoneTests {
  /// Black's three-stone chain at the bottom left lies inside White's area; the rest is split.
  static let diagram = """
    . X . O . . .
    . X . O . . .
    . X . O . . .
    . X . O . . .
    . X O O . . .
    O O . O . . .
    X X X O . . .
    """

  /// White's view: the left two columns Black's, the rest White's, except `deadChainRead` on
  /// the three stones of Black's bottom chain (A1, B1, C1).
  static func ownership(_ board: Board, deadChainRead: [Float]) -> [Float] {
    var own = [Float](repeating: 0, count: board.area)
    for p in board.points { own[p.y * board.width + p.x] = p.x <= 1 && p.y <= 4 ? -1 : 1 }
    for x in 0..<3 { own[6 * board.width + x] = deadChainRead[x] }
    return own
  }

  static func engine(_ ownership: @escaping @Sendable (GameState) -> [Float]) -> PUCTEngine {
    PUCTEngine(evaluator: ScriptedEvaluator(ownership: ownership) { _ in 0.5 }, params: PUCTParameters())
  }

  static let bottomChain: Set<Point> = [Point(x: 0, y: 6), Point(x: 1, y: 6), Point(x: 2, y: 6)]

  @Test func aChainDiesAsOneByItsMeanOwnership() throws {
    let state = GameState(board: try #require(Board(diagram: Self.diagram)), toMove: .black, rules: .chinese)
    // C1 alone reads as Black's, A1 and B1 as White's: the chain's mean is White's.
    let mixed = Self.engine { Self.ownership($0.board, deadChainRead: [0.9, 0.8, -0.3]) }
    #expect(try mixed.deadStones(in: state) == Self.bottomChain)
    // The other way round the chain lives, all three stones.
    let alive = Self.engine { Self.ownership($0.board, deadChainRead: [-0.9, 0.2, 0.3]) }
    #expect(try alive.deadStones(in: state).isEmpty)
  }

  @Test func aGameEndedByPassesIsJudgedBeforeThePasses() throws {
    var state = GameState(board: try #require(Board(diagram: Self.diagram)), toMove: .black, rules: .chinese)
    try state.play(.play(Point(x: 0, y: 0)))
    try state.play(.pass)
    try state.play(.pass)
    #expect(state.isOver)
    // Like the real network after two passes: the dead chain reads as about even.
    let engine = Self.engine { s in
      let ended = s.moves.last?.move == .pass
      return Self.ownership(s.board, deadChainRead: ended ? [-0.1, 0, 0.05] : [0.9, 0.9, 0.9])
    }
    #expect(try engine.deadStones(in: state) == Self.bottomChain)
  }

  /// Terminal nodes in the search judge chains the same way, with the firmer threshold
  /// (`deadStoneOwnership`, 0.6) on the chain's mean rather than stone by stone.
  @Test func terminalScoringRemovesWholeChainsPastTheThreshold() throws {
    let board = try #require(Board(diagram: Self.diagram))
    let state = GameState(board: board, toMove: .black, rules: .chinese)
    // Mean 0.7 towards White: the whole chain is dead, C1's weak 0.3 included.
    let firm = Self.ownership(board, deadChainRead: [0.9, 0.9, 0.3])
    #expect(PUCTEngine.deadStones(state, whiteOwnership: firm, threshold: 0.6) == Self.bottomChain)
    // Mean 0.5: not firm enough, every stone counts, A1 and B1 (0.9) too.
    let soft = Self.ownership(board, deadChainRead: [0.9, 0.9, -0.3])
    #expect(PUCTEngine.deadStones(state, whiteOwnership: soft, threshold: 0.6).isEmpty)
    // Strict area rules (Tromp-Taylor): no dead stones at all.
    let strict = GameState(board: board, toMove: .black, rules: .trompTaylor)
    #expect(PUCTEngine.deadStones(strict, whiteOwnership: firm, threshold: 0.6).isEmpty)
  }
}
