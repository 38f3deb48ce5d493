import Foundation
import GoCore
import GoProtocol
import GoSearch
import Synchronization
import Testing

/// The analysis commands through a real `GTPServer` over pipes with the rollout engine, input
/// arriving over time as a GUI sends it, and every line read as Lizzie and Sabaki read them.
@Suite(.serialized) struct GTPAnalysisServerTests {
  /// Serves `script` ((delay before the line in seconds, line) pairs) and returns the output.
  func serve(_ script: [(Double, String)], params: RolloutParameters? = nil) -> String {
    var p = params ?? RolloutParameters()
    if params == nil {
      p.threads = 1
      p.maxPlayouts = 300
      p.ownershipPlayouts = 50
    }
    let controller = GTPController(
      engine: RolloutEngine(params: p), configuration: GTPConfiguration(width: 9, height: 9, rules: .trompTaylor))
    let stdin = Pipe()
    let stdout = Pipe()
    let writer = stdin.fileHandleForWriting
    let lines = script.map { (delay: $0.0, text: $0.1 + "\n") }
    let feeder = Thread {
      for l in lines {
        Thread.sleep(forTimeInterval: l.delay)
        writer.write(Data(l.text.utf8))
      }
      try? writer.close()
    }
    feeder.start()
    // Read while the server writes: a full pipe would block the analysis threads.
    let output = Mutex(Data())
    let done = DispatchSemaphore(value: 0)
    let reader = stdout.fileHandleForReading
    Thread {
      let data = reader.readDataToEndOfFile()
      output.withLock { $0 = data }
      done.signal()
    }.start()
    GTPServer(
      controller: controller, input: stdin.fileHandleForReading,
      output: stdout.fileHandleForWriting
    ).run()
    try? stdout.fileHandleForWriting.close()
    done.wait()
    return String(decoding: output.withLock { $0 }, as: UTF8.self)
  }

  /// The responses of a transcript: each is its lines, the blank line dropped.
  func responses(_ out: String) -> [[String]] {
    out.components(separatedBy: "\n\n").dropLast().map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
  }

  @Test func lzAnalyzeStreamsIntegerLinesUntilTheNextCommand() throws {
    let out = serve([(0, "play b E5"), (0, "7 lz-analyze w 5"), (0.6, "name"), (0, "quit")])
    let r = responses(out)
    #expect(r.count == 4)
    #expect(r[0] == ["= "])
    #expect(r[1].first == "=7")
    let lines = r[1].dropFirst()
    #expect(lines.count >= 2)
    for line in lines {
      let parsed = try AnalysisLineParser(line, lz: true)
      #expect(!parsed.candidates.isEmpty)
      #expect(parsed.candidates.allSatisfy { $0.fields["move"] != "E5" })
      #expect(parsed.candidates.map { $0.int("order")! } == Array(parsed.candidates.indices))
      for c in parsed.candidates {
        #expect((0...10000).contains(c.int("winrate")!) && (0...10000).contains(c.int("prior")!))
        #expect(c.pv.first == c.fields["move"])
      }
    }
    #expect(r[2] == ["= Tengen"])
  }

  @Test func kataAnalyzeLinesCarryOwnershipAndRootInfo() throws {
    let out = serve([
      (0, "kata-analyze b 5 ownership true"), (0.6, ""),
      (0, "kata-analyze b 5 rootInfo true ownershipStdev true avoid b E5,D4 1"), (0.6, "quit"),
    ])
    let r = responses(out)
    #expect(r.count == 3)
    #expect(r[0].first == "=" && r[0].count >= 2)
    for line in r[0].dropFirst() {
      let parsed = try AnalysisLineParser(line, lz: false)
      #expect(parsed.ownership?.count == 81)
      #expect(parsed.ownership?.allSatisfy { (-1...1).contains($0) } == true)
      for c in parsed.candidates {
        #expect((0...1).contains(c.double("winrate")!))
        #expect(c.fields["scoreMean"] == c.fields["scoreLead"])
      }
    }
    #expect(r[1].count >= 2)
    for line in r[1].dropFirst() {
      let sections = line.components(separatedBy: " rootInfo ")
      #expect(sections.count == 2)
      #expect(sections[1].hasPrefix("visits "))
      #expect(sections[1].contains(" ownershipStdev "))
      let parsed = try AnalysisLineParser(sections[0], lz: false)
      #expect(parsed.candidates.allSatisfy { !["E5", "D4"].contains($0.fields["move"]!) })
    }
    #expect(r[2] == ["= "])
  }

