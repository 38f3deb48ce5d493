import Foundation
import GoCore

/// Writes finished games as SGF for match records.
enum SGFExport {
  /// A minimal FF[4] record of `state` with the given root properties.
  static func write(_ state: GameState, _ props: [String: String]) -> String {
    func coord(_ p: Point) -> String {
      let letters = Array("abcdefghijklmnopqrstuvwxy")
      return String(letters[p.x]) + String(letters[p.y])
    }
    var out = "(;GM[1]FF[4]CA[UTF-8]AP[Tengen]SZ[\(state.width)]"
    out += "RU[\(state.rules.scoring == .territory ? "Japanese" : "Chinese")]"
    for key in props.keys.sorted() {
      let v = props[key]!.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "]", with: "\\]")
      out += "\(key)[\(v)]"
    }
    for (player, move) in state.moves {
      out += ";\(player == .black ? "B" : "W")[\(move.point.map(coord) ?? "")]"
    }
    return out + ")\n"
  }
}
