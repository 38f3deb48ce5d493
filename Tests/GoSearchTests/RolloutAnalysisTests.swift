import Foundation
import GoCore
import GoSearch
import Synchronization
import Testing

/// The rollout engine as an `AnalyzingEngine`: restrictions, limits, reports, parameters.
@Suite struct RolloutAnalysisTests {
  func engine(threads: Int = 1) -> RolloutEngine {
    var p = RolloutParameters()
    p.threads = threads
    p.ownershipPlayouts = 100
    return RolloutEngine(params: p)
  }

  func point(_ x: Int, _ y: Int) -> Move { .play(Point(x: x, y: y)) }

  @Test func avoidedMovesNeverAppearAsCandidates() {
    let e = engine()
    let g = GameState(size: 9, rules: .chinese)
    let avoided: Set<Move> = [
      point(4, 4), point(2, 2), point(6, 6), point(2, 6), point(6, 2), .pass,
    ]
    var request = AnalysisRequest()
    request.maxVisits = 300
    request.minMoves = 81
    request.restrictions = [
      MoveRestriction(player: .black, moves: avoided, untilDepth: 1, isAllowList: false)
    ]
    let snapshot = e.analyze(g, request: request) { _ in }
    #expect(snapshot.moveInfos.count == 81 - 5)
    for info in snapshot.moveInfos {
      #expect(!avoided.contains(info.move), "\(info.move)")
    }
    #expect(snapshot.rootInfo.visits == 300)
    // A later plain search may play them again (the restricted tree is not reused).
    request.restrictions = []
    let free = e.analyze(g, request: request) { _ in }
    #expect(free.moveInfos.contains { avoided.contains($0.move) })
  }

  @Test func allowListsHoldAtTheirDepthOnly() {
    let e = engine()
    let g = GameState(size: 9, rules: .chinese)
    let allowed: Set<Move> = [point(2, 2), point(6, 6)]
    let whiteAllowed: Set<Move> = [point(4, 4), point(3, 3)]
    var request = AnalysisRequest()
    request.maxVisits = 400
    request.restrictions = [
      MoveRestriction(player: .black, moves: allowed, untilDepth: 1, isAllowList: true),
      MoveRestriction(player: .white, moves: whiteAllowed, untilDepth: 2, isAllowList: true),
    ]
    let snapshot = e.analyze(g, request: request) { _ in }
    #expect(Set(snapshot.moveInfos.map(\.move)).isSubset(of: allowed))
    for info in snapshot.moveInfos where info.pv.count > 1 {
      #expect(whiteAllowed.contains(info.pv[1]), "\(info.pv)")
    }
    let decision = e.generateMove(
      for: g, request: MoveRequest(), analysis: request, report: { _ in })
    guard case .move(let m) = decision else {
      Issue.record("resigned")
      return
    }
    #expect(allowed.contains(m))
  }

  @Test func snapshotValuesAreFromTheSideToMove() {
    let e = engine()
    // White is far ahead: Black has nothing on the board, White a wall; komi helps White too.
    var g = GameState(size: 7, rules: .chinese)
    for y in 0..<7 {
      try? g.play(.pass)
      try? g.play(point(3, y))
    }
    #expect(g.toMove == .black)
    var request = AnalysisRequest()
    request.maxVisits = 200
    request.includeOwnership = true
    request.includeOwnershipStdev = true
    request.includeMovesOwnership = true
    let s = e.analyze(g, request: request) { _ in }
    #expect(s.toMove == .black)
    #expect(s.rootInfo.scoreLead < 0)
    #expect(s.rootInfo.winrate < 0.5)
    let own = s.ownership ?? []
    #expect(own.count == 49)
    // The wall is White's: negative for Black, row-major from the top-left.
    #expect(own[3] < -0.9 && own[6 * 7 + 3] < -0.9)
    #expect((s.ownershipStdev ?? []).allSatisfy { (0...1).contains($0) })
    #expect(s.moveInfos.first?.ownership?.count == 49)
    for info in s.moveInfos {
      #expect((0...1).contains(info.winrate) && (0...1).contains(info.prior))
      #expect(info.lcb <= info.winrate)
      #expect(info.pv.first == info.move && info.pvVisits.count == info.pv.count)
    }
    #expect(s.moveInfos.map(\.order) == Array(s.moveInfos.indices))
  }

