import Foundation
import GoCore
import GoFormats
import GoSearch
import Synchronization

/// GNU Go 3.8's extensions that GUIs written against GNU Go depend on (Kigo draws its board
/// from `list_stones`), with GNU Go's reply formats. `final_status`, `estimate_score` and the
/// territory classes of `final_status_list` live with the scoring commands.
extension GTPController {
  /// `list_stones COLOR`: that colour's stones, rows from the top, each left to right.
  func listStones(_ player: Player) -> String {
    let board = game.board
    let stone = Stone(player)
    return vertexList(board.points.filter { board[$0] == stone })
  }

  /// `move_history`: one `color VERTEX` line per move, the latest first; a pass is `PASS`.
  func moveHistory() -> String {
    game.moves.reversed().map { entry in
      let color = entry.player == .black ? "black" : "white"
      let vertex = entry.move == .pass ? "PASS" : GTPVertex.text(entry.move, height: game.height)
      return color + " " + vertex
    }.joined(separator: "\n")
  }

  /// `all_legal COLOR`: every point where COLOR may play now, in `list_stones` order (no pass).
  func allLegal(_ player: Player) -> String {
    vertexList(game.board.points.filter { game.illegality(.play($0), by: player) == nil })
  }

  /// `top_moves_black`, `top_moves_white`, `top_moves` (the player to move): the search
  /// `genmove` would make for that player (nothing is played), as GNU Go lists it: up to 10
  /// `VERTEX VALUE` pairs, best first, no pass. GNU Go's values are points; Tengen's are the
  /// player's win rate after the move in percent (Kigo writes them on its hint stones). A
  /// move chosen without a search (a pass that ends a won game) lists nothing.
  func topMoves(_ player: Player) throws(GTPError) -> String {
    let engine = try analyzingEngine()
    let final = LatestSnapshot()
    _ = try genmove(player, .report) { view, request in
      engine.generateMove(for: view, request: request, analysis: AnalysisRequest()) {
        final.set($0)
      }
    }
    guard let snapshot = final.value else { return "" }
    let best = snapshot.moveInfos.filter { $0.visits > 0 && $0.move != .pass }
      .sorted { $0.order < $1.order }.prefix(10)
    return best.map {
      GTPVertex.text($0.move, height: game.height) + " " + String(format: "%.2f", 100 * $0.winrate)
    }.joined(separator: " ")
  }
}

/// The last snapshot an engine reported (reports may come from its search threads).
private final class LatestSnapshot: Sendable {
  private let latest = Mutex<AnalysisSnapshot?>(nil)
  func set(_ snapshot: AnalysisSnapshot) { latest.withLock { $0 = snapshot } }
  var value: AnalysisSnapshot? { latest.withLock { $0 } }
}
