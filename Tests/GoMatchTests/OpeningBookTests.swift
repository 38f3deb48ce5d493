import Foundation
import GoCore
import GoFormats
import GoMatch
import GoSearch
import Testing

@Suite struct OpeningBookTests {
  @Test func readsOpeningsSkippingCommentsAndBlankLines() throws {
    let text = "# balanced openings\n\nE5 C3 G7  # black 0.48\r\n\tD4 pass F6\n"
    let book = try OpeningBook(text: text, width: 9, height: 9, rules: .chinese)
    #expect(book.openings.count == 2)
    #expect(book.openings[0] == [.play(Point(x: 4, y: 4)), .play(Point(x: 2, y: 6)), .play(Point(x: 6, y: 2))])
    #expect(book.openings[1] == [.play(Point(x: 3, y: 5)), .pass, .play(Point(x: 5, y: 3))])
  }

  /// The error a 9x9 book `text` is rejected with, or nil when it is accepted.
  private func rejection(_ text: String) -> OpeningBook.ParseError? {
    do {
      _ = try OpeningBook(text: text, width: 9, height: 9, rules: .chinese)
      return nil
    } catch {
      return error
    }
  }

  @Test func badLinesAreNamed() {
    let unknown = rejection("E5\nE5 Z9\n")
    #expect(unknown?.line == 2)
    let occupied = rejection("E5\n\nE5 C3 E5\n")
    #expect(occupied?.line == 3)
    #expect(occupied?.description.contains("'E5' is illegal") == true)
    let offBoard = rejection("E5 K10\n")
    #expect(offBoard?.line == 1)
    #expect(offBoard?.description.contains("'K10'") == true)
    #expect(rejection("# nothing\n\n")?.line == 0)
  }

  @Test func pairsPlayTheBookInTurn() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tengen-openings-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let book = try OpeningBook(text: "C3 D4\nB2 pass D2\n", width: 5, height: 5, rules: .chinese)
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.rules = Rules.chinese.withKomi(0.5)
    config.games = 6
    config.openings = book.openings
    config.outputDirectory = dir
    func player(_ name: String, seed: UInt64) -> EngineMatchPlayer {
      var p = RolloutParameters()
      p.maxPlayouts = 20
      p.seed = seed
      p.ownershipPlayouts = 50
      return EngineMatchPlayer(name: name, engine: RolloutEngine(params: p))
    }
    let runner = MatchRunner(
      configuration: config, a: player("A", seed: 1), b: player("B", seed: 2))
    try runner.run { _, _ in }
    let starts = try runner.records.map { record in
      let text = try String(contentsOfFile: dir + "/" + record.sgf, encoding: .utf8)
      return try SGFGame(text: text).replay().moves.map(\.move)
    }
    let first = try SGFGame(
      text: String(contentsOfFile: dir + "/" + runner.records[0].sgf, encoding: .utf8))
    #expect(first.tree.nodes[1]["C"]?.hasPrefix("opening book move") == true)
    #expect(first.tree.nodes[3]["C"] == nil)
    #expect(starts.count == 6)
    // Pairs 0, 1, 2 play openings 0, 1, 0; both games of a pair the same one.
    for (game, start) in starts.enumerated() {
      let opening = book.openings[(game / 2) % 2]
      #expect(Array(start.prefix(opening.count)) == opening, "game \(game)")
    }
  }
}
