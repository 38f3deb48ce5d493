import Foundation
import GoCore
import GoFormats
import GoMatch
import GoSearch
import TestSupport
import Testing

@Suite struct MatchStatisticsTests {
  @Test func scoreIntervalAndElo() {
    let s = MatchStatistics(wins: 30, losses: 10, draws: 0)
    #expect(s.score == 0.75)
    let ci = s.scoreInterval
    #expect(ci.low > 0.59 && ci.low < 0.61)  // Wilson: 0.598
    #expect(ci.high > 0.85 && ci.high < 0.87)  // 0.858
    #expect(abs(MatchStatistics.elo(0.75) - 190.85) < 0.1)
    #expect(MatchStatistics.elo(0.5) == 0)
    #expect(s.eloEstimate.low < s.eloEstimate.elo && s.eloEstimate.elo < s.eloEstimate.high)
  }

  @Test func sprtDecidesClearCases() {
    let strong = MatchStatistics(wins: 90, losses: 10)
    #expect(strong.sprtDecision(elo0: 0, elo1: 50) == "H1")
    let weak = MatchStatistics(wins: 20, losses: 80)
    #expect(weak.sprtDecision(elo0: 0, elo1: 50) == "H0")
    let early = MatchStatistics(wins: 3, losses: 2)
    #expect(early.sprtDecision(elo0: 0, elo1: 50) == nil)
    // A short sweep is not yet proof either way (its sample variance is 0).
    #expect(MatchStatistics(wins: 2, losses: 0).sprtDecision(elo0: 0, elo1: 35) == nil)
    #expect(MatchStatistics(wins: 0, losses: 3).sprtDecision(elo0: 0, elo1: 35) == nil)
    #expect(MatchStatistics(wins: 40, losses: 0).sprtDecision(elo0: 0, elo1: 35) == "H1")
  }
}

@Suite struct MatchRunnerTests {
  func tengenEngine(playouts: Int, seed: UInt64) -> RolloutEngine {
    var p = RolloutParameters()
    p.maxPlayouts = playouts
    p.seed = seed
    p.ownershipPlayouts = 100
    return RolloutEngine(params: p)
  }

  func tengen(_ name: String, playouts: Int, seed: UInt64) -> EngineMatchPlayer {
    EngineMatchPlayer(name: name, engine: tengenEngine(playouts: playouts, seed: seed))
  }

  @Test func playsRecordsAndResumes() throws {
    let dir = temporaryMatchDirectory("tengen-match")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var config = MatchRunner.Configuration.small(dir: dir, games: 2, openingMoves: 1)
    let runner = MatchRunner(
      configuration: config, a: tengen("A", playouts: 60, seed: 1),
      b: tengen("B", playouts: 20, seed: 2))
    var reports = 0
    try runner.run { _, _ in reports += 1 }
    #expect(reports == 2)
    #expect(runner.statistics.games == 2)
    let first = try #require(runner.records.first)
    #expect(first.black == "A" && first.white == "B")
    #expect(runner.records[1].black == "B")
    for (i, record) in runner.records.enumerated() {
      let text = try String(contentsOfFile: dir + "/" + record.sgf, encoding: .utf8)
      let game = try SGFGame(text: text)
      #expect(game.info.result == record.result, "game \(i)")
      #expect(try game.replay().moves.count == record.moves, "game \(i)")
    }
    // A new runner on the same directory with more games plays only the missing one.
    config.games = 3
    let resumed = MatchRunner(
      configuration: config, a: tengen("A", playouts: 20, seed: 3),
      b: tengen("B", playouts: 20, seed: 4))
    var more = 0
    try resumed.run { _, _ in more += 1 }
    #expect(more == 1)
    #expect(resumed.records.count == 3)
  }

