import GoCore
import GoFormats

/// Identifies a position for the dead-stone cache: stones, size, player and history length.
struct DeadStoneKey: Equatable {
  var hash: UInt64
  var width: Int
  var height: Int
  var toMove: Player
  var moves: Int
}

extension GTPController {
  /// The engine's dead stones for the current position (cached per position).
  func deadStones() -> Set<Point> {
    let key = DeadStoneKey(
      hash: game.board.hash, width: game.width, height: game.height, toMove: game.toMove,
      moves: game.moves.count)
    if let cached = deadStoneCache, cached.key == key { return cached.dead }
    let dead = engine.deadStones(in: game)
    deadStoneCache = (key, dead)
    return dead
  }

  /// `final_score`: the result with the engine's dead stones removed (`B+3.5`, `W+1`, `0`).
  func finalScore() -> String {
    let dead = deadStones()
    return game.score(dead: dead).resultString
  }

  /// `final_status_list alive|dead|seki`: one chain per line.
  ///
  /// Dead stones are the engine's judgement. Seki stones are living chains that touch a
  /// neutral point (a liberty shared with the opponent that nobody owns once the dead stones
  /// are gone); every other stone is alive.
  func finalStatusList(_ status: GTPCommand.StoneStatus) -> String {
    let dead = deadStones()
    let owner = game.board.areaOwnership(dead: dead)
    var lines: [String] = []
    var seen: Set<Point> = []
    let board = game.board
    for p in board.points where board[p] != .empty && !seen.contains(p) {
      let chain = board.chainStones(p).sorted()
      seen.formUnion(chain)
      let isDead = chain.contains { dead.contains($0) }
      let inSeki = !isDead && chain.contains { q in
        let n = q.neighbors
        return [n.0, n.1, n.2, n.3].contains { board[$0] == .empty && owner[$0.i] == .empty }
      }
      let s: GTPCommand.StoneStatus = isDead ? .dead : (inSeki ? .seki : .alive)
      if s == status { lines.append(vertexList(chain)) }
    }
    return lines.joined(separator: "\n")
  }

  /// `showboard`: the board with coordinates, then who is to move, captures and komi.
  func showboard() -> String {
    let b = game.board
    let next = game.toMove == .black ? "Black" : "White"
    return "\n" + b.labeledDiagram + "\n"
      + "Next: \(next)  Moves: \(game.moves.count)  Captured by B: \(b.capturedByBlack)"
      + "  Captured by W: \(b.capturedByWhite)  Komi: \(RulesText.formatKomi(game.rules.komi))"
  }
}
