import Foundation
import GoCore
import GoNeuralNet
@testable import GoSearch
import TestSupport
import Testing

@Suite struct PUCTEngineTests {
  static let target = Point(x: 2, y: 2)  // C3 on 5x5... any fixed point

  /// White's win chance is high exactly when White holds `target`, low when Black does.
  static func targetEvaluator() -> ScriptedEvaluator {
    ScriptedEvaluator { s in
      switch s.board[target] {
      case .white: return 0.9
      case .black: return 0.1
      default: return 0.5
      }
    }
  }

  static func params(visits: Int, threads: Int = 1) -> PUCTParameters {
    var p = PUCTParameters()
    p.maxVisits = visits
    p.threads = threads
    p.resignThreshold = 0
    return p
  }

  @Test func bothColoursPlayTheValuablePoint() {
    for first in [Player.black, .white] {
      var s = GameState(size: 5, rules: .chinese)
      s.setToMove(first)
      let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 300, threads: 4))
      #expect(engine.generateMove(for: s, request: MoveRequest()) == .move(.play(Self.target)), "\(first)")
    }
  }

  /// The per-move stderr line names the move as GTP does (`C3`), not as `(2,2)`.
  @Test func moveLogNamesTheMoveInGTPCoordinates() {
    let recorder = LogRecorder()
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 50))
    engine.log = recorder.sink
    #expect(engine.generateMove(for: GameState(size: 5, rules: .chinese), request: MoveRequest())
      == .move(.play(Self.target)))
    let logged = recorder.lines
    // The move line, then the time manager's line.
    #expect(logged.count == 2)
    #expect(logged.first?.hasPrefix("B C3 winrate ") == true, "\(logged)")
    #expect(logged.last?.hasPrefix("time: ") == true, "\(logged)")
  }

  @Test func visitLimitIsExactWithManyThreads() {
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 123, threads: 6))
    let snap = engine.analyze(GameState(size: 7), request: { var r = AnalysisRequest(); r.maxVisits = 123; return r }(), report: { _ in })
    #expect(snap.rootInfo.visits == 123)
    // (Copies of symmetric moves repeat their original's visits; count the searched moves.)
    let childVisits = snap.moveInfos.filter { $0.isSymmetryOf == nil }.reduce(0) { $0 + $1.visits }
    #expect(childVisits == 122)  // the root's own evaluation is the first visit
  }

  @Test func avoidedMoveIsNeverSearchedOrPlayed() {
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 200, threads: 2))
    var a = AnalysisRequest()
    a.maxVisits = 200
    a.restrictions = [MoveRestriction(player: .black, moves: [.play(Self.target)], untilDepth: 1, isAllowList: false)]
    let snap = engine.analyze(GameState(size: 5), request: a, report: { _ in })
    #expect(!snap.moveInfos.contains { $0.move == .play(Self.target) })
    let move = engine.generateMove(for: GameState(size: 5), request: MoveRequest(), analysis: a, report: { _ in })
    #expect(move != .move(.play(Self.target)))
  }

  @Test func symmetricRootSearchesOneMoveOfEachClass() throws {
    var p = Self.params(visits: 300, threads: 2)
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: p)
    var a = AnalysisRequest()
    a.maxVisits = 300
    a.minMoves = 26
    // An empty 5×5 board: every move but the centre has 4 or 8 equivalents.
    let snap = engine.analyze(GameState(size: 5), request: a, report: { _ in })
    let searched = snap.moveInfos.filter { $0.isSymmetryOf == nil }
    let copies = snap.moveInfos.filter { $0.isSymmetryOf != nil }
    func image(_ m: Move, _ s: Symmetry) -> Move {
      if case .play(let q) = m { return .play(s.apply(q, width: 5, height: 5)) }
      return m
    }
    // No two searched moves are equivalent.
    for (i, a) in searched.enumerated() {
      for b in searched[(i + 1)...] where a.move != .pass && b.move != .pass {
        #expect(!(0..<8).contains { image(a.move, Symmetry($0)) == b.move }, "\(a.move) \(b.move)")
      }
    }
    // Every board point is listed once; each copy is an image of its original with its statistics.
    #expect(Set(snap.moveInfos.map(\.move)).count == snap.moveInfos.count)
    #expect(snap.moveInfos.filter { $0.move != .pass }.count == 25)
    for c in copies {
      let original = try #require(searched.first { $0.move == c.isSymmetryOf })
      #expect((1..<8).contains { image(original.move, Symmetry($0)) == c.move })
      #expect(c.visits == original.visits && c.winrate == original.winrate)
      #expect(c.pv.count == original.pv.count)
    }
    #expect(copies.count > 0 && searched.filter { $0.move != .pass }.count == 6)
    #expect(snap.moveInfos.map(\.order) == Array(0..<snap.moveInfos.count))
    // With the pruning off, equivalent moves are searched on their own.
    p.rootSymmetryPruning = false
    let plain = PUCTEngine(evaluator: Self.targetEvaluator(), params: p)
    let all = plain.analyze(GameState(size: 5), request: a, report: { _ in })
    #expect(all.moveInfos.allSatisfy { $0.isSymmetryOf == nil })
  }

  /// A subtree kept from below the old root is searched at a symmetric new root without
  /// pruning: its visits were spread over moves that pruning would hide as copies, counted in
  /// the root's visits but never listed (analysing the position after the first move, at fewer
  /// visits than the kept subtree had, gave no moves at all).
  @Test func aKeptSubtreeAtASymmetricRootListsAllItsVisits() throws {
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 300))
    var a = AnalysisRequest()
    a.maxVisits = 300
    let first = engine.analyze(GameState(size: 5), request: a, report: { _ in })
    let centre = try #require(first.moveInfos.first { $0.move == .play(Self.target) })
    #expect(centre.visits > 8)
    var s = GameState(size: 5)
    try s.play(.play(Self.target))  // the empty board's centre: the position keeps all 8 symmetries
    a.maxVisits = 4
    for _ in 0..<2 {  // the kept tree, then the same root again
      let snap = engine.analyze(s, request: a, report: { _ in })
      #expect(snap.rootInfo.visits >= centre.visits)
      #expect(!snap.moveInfos.isEmpty)
      #expect(snap.moveInfos.allSatisfy { $0.isSymmetryOf == nil })
      #expect(snap.moveInfos.reduce(0) { $0 + $1.visits } == snap.rootInfo.visits - 1)
    }
    // A fresh engine prunes the same position.
    let fresh = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 300))
    a.maxVisits = 50
    #expect(fresh.analyze(s, request: a, report: { _ in }).moveInfos.contains { $0.isSymmetryOf != nil })
  }

  @Test func rootSymmetriesFollowTheStones() throws {
    var s = GameState(size: 9, rules: .chinese)
    #expect(PUCTTree.rootSymmetries(s, restrictions: []).symmetries.count == 8)
    try s.play(.play(Point(x: 2, y: 2)))  // on the main diagonal: only the transpose remains
    let (sym, dup) = PUCTTree.rootSymmetries(s, restrictions: [])
    #expect(sym.count == 2 && sym[1].transposes)
    // White takes representatives from the left: (1, 5) is kept, its mirror (5, 1) is pruned.
    #expect(!dup[Point(x: 1, y: 5).i] && dup[Point(x: 5, y: 1).i])
    #expect(!dup[Point(x: 4, y: 4).i])
    try s.play(.play(Point(x: 6, y: 3)))
    #expect(PUCTTree.rootSymmetries(s, restrictions: []).symmetries.count == 1)
  }

  @Test func allowListRestrictsTheRoot() {
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 100, threads: 2))
    var a = AnalysisRequest()
    a.maxVisits = 100
    let allowed: Set<Move> = [.play(Point(x: 0, y: 0)), .play(Point(x: 4, y: 4))]
    a.restrictions = [MoveRestriction(player: .black, moves: allowed, untilDepth: 1, isAllowList: true)]
    let snap = engine.analyze(GameState(size: 5), request: a, report: { _ in })
    #expect(!snap.moveInfos.isEmpty)
    #expect(snap.moveInfos.allSatisfy { allowed.contains($0.move) })
  }

  @Test func singleThreadSearchIsDeterministic() {
    func run() -> (MoveDecision, [Int]) {
      let engine = PUCTEngine(
        evaluator: ScriptedEvaluator { s in Float(s.board.stoneCount(.white) % 3) / 4 + 0.2 },
        params: Self.params(visits: 150))
      var a = AnalysisRequest()
      a.maxVisits = 150
      let snap = engine.analyze(GameState(size: 6), request: a, report: { _ in })
      return (engine.generateMove(for: GameState(size: 6), request: MoveRequest()), snap.moveInfos.map(\.visits))
    }
    let (m1, v1) = run()
    let (m2, v2) = run()
    #expect(m1 == m2)
    #expect(v1 == v2)
  }

  @Test func treeIsReusedAlongTheGame() {
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: Self.params(visits: 400, threads: 2))
    var s = GameState(size: 5)
    guard case .move(let m) = engine.generateMove(for: s, request: MoveRequest()) else {
      Issue.record("no move")
      return
    }
    try? s.play(m)
    // The opponent answers with its most searched reply: that subtree is kept.
    var a = AnalysisRequest()
    a.maxVisits = 1
    let kept = engine.analyze(s, request: a, report: { _ in })
    #expect(kept.rootInfo.visits > 1)
    let reply = kept.moveInfos.first!.move
    try? s.play(reply)
    let again = engine.analyze(s, request: a, report: { _ in })
    #expect(again.rootInfo.visits > 1)
  }

  @Test func ponderingGrowsTheTreeForTheNextMove() throws {
    var p = Self.params(visits: 50, threads: 2)
    p.ponder = true
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: p)
    engine.log = { _ in }
    var s = GameState(size: 5)
    guard case .move(let m) = engine.generateMove(for: s, request: MoveRequest()) else {
      Issue.record("no move")
      return
    }
    try s.play(m)
    engine.ponder(s)
    // Wait on the pondering search's progress, not on the clock: its tree (rooted at the new
    // position, White to move) passes the last move's 50 visits however slow the machine.
    // (The bound, two minutes, only keeps a broken ponder from hanging the test run.)
    var waits = 0
    while !engine.tree.withLock({ $0.rootPlayer == s.toMove && $0.nodes[0].visits > 50 }) && waits < 120_000 {
      usleep(1000)
      waits += 1
    }
    var a = AnalysisRequest()
    a.maxVisits = 1
    // The analysis first ends the pondering, then keeps its tree (same position).
    let snap = engine.analyze(s, request: a, report: { _ in })
    #expect(snap.rootInfo.visits > 50)
  }

  @Test func settingAParameterEndsPondering() throws {
    var p = Self.params(visits: 50, threads: 2)
    p.ponder = true
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: p)
    engine.log = { _ in }
    engine.ponder(GameState(size: 5))
    #expect(engine.pondering)
    // The pondering thread reads `params` while it searches: the setter joins it first.
    try engine.setParameter("cpuctExploration", "0.9")
    #expect(!engine.pondering)
    #expect(engine.params.cpuctExploration == 0.9)
  }

  @Test func ignorePreRootHistoryReachesEveryEvaluation() throws {
    final class FloorRecorder: PositionEvaluator, @unchecked Sendable {
      let inner = ScriptedEvaluator { _ in 0.5 }
      let lock = NSLock()
      var floors: Set<Int> = []
      func evaluate(_ state: GameState, isRoot: Bool) throws -> NNEvaluation {
        try evaluate(state, isRoot: isRoot, historyFloor: 0)
      }
      func evaluate(_ state: GameState, isRoot: Bool, historyFloor: Int) throws -> NNEvaluation {
        lock.lock()
        floors.insert(historyFloor)
        lock.unlock()
        return try inner.evaluate(state, isRoot: isRoot)
      }
      func clearCache() {}
      var evaluatorName: String { "floors" }
    }
    var s = GameState(size: 5)
    try s.play(.play(Point(x: 1, y: 1)))
    try s.play(.play(Point(x: 3, y: 3)))
    for (ignore, expected) in [(true, Set([2])), (false, Set([0]))] {
      let recorder = FloorRecorder()
      let engine = PUCTEngine(evaluator: recorder, params: Self.params(visits: 20, threads: 2))
      var a = AnalysisRequest()
      a.maxVisits = 20
      a.ignorePreRootHistory = ignore
      _ = engine.analyze(s, request: a, report: { _ in })
      #expect(recorder.floors == expected)
    }
  }

  @Test func memoryCapStopsGrowthButNotTheSearch() {
    var p = Self.params(visits: 500, threads: 2)
    p.maxNodes = 60
    let engine = PUCTEngine(evaluator: Self.targetEvaluator(), params: p)
    var a = AnalysisRequest()
    a.maxVisits = 500
    let snap = engine.analyze(GameState(size: 5), request: a, report: { _ in })
    #expect(snap.rootInfo.visits == 500)
    #expect(engine.lastStats.nodes <= 60)
  }

  @Test func reportsArriveDuringSearchAndStopEndsIt() {
    // An evaluator slow enough that the search outlives several report intervals.
    let slow = ScriptedEvaluator { _ in
      usleep(2000)
      return 0.5
    }
    let engine = PUCTEngine(evaluator: slow, params: Self.params(visits: 1_000_000, threads: 2))
    var a = AnalysisRequest()
    a.reportInterval = 0.05
    let count = ReportCounter()
    // Another thread stops the search once three reports came (not after a fixed delay, which
    // a slow start could outlast: the search clears a stop sent before it began).
    let third = DispatchSemaphore(value: 0)
    Thread {
      third.wait()
      engine.stop()
    }.start()
    let snap = engine.analyze(GameState(size: 9), request: a, report: { _ in
      count.bump()
      if count.value == 3 { third.signal() }
    })
    #expect(count.value >= 3)
    #expect(snap.rootInfo.visits > 1)
    #expect(engine.lastStats.stop == .interrupted)
  }

  @Test func winningSidePassesAfterTheOpponentPasses() throws {
    // White owns everything but komi decides: Black's area is the left two columns.
    var s = GameState(size: 5, rules: .chinese)
    s.setup(
      black: (0..<5).map { Point(x: 1, y: $0) }, white: (0..<5).map { Point(x: 2, y: $0) })
    s.setToMove(.black)
    try s.play(.pass)  // Black passes; White (10 + 7.5 komi vs 10) wins by passing.
    let engine = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.5 }, params: Self.params(visits: 50))
    #expect(engine.generateMove(for: s, request: MoveRequest()) == .move(.pass))
  }

  /// An evaluator that gives Black the whole board: every White stone reads as dead.
  static func blackOwnsAll(passPolicy: Float = 0.01) -> ScriptedEvaluator {
    ScriptedEvaluator(passPolicy: passPolicy, ownership: { s in [Float](repeating: -1, count: s.board.area) }) { _ in 0.1 }
  }

  @Test func cleanupDoesNotPassWhileOpponentStonesItCallsDeadStand() throws {
    var s = GameState(size: 5, rules: .chinese)
    s.setup(black: [Point(x: 1, y: 1), Point(x: 3, y: 3)], white: [Point(x: 2, y: 2)])
    s.setToMove(.black)
    try s.play(.pass)
    try s.play(.pass)
    #expect(s.isOver)
    s.resume()
    let engine = PUCTEngine(evaluator: Self.blackOwnsAll(passPolicy: 0.9), params: Self.params(visits: 30))
    #expect(engine.mustCapture(in: s, for: .black))
    #expect(engine.generateMove(for: s, request: MoveRequest(cleanup: true)) != .move(.pass))
  }

  @Test func cleanupHasNothingToDoWithoutDeadStones() throws {
    var s = GameState(size: 5, rules: .chinese)
    s.setup(black: [Point(x: 1, y: 1)], white: [Point(x: 3, y: 3)])
    // Black owns the left columns and White the right: White's stone lives.
    let split = ScriptedEvaluator(ownership: { s in s.board.points.map { $0.x < 2 ? -1 : ($0.x > 2 ? 1 : 0) } }) { _ in 0.5 }
    #expect(!PUCTEngine(evaluator: split, params: Self.params(visits: 10)).mustCapture(in: s, for: .black))
    // The same stone read as dead is work to do.
    #expect(PUCTEngine(evaluator: Self.blackOwnsAll(), params: Self.params(visits: 10)).mustCapture(in: s, for: .black))
  }

  @Test func lostPositionResignsAfterConsecutiveMoves() throws {
    var p = Self.params(visits: 20)
    p.resignThreshold = 0.2
    p.resignConsecutiveTurns = 2
    p.resignMinFill = 0
    let engine = PUCTEngine(evaluator: ScriptedEvaluator { _ in 0.97 }, params: p)  // White wins
    var s = GameState(size: 5)
    var decisions: [MoveDecision] = []
    for _ in 0..<2 {
      let d = engine.generateMove(for: s, request: MoveRequest())
      decisions.append(d)
      if case .move(let m) = d { try s.play(m); try s.play(.pass) }
    }
    #expect(decisions.last == .resign)
    #expect(decisions.first != .resign)
  }

  @Test func realTinyNetworkSearchGivesConsistentAnalysis() throws {
    let model = try ModelLoader.load(path: Fixtures.path("tiny-v8-resnet.txt.gz"))
    let evaluator = BatchingEvaluator(backend: ReferenceBackend(model: model), maxBatchSize: 4)
    let engine = PUCTEngine(evaluator: evaluator, params: Self.params(visits: 40, threads: 4))
    var a = AnalysisRequest()
    a.maxVisits = 40
    a.includeOwnership = true
    a.includePolicy = true
    a.includeMovesOwnership = true
    var s = GameState(size: 7, rules: .japanese)
    try s.play(.play(Point(x: 3, y: 3)))
    let snap = engine.analyze(s, request: a, report: { _ in })
    #expect(snap.toMove == .white)
    #expect(snap.rootInfo.visits == 40)
    #expect((0...1).contains(snap.rootInfo.winrate))
    #expect(snap.ownership?.count == 49)
    #expect(snap.policy?.count == 50)
    #expect(snap.policy?[3 * 7 + 3] == -1)  // the occupied point
    #expect(snap.rootInfo.raw != nil)
    for info in snap.moveInfos {
      #expect((0...1).contains(info.winrate))
      #expect(info.pv.first == info.move)
      #expect(info.ownership?.count == 49)
    }
    #expect(snap.moveInfos.map(\.order) == Array(0..<snap.moveInfos.count))
  }
}

/// Counts reports from the search thread.
final class ReportCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var n = 0
  func bump() { lock.lock(); n += 1; lock.unlock() }
  var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
