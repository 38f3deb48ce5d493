import Foundation
import GoSearch
import Testing

@testable import GoAnalysis

/// Final (not during-search) results in `objects`.
func finals(_ objects: [[String: Any]]) -> [[String: Any]] {
  objects.filter { $0["isDuringSearch"] as? Bool == false && $0["noResults"] == nil }
}

@Suite(.serialized) struct ServerTests {
  let ponder = #""maxVisits":10000000,"reportDuringSearchEvery":0.02"#

  /// Waits until query `id` has printed a progress report, i.e. is running.
  func waitRunning(_ out: LineCollector, _ id: String) -> Bool {
    out.wait { $0.contains { $0["id"] as? String == id && $0["isDuringSearch"] as? Bool == true } }
  }

  @Test func higherPriorityRunsFirstAndTiesByArrival() {
    let (server, out, _) = makeServer(threads: 1)
    server.handle(query("block", ponder))
    #expect(waitRunning(out, "block"))
    server.handle(query("low", #""priority":1,"maxVisits":3"#))
    server.handle(query("high", #""priority":5,"maxVisits":3"#))
    server.handle(query("mid", #""priority":3,"maxVisits":3"#))
    server.handle(query("tie", #""priority":5,"maxVisits":3"#))
    server.handle(#"{"id":"t","action":"terminate","terminateId":"block"}"#)
    server.finish()
    #expect(
      finals(out.objects).map { $0["id"] as! String } == ["block", "high", "tie", "mid", "low"])
  }

  @Test func terminateGivesNoResultsToWaitingTurnsAndAFinalResultToRunningOnes() {
    let (server, out, _) = makeServer(threads: 1)
    server.handle(query("a", ponder))
    #expect(waitRunning(out, "a"))
    server.handle(query("b", #""analyzeTurns":[0,1,2],"maxVisits":2"#))
    server.handle(#"{"id":"t1","action":"terminate","terminateId":"b","turnNumbers":[0,2]}"#)
    server.handle(#"{"id":"t2","action":"terminate","terminateId":"a"}"#)
    server.finish()
    let lines = out.objects.filter { $0["isDuringSearch"] as? Bool != true }
    let summary = lines.map { o -> String in
      if let action = o["action"] as? String { return "\(action) \(o["id"]!)" }
      let tag = o["noResults"] != nil ? "noResults" : "final"
      return "\(o["id"]!) \(o["turnNumber"]!) \(tag)"
    }
    #expect(
      summary == [
        "terminate t1", "b 0 noResults", "b 2 noResults", "terminate t2", "a 2 final", "b 1 final",
      ])
    let a = finals(out.objects).first { $0["id"] as? String == "a" }!
    #expect(((a["rootInfo"] as! [String: Any])["visits"] as! Int) < 10_000_000)
  }

  @Test func terminateAllStopsEverything() {
    let (server, out, _) = makeServer(threads: 1)
    server.handle(query("a", ponder))
    #expect(waitRunning(out, "a"))
    server.handle(query("b", ""))
    server.handle(query("c", #""analyzeTurns":[1]"#))
    server.handle(#"{"id":"all","action":"terminate_all"}"#)
    server.finish()
    let lines = out.objects.filter { $0["isDuringSearch"] as? Bool != true }
    #expect(lines.count == 4)
    #expect(lines[0]["action"] as? String == "terminate_all")
    // After the echo, the queued turns' noResults and the running query's final result may
    // come in either order (the running search stops on its own thread).
    let rest = lines.dropFirst()
    #expect(rest.contains { $0["id"] as? String == "b" && $0["noResults"] as? Bool == true })
    #expect(rest.contains { $0["id"] as? String == "c" && $0["turnNumber"] as? Int == 1 && $0["noResults"] as? Bool == true })
    #expect(rest.contains { $0["id"] as? String == "a" && $0["noResults"] == nil })
  }

  @Test func eachTurnGivesReportsThenExactlyOneFinalResult() {
    let (server, out, _) = makeServer(threads: 2)
    server.handle(
      query("q", #""analyzeTurns":[0,1,2],"maxVisits":60,"reportDuringSearchEvery":0.01"#))
    server.finish()
    let objects = out.objects
    for turn in 0...2 {
      let mine = objects.filter { $0["turnNumber"] as? Int == turn }
      #expect(mine.filter { $0["isDuringSearch"] as! Bool == false }.count == 1)
      #expect(mine.last?["isDuringSearch"] as? Bool == false)
      #expect(mine.count >= 2)
      #expect(((mine.last!["rootInfo"] as! [String: Any])["visits"] as! Int) == 60)
    }
  }

  @Test func clearCacheWaitsForABusyEngineToFinishItsJob() {
    let (server, out, engines) = makeServer(threads: 1)
    server.handle(query("a", ponder))
    #expect(waitRunning(out, "a"))
    server.handle(#"{"id":"c","action":"clear_cache"}"#)
    #expect(engines[0].clears == 0)
    server.handle(#"{"id":"t","action":"terminate","terminateId":"a"}"#)
    server.handle(query("b", #""maxVisits":1"#))
    server.finish()
    #expect(engines[0].clears == 1)
    #expect(finals(out.objects).map { $0["id"] as! String } == ["a", "b"])
  }

  @Test func workersAnalyseQueriesSideBySide() {
    let (server, out, engines) = makeServer(threads: 2)
    server.handle(query("a", ponder))
    server.handle(query("b", ponder))
    #expect(waitRunning(out, "a") && waitRunning(out, "b"))
    server.handle(#"{"id":"all","action":"terminate_all"}"#)
    server.finish()
    #expect(Set(finals(out.objects).map { $0["id"] as! String }) == ["a", "b"])
    #expect(engines.map(\.analysed.count) == [1, 1])
  }

  @Test func actionsAndMalformedLines() {
    let (server, out, engines) = makeServer(threads: 1) {
      $0.models = [
        AnalysisModelInfo(name: "m.bin.gz", internalName: "net", version: 15, maxBatchSize: 8)
      ]
    }
    server.handle(#"{"id":"v","action":"query_version"}"#)
    server.handle(#"{"id":"m","action":"query_models"}"#)
    server.handle(#"{"id":"x","action":"dance"}"#)
    server.handle(#"{"id":"t","action":"terminate"}"#)
    server.handle("not json")
    server.handle("[1,2]")
    server.handle(#"{"id":5}"#)
    server.handle("")
    server.handle(#"{"id":"c","action":"clear_cache"}"#)
    server.handle(query("q", #""maxVisits":1"#))
    server.finish()
    let lines = out.all
    #expect(
      lines[0] == #"{"action":"query_version","git_hash":"tengen","id":"v","version":"0.1.0"}"#)
    #expect(
      lines[1]
        == #"{"action":"query_models","id":"m","models":[{"internalName":"net","maxBatchSize":8,"name":"m.bin.gz","usesHumanSLProfile":false,"usingFP16":"false","version":15}]}"#
    )
    #expect(
      lines[2]
        == #"{"error":"'action' field must be 'query_version' or 'query_models' or 'clear_cache' or 'terminate' or 'terminate_all'","field":"action","id":"x"}"#
    )
    #expect(
      lines[3] == #"{"error":"Must specify a string terminateId","field":"terminateId","id":"t"}"#)
    #expect(lines[4].hasPrefix(#"{"error":"parse error at column 1: "#))
    #expect(lines[4].hasSuffix(#" - could not parse input line as json request: not json"}"#))
    #expect(
      lines[5] == #"{"error":"Request line was valid json but was not an object, ignoring: [1,2]"}"#
    )
    #expect(lines[6] == #"{"error":"Request must have a string \"id\" field"}"#)
    #expect(lines[7] == #"{"action":"clear_cache","id":"c"}"#)
    #expect(lines.count == 9)
    #expect(engines[0].clears == 1)
  }

  @Test func queryErrorsDropTheQueryAndWarningsLetItRun() {
    let (server, out, _) = makeServer(threads: 1)
    server.handle(query("bad", #""komi":7.2"#))
    server.handle(
      query("warn", #""maxVisits":1,"colour":"blue","overrideSettings":{"nonsense":1}"#))
    server.finish()
    let lines = out.all
    #expect(
      lines[0]
        == #"{"error":"Must be a integer or half-integer from -400.0 to 400.0","field":"komi","id":"bad"}"#
    )
    #expect(
      lines[1]
        == #"{"field":"overrideSettings","id":"warn","warning":"Unknown config params: nonsense"}"#)
    #expect(
      lines[2].hasPrefix(#"{"field":"colour","id":"warn","warning":"Unexpected or unused field"#))
    #expect(finals(out.objects).map { $0["id"] as! String } == ["warn"])
  }

  @Test func engineParametersHoldForOneQueryOnly() {
    let (server, out, engines) = makeServer(threads: 1)
    server.handle(query("p", #""maxVisits":1,"overrideSettings":{"cpuctExploration":2.5}"#))
    server.handle(query("q", #""maxVisits":1"#))
    server.handle(query("r", #""maxVisits":1,"overrideSettings":{"cpuctExploration":"lots"}"#))
    server.finish()
    #expect(engines[0].analysed == ["B 2 1 2.5", "B 2 1 1.0"])
    #expect(
      out.all.last
        == #"{"error":"Could not set settings: bad value for cpuctExploration: lots","field":"overrideSettings","id":"r"}"#
    )
  }

  @Test func aWholeSessionOverPipesDrainsTheQueueAtEndOfInput() throws {
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    let session = [
      query("QUERY:1", #""maxVisits":5,"includeOwnership":true,"includePolicy":true"#),
      #"{"id":"v","action":"query_version"}"#,
      query("QUERY:2", #""analyzeTurns":[0,2],"maxVisits":5,"priority":2"#),
      query("QUERY:3", #""maxVisits":20,"reportDuringSearchEvery":0.005"#),
    ].joined(separator: "\n")
    stdin.fileHandleForWriting.write(Data((session + "\n").utf8))
    try stdin.fileHandleForWriting.close()
    let reading = OutputReader(stdout.fileHandleForReading)
    var config = AnalysisConfiguration()
    config.threads = 2
    AnalysisServer.run(
      configuration: config, makeEngine: { ScriptedEngine() }, input: stdin.fileHandleForReading,
      output: stdout.fileHandleForWriting, errors: stderr.fileHandleForWriting)
    try stdout.fileHandleForWriting.close()
    try stderr.fileHandleForWriting.close()
    let lines = reading.text().split(separator: "\n").map(String.init)
    let objects = lines.map {
      try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    #expect(objects.count == lines.count)
    let done = finals(objects).map { "\($0["id"]!) \($0["turnNumber"]!)" }
    #expect(Set(done) == ["QUERY:1 2", "QUERY:2 0", "QUERY:2 2", "QUERY:3 2"])
    #expect(done.count == 4)
    let first = finals(objects).first { $0["id"] as? String == "QUERY:1" }!
    #expect((first["ownership"] as! [Double]).count == 81)
    #expect((first["policy"] as! [Double]).count == 82)
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(errors == "Started, ready to begin handling requests\n")
  }
}

/// Reads a pipe to its end on another thread (so a full pipe never blocks the writer).
final class OutputReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)
  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }
  func text() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}