  @Test func sabakiAnalyzeKeepsDecimalPointsAndEndsSegmentsWithThePV() throws {
    let out = serve([
      (0, "kata-set-param maxPlayouts 150"), (0, "analyze B 5"), (0.6, "genmove_analyze W 5"),
      (0, "quit"),
    ])
    let r = responses(out)
    #expect(r.count == 4)
    #expect(r[1].count >= 2)
    for line in r[1].dropFirst() + r[2].dropFirst().dropLast() {
      let parsed = try AnalysisLineParser(line, lz: false)
      for c in parsed.candidates {
        for key in ["utility", "winrate", "scoreLead", "prior", "lcb", "weight"] {
          #expect(c.fields[key]?.contains(".") == true, "\(key) \(c.fields[key] ?? "-")")
        }
      }
    }
    #expect(r[2].last?.hasPrefix("play ") == true)
  }

  @Test func genmoveAnalyzeEndsWithPlayAndPlaysTheMove() throws {
    let out = serve([
      (0, "kata-set-param maxPlayouts 150"), (0, "3 kata-genmove_analyze b 1"),
      (0, "lz-genmove_analyze w 1 avoid w E5,D5,F5 1"), (0, "showboard"), (0, "quit"),
    ])
    let r = responses(out)
    #expect(r.count == 5)
    #expect(r[1].first == "=3")
    #expect(r[1].last?.hasPrefix("play ") == true)
    for line in r[1].dropFirst().dropLast() { _ = try AnalysisLineParser(line, lz: false) }
    for line in r[2].dropFirst().dropLast() { _ = try AnalysisLineParser(line, lz: true) }
    let black = String(r[1].last!.dropFirst(5))
    let white = String(r[2].last!.dropFirst(5))
    #expect(AnalysisLineParser.isVertex(black) && AnalysisLineParser.isVertex(white))
    #expect(!["E5", "D5", "F5"].contains(white))
    #expect(r[3].joined(separator: "\n").contains("Moves: 2"))
  }

  @Test func cancellableSearchesStopAtInput() {
    var p = RolloutParameters()
    p.threads = 1
    p.maxTime = 60
    p.defaultMoveTime = 60
    let out = serve(
      [
        (0, "kata-search_analyze_cancellable b 10"), (0.4, "name"),
        (0, "4 kata-search_cancellable"), (0.4, "showboard"), (0, "quit"),
      ], params: p)
    let r = responses(out)
    #expect(r.count == 5)
    #expect(r[0].first == "=")
    #expect(r[0].last == "play cancelled")
    #expect(r[1] == ["= Tengen"])
    #expect(r[2] == ["=4 cancelled"])
    #expect(r[3].joined(separator: "\n").contains("Moves: 0"))
  }

  @Test func cancellableSearchesAnswerWhenTheyFinishFirst() {
    let out = serve([
      (0, "kata-set-param maxPlayouts 60"), (0, "kata-search_cancellable b"),
      (3, "kata-search_analyze_cancellable w"), (3, "quit"),
    ])
    let r = responses(out)
    #expect(r.count == 4)
    #expect(r[1].count == 1 && r[1][0].hasPrefix("= ") && r[1][0] != "= cancelled")
    #expect(r[2].first == "=" && r[2].last?.hasPrefix("play ") == true)
    #expect(r[2].last != "play cancelled")
  }
}