  /// SGF records name the engines by their own names with A/B (the full specs stay in
  /// results.jsonl), carry the date and Tengen's version, and mark the opening moves that no
  /// engine chose.
  @Test func sgfRecordsNameEnginesDateThemAndMarkTheOpening() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tengen-match-sgf-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.games = 2
    config.openingMoves = 2
    config.outputDirectory = dir
    var p = RolloutParameters()
    p.maxPlayouts = 20
    p.ownershipPlayouts = 50
    let a = EngineMatchPlayer(
      name: "Tengen(tengen:playouts=20,model=/home/someone/net.bin.gz)",
      displayName: "Tengen 0.1.0 rollouts", engine: RolloutEngine(params: p))
    let b = tengen("/usr/games/gnugo --mode gtp", playouts: 20, seed: 2)
    let before = Date()
    let runner = MatchRunner(configuration: config, a: a, b: b)
    try runner.run { _, _ in }
    let record = try #require(runner.records.first)
    #expect(record.black == a.name)  // results.jsonl keeps the full spec
    let text = try String(contentsOfFile: dir + "/" + record.sgf, encoding: .utf8)
    let game = try SGFGame(text: text)
    #expect(game.info.blackName == "Tengen 0.1.0 rollouts (A)")
    #expect(game.info.whiteName == TengenVersion.displayName + " (B)")
    #expect(!text.contains("/home/someone") && !text.contains("/usr/games"))
    let root = game.tree.nodes[0]
    #expect(root["AP"] == "Tengen:" + TengenVersion.number)
    let day = DateFormatter()
    day.dateFormat = "yyyy-MM-dd"
    day.timeZone = TimeZone(identifier: "UTC")
    #expect(game.info.date == day.string(from: before) || game.info.date == day.string(from: Date()))
    let comments = game.tree.nodes.dropFirst().map { $0["C"] }
    #expect(comments.prefix(2).allSatisfy { $0?.hasPrefix("random opening move") == true }, "\(comments)")
    #expect(comments.dropFirst(2).allSatisfy { $0 == nil })
  }

  /// A record that cannot be written is reported, and the result is still recorded.
  @Test func anSGFThatCannotBeWrittenIsReported() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tengen-match-nosgf-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.games = 1
    config.outputDirectory = dir
    try FileManager.default.createDirectory(
      atPath: dir + "/game0000.sgf", withIntermediateDirectories: true)  // a folder in the way
    let recorder = LogRecorder()
    let runner = MatchRunner(
      configuration: config, a: tengen("A", playouts: 20, seed: 1), b: tengen("B", playouts: 20, seed: 2))
    runner.warn = recorder.sink
    try runner.run { _, _ in }
    #expect(runner.records.count == 1)
    #expect(recorder.lines.count == 1)
    #expect(recorder.lines.first?.hasPrefix("cannot write the game record \(dir)/game0000.sgf") == true, "\(recorder.lines)")
  }

  /// On resume, a torn last line of results.jsonl (a crash in mid-write) is cut off with a
  /// warning and its game replayed; a corrupt line before it stops the resume, naming it.
  @Test func resumeCutsATornLastLineAndStopsAtACorruptOne() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tengen-match-resume-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.games = 2
    config.outputDirectory = dir
    let first = MatchRunner(
      configuration: config, a: tengen("A", playouts: 20, seed: 1), b: tengen("B", playouts: 20, seed: 2))
    try first.run { _, _ in }
    let path = dir + "/results.jsonl"
    let good = try String(contentsOfFile: path, encoding: .utf8)
    let lines = good.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)

    // Torn: the second record lost its end and newline.
    try (lines[0] + "\n" + lines[1].prefix(25)).write(toFile: path, atomically: true, encoding: .utf8)
    let recorder = LogRecorder()
    let resumed = MatchRunner(
      configuration: config, a: tengen("A", playouts: 20, seed: 1), b: tengen("B", playouts: 20, seed: 2))
    resumed.warn = recorder.sink
    var played: [Int] = []
    try resumed.run { record, _ in played.append(record.game) }
    #expect(played == [1])
    #expect(recorder.lines.count == 1)
    #expect(recorder.lines.first?.contains("cut off a torn last line") == true, "\(recorder.lines)")
    let repaired = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(repaired.count == 2 && repaired[0] == lines[0])

    // Corrupt in the middle: resuming would renumber the games after it.
    try ("{\"not\": \"a record\"}\n" + lines[1] + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let stopped = MatchRunner(
      configuration: config, a: tengen("A", playouts: 20, seed: 1), b: tengen("B", playouts: 20, seed: 2))
    #expect {
      try stopped.run { _, _ in }
    } throws: { error in
      (error as? MatchError)?.description.hasPrefix(path + ":1 is not a game record") == true
    }
  }

  /// A player that cannot judge dead stones at the end is reported; the referee counts
  /// without its answer (nil in the record), never with "none dead".
  @Test func aFailedDeadStoneJudgementIsReported() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tengen-match-dead-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.games = 1
    config.outputDirectory = dir
    let broken = BrokenJudge(name: "judge", engine: tengenEngine(playouts: 20, seed: 2))
    let recorder = LogRecorder()
    let runner = MatchRunner(configuration: config, a: tengen("A", playouts: 20, seed: 1), b: broken)
    runner.warn = recorder.sink
    try runner.run { _, _ in }
    let record = try #require(runner.records.first)
    #expect(record.whiteScore == nil && record.deadStonesAgree == nil)
    // Without the judge's word the dead stones are not agreed: a cleanup settles them and the
    // judge is asked again after it.
    let failure = ["judge could not give its dead stones: cannot judge", "judge could not give its final score: cannot judge"]
    #expect(record.cleanupMoves != nil)
    #expect(recorder.lines == failure + failure)
  }

  @Test func anEngineThatDiesForfeitsAndIsRestartedForTheNextGame() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tengen-crash-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A GTP "engine" that answers everything until asked for a move, then exits.
    let script = dir + "/crasher.sh"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try """
      while read -r line; do
        case "$line" in
          genmove*) exit 3 ;;
          list_commands*) printf '= genmove\\nplay\\n\\n' ;;
          *) printf '= \\n\\n' ;;
        esac
      done
      """.write(toFile: script, atomically: true, encoding: .utf8)
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.games = 2
    config.openingMoves = 0
    config.outputDirectory = dir + "/out"
    let crasher = try GTPMatchPlayer(name: "crasher", commandLine: "/bin/sh \(script)")
    defer { crasher.close() }
    let runner = MatchRunner(
      configuration: config, a: tengen("A", playouts: 20, seed: 1), b: crasher)
    try runner.run { _, _ in }
    #expect(runner.records.count == 2)
    for r in runner.records {
      #expect(r.winner == "A")
      #expect(r.reason.contains("crasher failed"))
    }
  }

  @Test func gnuGoAnswersOverGTPWhenInstalled() throws {
    let path = "/usr/games/gnugo"
    guard FileManager.default.isExecutableFile(atPath: path) else {
      print("skipped: GNU Go is not installed (run scripts/peers.sh)")
      return
    }
    let gnugo = try GTPMatchPlayer(name: "gnugo", commandLine: "\(path) --mode gtp --level 1")
    defer { gnugo.close() }
    try gnugo.newGame(width: 9, height: 9, rules: .chinese, timeControl: .none)
    try gnugo.play(.play(Point(x: 4, y: 4)), by: .black, height: 9)
    let reply = try gnugo.generateMove(
      .white, clock: ClockState(start: .none), height: 9, cleanup: false)
    guard case .move(.play(let p)) = reply else {
      Issue.record("GNU Go did not play a move: \(reply)")
      return
    }
    #expect(p != Point(x: 4, y: 4))
    #expect(throws: (any Error).self) { try gnugo.play(.play(p), by: .black, height: 9) }
  }
}