  @Test func reportsComeWhileSearchingAndNeverAfterReturning() {
    let e = engine()
    let g = GameState(size: 9, rules: .chinese)
    var request = AnalysisRequest()
    request.reportInterval = 0.01
    let count = Atomic<Int>(0)
    let returned = Atomic<Bool>(false)
    // An unlimited analysis that the third report stops: as many reports on every machine,
    // however fast (a time limit once decided how many came).
    let final = e.analyze(g, request: request) { s in
      #expect(!s.moveInfos.isEmpty || s.rootInfo.visits == 0)
      let late = returned.load(ordering: .sequentiallyConsistent)
      #expect(!late)
      if count.add(1, ordering: .relaxed).newValue == 3 { e.stop() }
    }
    returned.store(true, ordering: .sequentiallyConsistent)
    let seen = count.load(ordering: .relaxed)
    #expect(seen >= 3)
    #expect(final.rootInfo.visits > 0)
    // Reports come from a worker that `analyze` joins before it returns: none can follow.
    #expect(count.load(ordering: .relaxed) == seen)
  }

  @Test func stopEndsAnUnlimitedAnalysis() {
    let e = engine(threads: 2)
    let g = GameState(size: 9, rules: .chinese)
    // The stop comes from another thread once the search runs (its first report), not after a
    // fixed delay: a stop sent before the search began would be cleared by it.
    let running = DispatchSemaphore(value: 0)
    let stopper = Thread {
      running.wait()
      e.stop()
    }
    stopper.start()
    var request = AnalysisRequest()
    request.reportInterval = 0.01
    let first = Atomic<Bool>(true)
    let s = e.analyze(g, request: request) { _ in
      if first.exchange(false, ordering: .relaxed) { running.signal() }
    }
    #expect(s.rootInfo.visits > 0)
  }

  @Test func maxMovesAndMinMovesShapeTheList() {
    let e = engine()
    let g = GameState(size: 9, rules: .chinese)
    var request = AnalysisRequest()
    request.maxVisits = 50
    request.maxMoves = 3
    #expect(e.analyze(g, request: request) { _ in }.moveInfos.count == 3)
    request.maxMoves = nil
    request.minMoves = 82
    let all = e.analyze(g, request: request) { _ in }.moveInfos
    #expect(all.count == 82)
    #expect(all.contains { $0.visits == 0 })
  }

  @Test func parametersRoundTripAndRejectBadValues() throws {
    let e = engine()
    let names = e.parameterValues.map(\.name)
    #expect(names.contains("threads") && names.contains("maxPlayouts"))
    #expect(names.contains("exploration") && names.contains("raveEquivalence"))
    try e.setParameter("exploration", "0.25")
    try e.setParameter("maxVisits", "123")
    try e.setParameter("reuseTree", "false")
    #expect(e.params.exploration == 0.25 && e.params.maxPlayouts == 123 && !e.params.reuseTree)
    #expect(e.parameterValues.first { $0.name == "maxPlayouts" }?.value == "123")
    try e.setParameter("maxPlayouts", "none")
    #expect(e.params.maxPlayouts == nil)
    let before = e.params
    #expect(throws: ParameterError.self) { try e.setParameter("threads", "0") }
    #expect(throws: ParameterError.self) { try e.setParameter("exploration", "x") }
    #expect(throws: ParameterError.self) { try e.setParameter("nonsense", "1") }
    #expect(e.params == before)
  }
}
