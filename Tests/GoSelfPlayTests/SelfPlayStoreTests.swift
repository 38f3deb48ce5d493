import Foundation
import GoFormats
import GoSearch
@testable import GoSelfPlay
import Testing

@Suite(.serialized) struct SelfPlayStoreTests {
  static func folder() -> String {
    let dir = NSTemporaryDirectory() + "tengen-selfplay-\(UInt32.random(in: 0...UInt32.max))"
    return dir
  }

  static func run(_ dir: String, games: Int, parallel: Int, header: JSONValue = .object([:])) throws -> (SelfPlayStore, SelfPlayRunner.Report) {
    let s = SelfPlayGameTests.settings { $0.gamesPerFile = 2 }
    let store = try SelfPlayStore(directory: dir, header: header)
    var options = SelfPlayRunner.Options()
    options.games = games
    options.parallelGames = parallel
    options.seed = 11
    let runner = SelfPlayRunner(player: SelfPlayGameTests.player(s), store: store, options: options)
    runner.log = { _ in }
    return (store, try runner.run())
  }

  static func summaries(_ store: SelfPlayStore) -> [SelfPlayGameSummary] {
    store.games.map { var g = $0; g.seconds = 0; return g }.sorted { $0.index < $1.index }
  }

  @Test func aKilledRunResumesToTheSameGames() throws {
    let whole = Self.folder()
    let cut = Self.folder()
    defer {
      try? FileManager.default.removeItem(atPath: whole)
      try? FileManager.default.removeItem(atPath: cut)
    }
    let (reference, report) = try Self.run(whole, games: 7, parallel: 3)
    #expect(report.games == 7 && reference.fileCount == 4 && reference.done == Set(0..<7))
    #expect(report.rows == reference.rowCount && report.rows > 0)

    // A run that stopped after 3 games, then was killed while committing its next group:
    // rows without an index, a temporary file, an SGF of an uncommitted game.
    _ = try Self.run(cut, games: 3, parallel: 2)
    let rows = URL(fileURLWithPath: cut).appendingPathComponent("rows")
    try Data("torn".utf8).write(to: rows.appendingPathComponent("rows_00002.npz"))
    try Data("torn".utf8).write(to: rows.appendingPathComponent(".rows_00002.json.tmp-1"))
    let stray = URL(fileURLWithPath: cut).appendingPathComponent("sgf/game_0000005.sgf")
    try Data("(;)".utf8).write(to: stray)
    do {
      let reopened = try SelfPlayStore(directory: cut, header: .object([:]))
      #expect(reopened.done == Set(0..<3) && reopened.fileCount == 2)
    }
    #expect(!FileManager.default.fileExists(atPath: rows.appendingPathComponent("rows_00002.npz").path))
    #expect(!FileManager.default.fileExists(atPath: stray.path))

    let (resumed, more) = try Self.run(cut, games: 7, parallel: 2)
    #expect(more.games == 4)
    #expect(Self.summaries(resumed) == Self.summaries(reference))
    #expect(resumed.rowCount == reference.rowCount)
    let sgfs = try FileManager.default.contentsOfDirectory(atPath: cut + "/sgf").filter { $0.hasSuffix(".sgf") }
    #expect(sgfs.count == 7)
    let text = try String(contentsOfFile: cut + "/sgf/game_0000004.sgf", encoding: .utf8)
    #expect(text.contains("visits") && text.contains("RE["))
  }

  @Test func aFolderOfAnotherRunIsRefused() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try SelfPlayStore(directory: dir, header: .object(["seed": .int(1)]))
    #expect(throws: SelfPlayError.self) { try SelfPlayStore(directory: dir, header: .object(["seed": .int(2)])) }
  }

  /// The header is compared as a JSON value: a folder written with another layout of the same
  /// header (Foundation's `"key" : value`, as before the one JSON layer) goes on.
  @Test func aHeaderInAnotherLayoutIsTheSameRun() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let header = JSONValue.object(["seed": .string("7"), "settings": .object(["komi": .string("7.5")])])
    _ = try SelfPlayStore(directory: dir, header: header)
    #expect(try String(contentsOfFile: dir + "/selfplay.json", encoding: .utf8) == header.prettyText + "\n")
    try Data("{\n  \"seed\" : \"7\",\n  \"settings\" : {\n    \"komi\" : \"7.5\"\n  }\n}".utf8)
      .write(to: URL(fileURLWithPath: dir + "/selfplay.json"))
    _ = try SelfPlayStore(directory: dir, header: header)
    try Data("{not json".utf8).write(to: URL(fileURLWithPath: dir + "/selfplay.json"))
    #expect(throws: SelfPlayError.self) { try SelfPlayStore(directory: dir, header: header) }
  }

  @Test func aSecondWriterWaitsForTheFirst() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var first: SelfPlayStore? = try SelfPlayStore(directory: dir, header: .object([:]))
    let opened = DispatchSemaphore(value: 0)
    Thread {
      _ = try? SelfPlayStore(directory: dir, header: .object([:]))
      opened.signal()
    }.start()
    #expect(opened.wait(timeout: .now() + 0.5) == .timedOut)
    #expect(first != nil)
    first = nil
    #expect(opened.wait(timeout: .now() + 10) == .success)
  }

  @Test func aCorruptIndexIsReportedNotIgnored() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try Self.run(dir, games: 2, parallel: 1)
    try Data("{not json".utf8).write(to: URL(fileURLWithPath: dir + "/rows/rows_00000.json"))
    #expect(throws: SelfPlayError.self) { try SelfPlayStore(directory: dir, header: .object([:])) }
  }

  @Test func aRecordNameAndItsGameNumberRoundTrip() {
    for index in [0, 7, 123, 9_999_999] {
      #expect(SelfPlayStore.gameIndex(sgfName: SelfPlayStore.sgfName(index)) == index)
    }
    #expect(SelfPlayStore.gameIndex(sgfName: "game_0000042.sgf.tmp-99") == 42)
    for other in ["game_.sgf", "games_0000001.sgf", "game_12.txt", "rows_00001.npz", "game_3x.sgf"] {
      #expect(SelfPlayStore.gameIndex(sgfName: other) == nil, "\(other)")
    }
  }
}
