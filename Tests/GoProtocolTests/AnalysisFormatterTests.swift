import GoCore
import GoProtocol
import GoSearch
import Testing

/// Number formats and field order of the analysis lines (`docs/KATAGO.md` §3.2–3.4).
@Suite struct AnalysisFormatterTests {
  @Test func generalFormatIsCppDefault() {
    #expect(AnalysisFormatter.general(0) == "0")
    #expect(AnalysisFormatter.general(0.5) == "0.5")
    #expect(AnalysisFormatter.general(0.0952221) == "0.0952221")
    #expect(AnalysisFormatter.general(0.252704123) == "0.252704")
    #expect(AnalysisFormatter.general(5.992674) == "5.99267")
    #expect(AnalysisFormatter.general(-0.487101) == "-0.487101")
    #expect(AnalysisFormatter.general(0.000012) == "1.2e-05")
    #expect(AnalysisFormatter.general(0.0001) == "0.0001")
    #expect(AnalysisFormatter.general(123456789) == "1.23457e+08")
    #expect(AnalysisFormatter.general(44) == "44")
  }

  @Test func showpointKeepsSixSignificantDigits() {
    #expect(AnalysisFormatter.showpoint(0.22855) == "0.228550")
    #expect(AnalysisFormatter.showpoint(6.250341) == "6.25034")
    #expect(AnalysisFormatter.showpoint(126.336) == "126.336")
    #expect(AnalysisFormatter.showpoint(25) == "25.0000")
    #expect(AnalysisFormatter.showpoint(0) == "0.00000")
    #expect(AnalysisFormatter.showpoint(0.000012) == "1.20000e-05")
  }

  @Test func permyriadRoundsAndMayLeaveTheRange() {
    #expect(AnalysisFormatter.permyriad(0.60775) == 6078)
    #expect(AnalysisFormatter.permyriad(0.0952221) == 952)
    #expect(AnalysisFormatter.permyriad(-0.01234) == -123)
    #expect(AnalysisFormatter.permyriad(1) == 10000)
  }

  /// A 3×2 snapshot with two candidates.
  static func snapshot() -> AnalysisSnapshot {
    let a = AnalysisMoveInfo(
      move: .play(Point(x: 0, y: 1)), visits: 3, utility: 0.252704, winrate: 0.619841,
      scoreLead: 0.299874, scoreSelfplay: 0.567811, scoreStdev: 5.99267, prior: 0.0952221,
      lcb: 0.355625, utilityLcb: -0.487101, order: 0, pv: [.play(Point(x: 0, y: 1)), .pass],
      pvVisits: [3, 1], ownership: [1, 0.5, 0, 0, -0.5, -1])
    let b = AnalysisMoveInfo(
      move: .pass, visits: 0, utility: 0, winrate: 0.5, scoreLead: 0, scoreSelfplay: 0,
      scoreStdev: 0, prior: 0.000012, lcb: -0.5, utilityLcb: -1, order: 1, pv: [.pass])
    let root = AnalysisRootInfo(
      visits: 4, weight: 4, utility: 0.2, winrate: 0.6, scoreLead: 0.3, scoreSelfplay: 0.4,
      scoreStdev: 5.5)
    return AnalysisSnapshot(
      width: 3, height: 2, toMove: .white, rootInfo: root, moveInfos: [a, b],
      ownership: [0.1, 0.2, 0.3, -0.1, -0.2, -0.3])
  }

  @Test func lzLineHasIntegerFieldsInOrder() {
    let line = AnalysisFormatter(dialect: .lz, options: GTPAnalysisOptions())
      .line(Self.snapshot())
    #expect(
      line == "info move A1 visits 3 winrate 6198 prior 952 lcb 3556 order 0 pv A1 pass"
        + " info move pass visits 0 winrate 5000 prior 0 lcb -5000 order 1 pv pass")
  }

  @Test func kataLineHasKataGoFieldOrderAndSections() {
    var options = GTPAnalysisOptions()
    options.rootInfo = true
    options.ownership = true
    options.pvVisits = true
    options.movesOwnership = true
    let line = AnalysisFormatter(dialect: .kata, options: options).line(Self.snapshot())
    #expect(
      line == "info move A1 visits 3 edgeVisits 3 utility 0.252704 winrate 0.619841"
        + " scoreMean 0.299874 scoreStdev 5.99267 scoreLead 0.299874 scoreSelfplay 0.567811"
        + " prior 0.0952221 lcb 0.355625 utilityLcb -0.487101 weight 3 order 0 pv A1 pass"
        + " pvVisits 3 1 movesOwnership 1 0.5 0 0 -0.5 -1"
        + " info move pass visits 0 edgeVisits 0 utility 0 winrate 0.5 scoreMean 0"
        + " scoreStdev 0 scoreLead 0 scoreSelfplay 0 prior 1.2e-05 lcb -0.5 utilityLcb -1"
        + " weight 0 order 1 pv pass pvVisits"
        + " rootInfo visits 4 utility 0.2 winrate 0.6 scoreMean 0.3 scoreStdev 5.5"
        + " scoreLead 0.3 scoreSelfplay 0.4 weight 4"
        + " ownership 0.1 0.2 0.3 -0.1 -0.2 -0.3")
  }

  @Test func kataLineWithoutExtrasEndsEachSegmentWithItsPV() throws {
    let line = AnalysisFormatter(dialect: .kata, options: GTPAnalysisOptions())
      .line(Self.snapshot())
    let parsed = try AnalysisLineParser(line, lz: false)
    #expect(parsed.candidates.map(\.pv) == [["A1", "pass"], ["pass"]])
    #expect(parsed.candidates[0].fields["scoreMean"] == parsed.candidates[0].fields["scoreLead"])
    #expect(parsed.ownership == nil)
  }

  @Test func sabakiLineUsesShowpoint() {
    let line = AnalysisFormatter(dialect: .sabaki, options: GTPAnalysisOptions())
      .line(Self.snapshot())
    #expect(line.hasPrefix(
      "info move A1 visits 3 edgeVisits 3 utility 0.252704 winrate 0.619841"
        + " scoreMean 0.299874 scoreStdev 5.99267 scoreLead 0.299874 scoreSelfplay 0.567811"
        + " prior 0.0952221 lcb 0.355625 utilityLcb -0.487101 weight 3.00000 order 0 pv A1 pass"))
    #expect(line.contains("winrate 0.500000 scoreMean 0.00000"))
  }
}
