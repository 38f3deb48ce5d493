import GoCore
import GoFormats

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
}
