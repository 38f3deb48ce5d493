import GoCore
import GoSearch
import Testing

/// The one score-perspective convention (`Perspective`): search statistics are White's view,
/// reports the player to move's — checked on a position whose owner of every point is known.
@Suite struct PerspectiveTests {
  static func engine() -> RolloutEngine {
    var p = RolloutParameters()
    p.maxPlayouts = 200
    p.threads = 1
    return RolloutEngine(params: p)
  }

  @Test(arguments: [Player.black, .white])
  func rolloutSearchOwnershipIsWhitesView(toMove: Player) throws {
    let summary = Self.engine().search(try SettledPosition.state(toMove: toMove), seconds: 30)
    // A Black stone's point is Black's (−1), a White stone's White's (+1), whoever moves.
    #expect(summary.ownership[Point(x: 1, y: 1).i] < -0.9)
    #expect(summary.ownership[Point(x: 5, y: 1).i] > 0.9)
  }

  @Test(arguments: [Player.black, .white])
  func rolloutAnalysisReportsTheSideToMove(toMove: Player) throws {
    var request = AnalysisRequest()
    request.maxVisits = 200
    request.includeOwnership = true
    let snapshot = Self.engine().analyze(try SettledPosition.state(toMove: toMove), request: request) { _ in }
    let mine: Double = toMove == .black ? 1 : -1
    // Black leads by 6.5 points (every playout ends with the same area).
    #expect(abs(snapshot.rootInfo.scoreLead - 6.5 * mine) < 1e-9)
    #expect(abs(snapshot.rootInfo.scoreSelfplay - 6.5 * mine) < 1e-9)
    let ownership = try #require(snapshot.ownership)
    // Row-major from the top-left; +1 = the player to move owns the point.
    #expect(abs(ownership[1 * 7 + 1] - mine) < 1e-9)
    #expect(abs(ownership[1 * 7 + 5] + mine) < 1e-9)
    #expect(snapshot.rootInfo.winrate == (toMove == .black ? 1 : 0))
  }
}
