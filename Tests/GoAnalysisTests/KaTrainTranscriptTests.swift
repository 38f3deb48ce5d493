import Foundation
import GoAnalysis
import GoSearch
import Testing

/// Replays the JSON queries KaTrain 1.20.0 (PyPI `katrain`) sent to `tengen analysis` in a real
/// session under Xvfb (`Tests/Fixtures/analysis/katrain.jsonl`: a fast 25-visit query of the
/// empty board, then one 500-visit query per move as the game went on; docs/GTP.md, GUIs
/// tried) through the server with the rollout engine, and checks every field KaTrain reads
/// (`katrain/core/engine.py` and `game_node.py`).
@Suite struct KaTrainTranscriptTests {
  static let queries: [String] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/analysis/katrain.jsonl")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }()

  /// The server's output lines for the recorded session, parsed (two analysis threads, one
  /// single-threaded rollout engine each, as `tengen analysis` without `--model`).
  static func replay() throws -> [[String: Any]] {
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    stdin.fileHandleForWriting.write(Data((queries.joined(separator: "\n") + "\n").utf8))
    try stdin.fileHandleForWriting.close()
    let reading = OutputReader(stdout.fileHandleForReading)
    var config = AnalysisConfiguration()
    config.threads = 2
    var params = RolloutParameters()
    params.threads = 1
    params.seed = 1
    AnalysisServer.run(
      configuration: config, makeEngine: { RolloutEngine(params: params) },
      input: stdin.fileHandleForReading, output: stdout.fileHandleForWriting,
      errors: stderr.fileHandleForWriting)
    try stdout.fileHandleForWriting.close()
    try stderr.fileHandleForWriting.close()
    return reading.text().split(separator: "\n").map {
      try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
  }

  @Test func theRecordedSessionIsKaTrains() throws {
    #expect(Self.queries.count == 6)
    for (i, line) in Self.queries.enumerated() {
      let q = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      #expect(q["id"] as? String == "QUERY:\(i + 1)")
      #expect((q["moves"] as? [[String]])?.count == i)
      #expect(q["includeMovesOwnership"] as? Bool == true)
      let settings = q["overrideSettings"] as? [String: Any]
      #expect(settings?["reportAnalysisWinratesAs"] as? String == "BLACK")
    }
  }

  @Test func everyQueryGetsOneFinalResultWithWhatKaTrainReads() throws {
    let objects = try Self.replay()
    #expect(!objects.contains { $0["error"] != nil || $0["warning"] != nil })
    let finals = objects.filter { $0["isDuringSearch"] as? Bool == false }
    #expect(finals.count == 6)
    for i in 0..<6 {
      let id = "QUERY:\(i + 1)"
      let mine = finals.filter { $0["id"] as? String == id }
      #expect(mine.count == 1, "\(id): one final result")
      guard let result = mine.first else { continue }
      #expect(result["turnNumber"] as? Int == i)
      // rootInfo: the position's value (KaTrain's score, win rate and points lost).
      let root = result["rootInfo"] as? [String: Any] ?? [:]
      #expect(root["currentPlayer"] as? String == (i % 2 == 0 ? "B" : "W"), "\(id)")
      for key in ["visits", "winrate", "scoreLead"] {
        #expect(root[key] is NSNumber, "\(id): rootInfo.\(key)")
      }
      // The board-wide arrays KaTrain draws (territory, policy).
      #expect((result["ownership"] as? [Double])?.count == 81, "\(id): ownership")
      #expect((result["policy"] as? [Double])?.count == 82, "\(id): policy")
      // moveInfos: the candidate moves, in order, with their PVs.
      let infos = result["moveInfos"] as? [[String: Any]] ?? []
      #expect(!infos.isEmpty, "\(id): moveInfos")
      #expect(infos.compactMap { $0["order"] as? Int } == Array(0..<infos.count), "\(id): order")
      for info in infos {
        for key in ["visits", "winrate", "scoreLead", "scoreStdev", "prior"] {
          #expect(info[key] is NSNumber, "\(id): moveInfos[].\(key)")
        }
        let move = info["move"] as? String
        let pv = info["pv"] as? [String] ?? []
        #expect(move != nil && pv.first == move, "\(id): pv starts with the move")
        #expect((info["ownership"] as? [Double])?.count == 81, "\(id): includeMovesOwnership")
      }
    }
  }
}
