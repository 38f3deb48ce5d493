import Foundation
import GoCore
import GoFormats

extension GTPController {
  /// `loadsgf FILE [N]`: the main line of the file's first game, stopped before move N.
  ///
  /// Board size, komi and (when Tengen knows them) rules come from the file. The reply is
  /// the player to move, `black` or `white`, as GNU Go answers (Kigo reads it). A file that
  /// cannot be read or replayed changes nothing; the reply names the line and column. A file
  /// that is not SGF at all (`SGFParser.looksLikeSGF`) gets `cannot load file: not an SGF
  /// file`, with nothing about its contents (the path may name any file the engine can read:
  /// `docs/GTP.md`, "Files").
  func loadSGF(path: String, moveNumber: Int?) throws(GTPError) -> String {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular,
      let size = attributes?[.size] as? Int, size <= SGFParser.Limits().maxBytes
    else { throw GTPError("cannot load file", detail: "'\(path)' is not a readable SGF file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GTPError("cannot load file", detail: "cannot read '\(path)'")
    }
    let bytes = [UInt8](data)
    guard SGFParser.looksLikeSGF(bytes) else { throw GTPError("cannot load file: not an SGF file") }
    let loaded: GameState
    do {
      let record = try SGFGame(tree: try SGFParser().parse(bytes: bytes)[0])
      loaded = try record.replay(stoppingBefore: moveNumber, rules: record.rules(fallback: game.rules))
    } catch {
      throw GTPError("cannot load file: \(error.description)")
    }
    game = loaded
    clocks = PlayerClocks(start: timeControl)
    engine.clear()
    return game.toMove == .black ? "black" : "white"
  }

  /// `printsgf [FILE]`: the game as SGF, returned or written to FILE. FILE is any path the
  /// engine's user may write, an existing file replaced (the GTP peer is trusted with the
  /// user's files: `docs/GTP.md`, "Files").
  func printSGF(path: String?) throws(GTPError) -> String {
    let text = SGFGame(state: game).text()
    guard let path else { return text }
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw GTPError("cannot write file", detail: path)
    }
    return ""
  }
}
