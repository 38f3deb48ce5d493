import Foundation
import GoCore
import GoFormats
import Testing

/// Records under `Tests/Fixtures/sgf` as other programs write them (CRLF, game-info extras,
/// markup, variations).
@Suite struct SGFFixtureTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/sgf")

  func load(_ name: String) throws -> String {
    try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
  }

  @Test func readsAClubGameWithCRLFMarkupAndVariations() throws {
    let text = try load("league19.sgf")
    let game = try SGFGame(text: text)
    #expect(game.info.width == 19 && game.info.komi == 6.5)
    #expect(game.info.blackName == "Kato" && game.info.whiteRank == "5d")
    #expect(game.info.date == "2023-11-04,05" && game.info.result == "W+3.5")
    #expect(game.tree.root?["GN"] == "Club league round 3")
    #expect(game.tree.root?["C"] == "A game with comments, escapes ] and a soft\r\nline break."
      .replacingOccurrences(of: "soft\r\n", with: "soft"))
    #expect(game.tree.variations.count == 2)
    let state = try game.replay()
    #expect(state.moves.count == 35)
    #expect(state.moves.last?.move == .pass)
    #expect(state.board[Point(x: 15, y: 3)] == .black)
    #expect(state.rules == Rules.japanese.withKomi(6.5))
    #expect(try game.replay(stoppingBefore: 26).moves.count == 25)
    let again = try SGFParser().parse(SGFWriter().write(game.tree))
    #expect(again == [game.tree])
  }

  @Test func everyFixtureParsesAndReplays() throws {
    for name in ["league19.sgf", "game9.sgf"] {
      let game = try SGFGame(text: try load(name))
      #expect(try game.replay().board.invariantViolation() == nil)
    }
  }

  @Test func theBrokenFixtureNamesItsLineAndColumn() {
    #expect {
      _ = try SGFGame(text: try load("broken.sgf")).replay()
    } throws: { error in
      (error as? SGFError).map { $0.line == 3 && $0.column == 2 } ?? false
    }
  }
}
