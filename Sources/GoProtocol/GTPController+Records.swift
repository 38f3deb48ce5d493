import Foundation
import GoCore
import GoFormats

extension GTPController {
  /// `loadsgf FILE [N]`: the main line of the file's first game, stopped before move N.
  ///
  /// Board size, komi and (when Tengen knows them) rules come from the file. The reply is
  /// the player to move, `black` or `white`, as GNU Go answers (Kigo reads it). A file that
  /// cannot be read or replayed changes nothing; the reply names the line and column.
  func loadSGF(path: String, moveNumber: Int?) throws(GTPError) -> String {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular,
      let size = attributes?[.size] as? Int, size <= SGFParser.Limits().maxBytes
    else { throw GTPError("cannot load file", detail: "'\(path)' is not a readable SGF file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GTPError("cannot load file", detail: "cannot read '\(path)'")
    }
    let loaded: GameState
    do {
      let record = try SGFGame(tree: try SGFParser().parse(bytes: [UInt8](data))[0])
      loaded = try record.replay(stoppingBefore: moveNumber, rules: record.rules(fallback: game.rules))
    } catch {
      throw GTPError("cannot load file: \(error.description)")
    }
    game = loaded
    clocks = PlayerClocks(start: timeControl)
    engine.clear()
    return game.toMove == .black ? "black" : "white"
  }

  /// `printsgf [FILE]`: the game as SGF, returned or written to FILE.
  func printSGF(path: String?) throws(GTPError) -> String {
    let text = SGFGame(state: game).text()
    guard let path else { return text }
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw GTPError("cannot write file", detail: path)
    }
    return ""
  }
}
