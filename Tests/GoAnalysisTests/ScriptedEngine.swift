import Foundation
import GoCore
import GoSearch
import Synchronization

/// A deterministic `AnalyzingEngine` for the protocol tests.
///
/// Each "visit" takes `visitTime` seconds of real time; snapshots depend only on the position
/// and the visit count. It honours `maxVisits`, `maxTime`, `reportInterval`,
/// `firstReportAfter`, the include flags and `stop()`, and records what it was asked.
final class ScriptedEngine: AnalyzingEngine, @unchecked Sendable {
  let name = "scripted"
  /// Seconds per visit.
  var visitTime = 0.001
  /// When set, every analysis fails with this reason (`AnalysisSnapshot.failure`), as a
  /// search whose threads the system refused.
  var failure: String?
  private let stopFlag = Atomic<Bool>(false)
  private let log = Mutex<[String]>([])
  private let clearCount = Atomic<Int>(0)
  private let params = Mutex<[String: String]>(["cpuctExploration": "1.0"])

  /// The requests and positions analysed, in order ("<toMove> <moves> <maxVisits>").
  var analysed: [String] { log.withLock { $0 } }
  var clears: Int { clearCount.load(ordering: .relaxed) }

  func generateMove(for state: GameState, request: MoveRequest) -> MoveDecision { .move(.pass) }
  func deadStones(in state: GameState) -> Set<Point> { [] }
  func clear() { clearCount.add(1, ordering: .relaxed) }
  func stop() { stopFlag.store(true, ordering: .relaxed) }

  func analyze(
    _ state: GameState, request: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> AnalysisSnapshot {
    stopFlag.store(false, ordering: .relaxed)
    log.withLock {
      $0.append(
        "\(state.toMove == .black ? "B" : "W") \(state.moves.count) \(request.maxVisits ?? -1) \(params.withLock { $0["cpuctExploration"]! })"
      )
    }
    let start = Date()
    var nextReport = request.firstReportAfter ?? request.reportInterval
    var visits = 0
    while !stopFlag.load(ordering: .relaxed) {
      if let m = request.maxVisits, visits >= m { break }
      let elapsed = Date().timeIntervalSince(start)
      if let t = request.maxTime, elapsed >= t { break }
      if let r = nextReport, elapsed >= r {
        report(Self.snapshot(state, visits: visits, request: request))
        nextReport = r + (request.reportInterval ?? 1e9)
      }
      Thread.sleep(forTimeInterval: visitTime)
      visits += 1
    }
    var final = Self.snapshot(state, visits: visits, request: request)
    final.failure = failure
    return final
  }

  func generateMove(
    for state: GameState, request: MoveRequest, analysis: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> MoveDecision { .move(.pass) }

  var parameterValues: [(name: String, value: String)] {
    params.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
  }

  func setParameter(_ name: String, _ value: String) throws(ParameterError) {
    guard Double(value) != nil else { throw ParameterError("bad value for \(name): \(value)") }
    params.withLock { $0[name] = value }
  }

  /// The snapshot after `visits` visits: the side to move wins 60% and leads by 2.5; the first
  /// two empty points are the candidates; ownership +0.5 (side to move) everywhere.
  static func snapshot(_ state: GameState, visits: Int, request: AnalysisRequest)
    -> AnalysisSnapshot
  {
    let area = state.width * state.height
    let empties = state.board.points.filter { state.board[$0] == .empty }.prefix(2)
    let moves = empties.enumerated().map { i, p in
      AnalysisMoveInfo(
        move: .play(p), visits: visits / (i + 1), utility: 0.2, winrate: 0.6 - 0.1 * Double(i),
        scoreLead: 2.5, scoreSelfplay: 3, scoreStdev: 10, prior: 0.5, lcb: 0.55, utilityLcb: 0.1,
        order: i, pv: [.play(p), .pass], pvVisits: [visits, 1], pvEdgeVisits: [visits, 1],
        ownership: request.includeMovesOwnership ? Array(repeating: 0.25, count: area) : nil)
    }
    return AnalysisSnapshot(
      width: state.width, height: state.height, toMove: state.toMove,
      rootInfo: AnalysisRootInfo(
        visits: visits, weight: Double(visits), utility: 0.2, winrate: 0.6, scoreLead: 2.5,
        scoreSelfplay: 3, scoreStdev: 10,
        raw: RawRootValues(
          winrate: 0.7, lead: 1.5, scoreSelfplay: 2, scoreSelfplayStdev: 9, noResultProb: 0.01,
          stWrError: 0.2, stScoreError: 0.5, varTimeLeft: 3)),
      moveInfos: moves,
      ownership: request.includeOwnership ? Array(repeating: 0.5, count: area) : nil,
      policy: request.includePolicy
        ? (0...area).map { $0 == area ? 0.1 : 0.9 / Double(area) } : nil)
  }
}
