import GoCore
import GoProtocol
import Testing

/// `lz-analyze`/`kata-analyze` argument syntax (`docs/KATAGO.md` §3.2, §3.3).
@Suite struct GTPAnalysisArgumentTests {
  func options(_ line: String) throws -> (GTPAnalysisCommand.Dialect, Player?, GTPAnalysisOptions) {
    guard case .analysis(.analyze(let d, let p, let o)) = try GTPCommand.parse(line) else {
      throw GTPError("not an analyze command")
    }
    return (d, p, o)
  }

  @Test func playerAndBareIntervalAreOptional() throws {
    let (d, p, o) = try options("lz-analyze")
    #expect(d == .lz && p == nil && o == GTPAnalysisOptions())
    let (_, p2, o2) = try options("lz-analyze B 50")
    #expect(p2 == .black && o2.interval == 0.5)
    let (_, p3, o3) = try options("kata-analyze 25")
    #expect(p3 == nil && o3.interval == 0.25)
    let (_, p4, o4) = try options("kata-analyze white interval 100 ownership true")
    #expect(p4 == .white && o4.interval == 1 && o4.ownership)
    let (d5, _, o5) = try options("analyze b 0")
    #expect(d5 == .sabaki && o5.interval == nil)
  }

  @Test func keysAndBooleans() throws {
    let (_, _, o) = try options(
      "kata-analyze b 10 minmoves 5 maxmoves 8 rootInfo true ownership true ownershipStdev true"
        + " movesOwnership true movesOwnershipStdev true pvVisits true pvEdgeVisits true"
        + " noResultValue true")
    #expect(o.minMoves == 5 && o.maxMoves == 8)
    #expect(o.rootInfo && o.ownership && o.ownershipStdev && o.movesOwnership)
    #expect(o.movesOwnershipStdev && o.pvVisits && o.pvEdgeVisits && o.noResultValue)
    let (_, _, off) = try options("kata-analyze ownership false")
    #expect(!off.ownership)
  }

  @Test func avoidAndAllowLists() throws {
    let (_, _, o) = try options(
      "lz-analyze b 10 avoid b D4,q16,pass 1 avoid w c3 3 avoid w E5 2")
    #expect(
      o.restrictions == [
        .init(
          player: .black, vertices: [.point(column: 3, row: 4), .point(column: 15, row: 16), .pass],
          untilDepth: 1, isAllowList: false),
        .init(
          player: .white, vertices: [.point(column: 2, row: 3)], untilDepth: 3, isAllowList: false),
        .init(
          player: .white, vertices: [.point(column: 4, row: 5)], untilDepth: 2,
          isAllowList: false),
      ])
    let (_, _, a) = try options("lz-analyze allow w C3,D4 2")
    #expect(
      a.restrictions == [
        .init(
          player: .white, vertices: [.point(column: 2, row: 3), .point(column: 3, row: 4)],
          untilDepth: 2, isAllowList: true)
      ])
  }

  @Test(arguments: [
    "lz-analyze x", "lz-analyze b -1", "lz-analyze b 10 bogus 1", "lz-analyze b interval",
    "lz-analyze b interval x", "lz-analyze minmoves -2", "lz-analyze maxmoves 1.5",
    "lz-analyze ownership true", "lz-analyze avoid b D4", "lz-analyze avoid b D4 0",
    "lz-analyze avoid x D4 1", "lz-analyze avoid b D4,,E5 1", "lz-analyze avoid b I4 1",
    "lz-analyze allow b D4 1 avoid b E5 1", "lz-analyze avoid b D4 1 allow b E5 1",
    "lz-analyze allow w D4 1 allow w E5 1", "kata-analyze ownership yes",
    "kata-analyze rootInfo", "kata-analyze b 10 pvVisits TRUE", "kata-genmove_analyze red",
    "kata-search_analyze b avoid b D4",
  ])
  func invalidArgumentsGetKataGosError(_ line: String) {
    let (c, _, _) = makeController()
    let request = GTPRequest(line: line)!
    let message = c.error(line)
    #expect(
      message == "Could not parse analyze arguments or arguments out of range: '"
        + request.arguments.joined(separator: " ") + "'")
  }

  @Test func allowAndAvoidForDifferentPlayersMayMix() throws {
    let (_, _, o) = try options("lz-analyze allow b D4 1 avoid w E5 1")
    #expect(o.restrictions.count == 2)
  }

  @Test func offBoardRestrictionsAreRejectedByTheController() {
    let (c, _, _) = makeController(size: 9)
    #expect(c.error("lz-analyze b avoid b T19 1")?.hasPrefix("Could not parse analyze") == true)
  }

  @Test func genmoveVariantsAndSearchesParse() throws {
    #expect(
      try GTPCommand.parse("kata-genmove_analyze b 10 ownership true")
        == .analysis(.genmoveAnalyze(.kata, .black, {
          var o = GTPAnalysisOptions()
          o.interval = 0.1
          o.ownership = true
          return o
        }(), .play)))
    #expect(
      try GTPCommand.parse("lz-genmove_analyze")
        == .analysis(.genmoveAnalyze(.lz, nil, GTPAnalysisOptions(), .play)))
    #expect(
      try GTPCommand.parse("genmove_analyze w")
        == .analysis(.genmoveAnalyze(.sabaki, .white, GTPAnalysisOptions(), .play)))
    #expect(
      try GTPCommand.parse("kata-search_analyze_cancellable")
        == .analysis(.genmoveAnalyze(.kata, nil, GTPAnalysisOptions(), .searchCancellable)))
    #expect(try GTPCommand.parse("kata-search") == .analysis(.search(nil, cancellable: false)))
    #expect(
      try GTPCommand.parse("kata-search_cancellable b")
        == .analysis(.search(.black, cancellable: true)))
    #expect(throws: GTPError.self) { try GTPCommand.parse("kata-search red") }
  }

  @Test func analysisNeedsAnAnalysingEngine() {
    let (c, _, _) = makeController()
    #expect(c.error("lz-analyze b 10")?.contains("cannot analyse") == true)
    #expect(c.error("kata-genmove_analyze b")?.contains("cannot analyse") == true)
    #expect(c.error("kata-list-params")?.contains("cannot analyse") == true)
    #expect(c.game.moves.isEmpty)
    // kata-search only needs a move generator.
    #expect(c.ok("kata-search b") != nil)
    #expect(c.ok("kata-search_cancellable b") != nil)
    #expect(c.game.moves.isEmpty)
  }
}
