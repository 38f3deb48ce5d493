import Foundation
import GoCore
import GoFormats

/// The SGF record of each match game.
extension MatchRunner {
  /// The comment on every opening move: the runner placed it, neither engine chose it.
  var openingComment: String {
    configuration.openings.isEmpty
      ? "random opening move (placed by the match, not chosen by an engine)"
      : "opening book move (placed by the match, not chosen by an engine)"
  }

  /// How `player` is named in SGF records: its own name and version (`MatchPlayer.displayName`)
  /// and which side of the match it is, `A` or `B`: never a command line or a local path
  /// (those stay in `results.jsonl`).
  func recordName(_ player: any MatchPlayer) -> String {
    "\(player.displayName) (\(player === a ? "A" : "B"))"
  }

  /// The SGF text of a finished game: `PB`/`PW` names (`recordName`), `RE`, `DT` (the day the
  /// game started, UTC), `GC` the reason it ended, `AP` Tengen and its version, and a `C`
  /// comment on each of the first `openingMoves` moves (`openingComment`).
  func sgfRecord(
    _ state: GameState, black: String, white: String, result: String, reason: String,
    date: Date, openingMoves: Int
  ) -> String {
    var info = SGFGameInfo()
    info.blackName = black
    info.whiteName = white
    info.result = result
    info.date = Self.sgfDate(date)
    var game = SGFGame(state: state, info: info)
    game.tree.nodes[0]["GC"] = reason
    // Node 0 is the root; move k is node k.
    for k in stride(from: 1, through: min(openingMoves, state.moves.count), by: 1) {
      game.tree.nodes[k]["C"] = openingComment
    }
    return game.text()
  }

  /// SGF's `DT` form of `date`: `YYYY-MM-DD`, in UTC.
  static func sgfDate(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let d = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", d.year ?? 0, d.month ?? 0, d.day ?? 0)
  }

  /// Writes `text` to `name` in the output folder; a failure is reported (`warn`), not
  /// swallowed: the game's result is still recorded, but its record is lost.
  func writeSGF(_ text: String, name: String) {
    let path = configuration.outputDirectory + "/" + name
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      warn("cannot write the game record \(path): \(error.localizedDescription)")
    }
  }
}
