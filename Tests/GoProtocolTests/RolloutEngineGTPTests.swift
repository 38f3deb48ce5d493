import GoCore
import GoProtocol
import GoSearch
import Testing

/// The real rollout engine behind the GTP controller: a short self-play game through the
/// protocol, with every reply well formed and every move legal.
@Suite struct RolloutEngineGTPTests {
  @Test func playsAShortGameThroughGTP() {
    var params = RolloutParameters()
    params.threads = 1
    params.maxPlayouts = 100
    params.ownershipPlayouts = 50
    let engine = RolloutEngine(params: params)
    let c = GTPController(
      engine: engine, configuration: GTPConfiguration(width: 7, height: 7, rules: .trompTaylor))
    #expect(c.ok("time_settings 60 0 0") == "")
    var color = "b"
    for _ in 0..<16 {
      guard let move = c.ok("genmove \(color)") else {
        Issue.record("genmove failed")
        return
      }
      #expect(move == "pass" || move == "resign" || move.count >= 2)
      if move == "resign" { break }
      color = color == "b" ? "w" : "b"
      #expect(c.game.board.invariantViolation() == nil)
    }
    let score = c.ok("final_score") ?? ""
    #expect(score == "0" || score.hasPrefix("B+") || score.hasPrefix("W+"))
    #expect(c.ok("final_status_list dead") != nil)
    #expect(c.ok("undo") == "")
  }
}
