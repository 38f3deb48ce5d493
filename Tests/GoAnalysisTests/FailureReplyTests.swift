import Foundation
import GoSearch
import Testing

@testable import GoAnalysis

/// Reliability audit F1, F2, F5, F6: every query gets a reply — a result or an error line
/// with its id — and one bad query never stops the server from answering the next.
@Suite(.serialized) struct FailureReplyTests {
  @Test func hugeMaxTimesAreRefusedWithTheSettingsRange() {
    for t in ["1e16", "2e10", "1e300", "-1"] {
      let refused = refusal("{\"id\":\"q\",\"moves\":[],\"rules\":\"chinese\",\"boardXSize\":9,\"boardYSize\":9,\"overrideSettings\":{\"maxTime\":\(t)}}")
      #expect(
        refused == AnalysisMessage(
          field: "overrideSettings",
          "Could not set settings: maxTime must be a number from 0.0 to 1000000.0"), "\(t)")
    }
    // The largest accepted value is the engines' own limit.
    let q = try? decode("{\"id\":\"q\",\"moves\":[],\"rules\":\"chinese\",\"boardXSize\":9,\"boardYSize\":9,\"overrideSettings\":{\"maxTime\":1000000}}")
    #expect(q?.request.maxTime == SearchBudget.maxSeconds)
  }

  @Test func aRefusedQueryGetsAnErrorLineAndTheNextIsAnswered() {
    let (server, out, _) = makeServer(threads: 1)
    server.handle(query("crash", #""overrideSettings":{"maxTime":1e16}"#))
    server.handle(query("ok", #""maxVisits":3"#))
    server.finish()
    let objects = out.objects
    #expect(objects.count == 2)
    #expect(objects.first?["id"] as? String == "crash")
    #expect(objects.first?["error"] as? String == "Could not set settings: maxTime must be a number from 0.0 to 1000000.0")
    #expect(finals(objects).map { $0["id"] as? String } == ["ok"])
  }

  @Test func anEmptyAnalyzeTurnsGetsAnErrorInsteadOfNoReply() {
    #expect(
      refusal(query("noreply", #""maxVisits":2,"analyzeTurns":[]"#))
        == AnalysisMessage(field: "analyzeTurns", "Must specify at least one turn number"))
    let (server, out, _) = makeServer(threads: 1)
    server.handle(query("noreply", #""maxVisits":2,"analyzeTurns":[]"#))
    server.finish()
    #expect(out.all == [#"{"error":"Must specify at least one turn number","field":"analyzeTurns","id":"noreply"}"#])
  }

  @Test func aFailedSearchAnswersEachTurnWithAnErrorLine() {
    let (server, out, engines) = makeServer(threads: 1)
    engines[0].failure = "cannot start a search thread: Resource temporarily unavailable"
    server.handle(query("threads", #""maxVisits":5,"analyzeTurns":[0,2]"#))
    server.finish()
    #expect(
      out.all == [
        #"{"error":"Search failed: cannot start a search thread: Resource temporarily unavailable","id":"threads","turnNumber":0}"#,
        #"{"error":"Search failed: cannot start a search thread: Resource temporarily unavailable","id":"threads","turnNumber":2}"#,
      ])
  }
}
