import Foundation
import GoCore
import GoFormats

/// The game's SGF record: the moves, the result, and on every searched move the search's win
/// rate for the mover, its visits and whether it was a full search (a training row).
extension FinishedSelfPlayGame {
  /// The record as SGF text; `generator` names the program and network in `GC`.
  public func sgfText(generator: String) -> String {
    var info = SGFGameInfo()
    info.blackName = "Tengen self-play"
    info.whiteName = "Tengen self-play"
    info.result = resultText
    var game = SGFGame(state: state, info: info)
    var summary = "\(generator); game \(index); opening moves \(openingMoves)"
    if let r = wouldHaveResigned {
      summary += "; played out, \(r == .black ? "Black" : "White") would have resigned"
    }
    if !game.tree.nodes.isEmpty { game.tree.nodes[0]["GC"] = summary }
    for (k, t) in turns.enumerated() {
      let node = 1 + openingMoves + k
      guard node < game.tree.nodes.count else { break }
      let kind = t.full ? "full" : "cheap"
      let lead = (t.player == .white ? 1 : -1) * t.whiteScore
      game.tree.nodes[node]["C"] =
        String(format: "winrate %.3f score %+.1f visits %d (%@)", t.moverWinrate, lead, t.visits, kind)
    }
    // A distillation game carries its teacher's labels (FinishedSelfPlayGame+Labels).
    for (k, t) in turns.enumerated() where 1 + openingMoves + k < game.tree.nodes.count {
      if let e = t.teacher { game.tree.nodes[1 + openingMoves + k]["TL"] = Self.label(t, e, height: state.height) }
    }
    if turns.contains(where: { $0.teacher != nil }), let own = finalOwnership, !game.tree.nodes.isEmpty {
      game.tree.nodes[0]["TO"] = Self.ownershipText(own, board: state.board)
    }
    for k in 0..<openingMoves where 1 + k < game.tree.nodes.count {
      game.tree.nodes[1 + k]["C"] = "opening: raw policy"
    }
    return game.text()
  }
}
