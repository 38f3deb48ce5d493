import Foundation
import GoCore
import GoFormats
import GoProtocol
import Testing

@Suite struct GTPRecordCommandTests {
  let game9 = fixturesDirectory.appendingPathComponent("sgf/game9.sgf").path
  let broken = fixturesDirectory.appendingPathComponent("sgf/broken.sgf").path

  @Test func loadsgfReplaysTheMainLine() {
    let (c, engine, _) = makeController(size: 19)
    // GNU Go's reply: the player to move (Kigo reads it).
    #expect(c.ok("loadsgf \(game9)") == "black")
    #expect(c.game.width == 9)
    #expect(c.game.rules == Rules.japanese.withKomi(6.5))
    #expect(c.game.moves.count == 34)
    #expect(c.game.board[Point(x: 4, y: 6)] == .black)  // E3, main line
    #expect(engine.clears == 1)
  }

  @Test func loadsgfStopsBeforeTheGivenMove() {
    let (c, _, _) = makeController(size: 19)
    #expect(c.ok("loadsgf \(game9) 3") == "black")
    #expect(c.game.moves.count == 2)
    #expect(c.game.toMove == .black)
    #expect(c.ok("loadsgf \(game9) 1000") == "black")
    #expect(c.game.moves.count == 34)
  }

  @Test func loadsgfAppliesLaterSetupToTheListedPointsOnly() {
    let path = fixturesDirectory.appendingPathComponent("sgf/setup-later.sgf").path
    let (c, _, _) = makeController(size: 19)
    // B E5 W C7 B E4 W D7, then AE[ee] AW[gg][ed], then B D6: White to move.
    #expect(c.ok("loadsgf \(path)") == "white")
    #expect(c.ok("list_stones black") == "D6 E4")
    #expect(c.ok("list_stones white") == "C7 D7 E6 G3")
    // Stopping before move 5 stops before the setup node's successor, after the setup.
    #expect(c.ok("loadsgf \(path) 5") == "black")
    #expect(c.ok("list_stones black") == "E4")
  }

  @Test func unreadableOrBrokenFilesChangeNothing() {
    let (c, _, _) = makeController(size: 13)
    _ = c.ok("play b D4")
    let before = ControllerSnapshot(c)
    #expect(c.error("loadsgf /nonexistent/file.sgf") == "cannot load file")
    #expect(c.error("loadsgf \(broken)")
      == "cannot load file: line 3, column 2: illegal move B[ee] (occupied)")
    #expect(ControllerSnapshot(c) == before)
  }

  /// Reliability audit, "paths from GTP": a file that is not SGF is refused without a line
  /// number or a character from it (the path may name any file the engine can read).
  @Test func aFileThatIsNotSGFRevealsNothingOfItsContents() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("tengen-not-sgf-\(getpid()).txt").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (c, _, _) = makeController(size: 13)
    _ = c.ok("play b D4")
    let before = ControllerSnapshot(c)
    for contents in ["secret\nline two\nline three\n", "a (x) b\n", "\u{7f}ELF\u{2}\u{1}\u{1}", ""] {
      try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
      #expect(c.error("loadsgf \(path)") == "cannot load file: not an SGF file", "\(contents)")
    }
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func printsgfRecordsTheGameSoItLoadsBack() throws {
    let (c, _, _) = makeController(size: 9, rules: .chinese.withKomi(7))
    _ = c.ok("fixed_handicap 2")
    for line in ["play w E5", "play b D4", "play w pass", "play b F6"] { _ = c.ok(line) }
    let text = try #require(c.ok("printsgf"))
    #expect(text.hasPrefix("(;GM[1]FF[4]"))
    #expect(text.contains("HA[2]") && text.contains("RU[chinese]") && text.contains("KM[7]"))
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("tengen-printsgf-\(getpid()).sgf").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(c.ok("printsgf \(path)") == "")
    let (d, _, _) = makeController(size: 19)
    #expect(d.ok("loadsgf \(path)") == "white")
    #expect(d.game.board == c.game.board)
    #expect(d.game.moves.count == 4)
    #expect(d.game.rules == c.game.rules)
    #expect(d.game.handicap == 2)
  }
}
