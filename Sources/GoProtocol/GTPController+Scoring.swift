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
  /// - Throws: `GTPError` when the engine cannot judge them (its evaluator failed), so that
  ///   `final_score` and friends answer with the reason instead of counting every stone alive.
  func deadStones() throws(GTPError) -> Set<Point> {
    let key = DeadStoneKey(
      hash: game.board.hash, width: game.width, height: game.height, toMove: game.toMove,
      moves: game.moves.count)
    if let cached = deadStoneCache, cached.key == key { return cached.dead }
    let dead: Set<Point>
    do {
      dead = try engine.deadStones(in: game)
    } catch {
      throw GTPError("cannot judge dead stones: \(error)")
    }
    deadStoneCache = (key, dead)
    return dead
  }

  /// `final_score`: the result with the engine's dead stones removed (`B+3.5`, `W+1`, `0`).
  func finalScore() throws(GTPError) -> String {
    let dead = try deadStones()
    return game.score(dead: dead).resultString
  }

  /// `final_status_list CLASS`: stones one chain per line (`alive`, `dead`, `seki`); empty
  /// points all on one line (`black_territory`, `white_territory`, `dame`), as GNU Go does.
  func finalStatusList(_ status: GTPCommand.StoneStatus) throws(GTPError) -> String {
    let statuses = try finalStatuses()
    let board = game.board
    guard status.isStoneClass else {
      return vertexList(board.points.filter { statuses[$0.i] == status })
    }
    var lines: [String] = []
    var seen: Set<Point> = []
    for p in board.points where board[p] != .empty && !seen.contains(p) {
      let chain = board.chainStones(p).sorted()
      seen.formUnion(chain)
      if statuses[p.i] == status { lines.append(vertexList(chain)) }
    }
    return lines.joined(separator: "\n")
  }

  /// `final_status VERTEX` (GNU Go): the class of one point, as `final_status_list` has it.
  func finalStatus(_ vertex: GTPCommand.Vertex) throws(GTPError) -> String {
    guard let p = move(vertex)?.point else {
      throw GTPError("invalid coordinate", detail: "final_status needs a point on the board")
    }
    return try finalStatuses()[p.i].rawValue
  }

  /// Every point's final class, indexed by `Point.i`.
  ///
  /// Dead stones are the engine's judgement. Seki stones are living chains with a neutral
  /// liberty they share with a living opposing stone (nobody owns it once the dead stones
  /// are gone), as at the end of a game; every other stone is alive. Empty points (and only they) are territory of
  /// the player who owns them by area once the dead stones are gone, or dame.
  func finalStatuses() throws(GTPError) -> [GTPCommand.StoneStatus] {
    let dead = try deadStones()
    let owner = game.board.areaOwnership(dead: dead)
    let board = game.board
    var result = [GTPCommand.StoneStatus](repeating: .dame, count: Point.capacity)
    var seen: Set<Point> = []
    for p in board.points {
      switch board[p] {
      case .empty:
        result[p.i] = owner[p.i] == .black ? .blackTerritory
          : (owner[p.i] == .white ? .whiteTerritory : .dame)
      case .black, .white:
        guard !seen.contains(p) else { continue }
        let chain = board.chainStones(p)
        seen.formUnion(chain)
        let isDead = chain.contains { dead.contains($0) }
        let opponent = board[p] == .black ? Stone.white : .black
        // A liberty nobody owns that a living opposing stone touches too.
        func isSharedNeutral(_ r: Point) -> Bool {
          guard board[r] == .empty, owner[r.i] == .empty else { return false }
          let m = r.neighbors
          return [m.0, m.1, m.2, m.3].contains { board[$0] == opponent && !dead.contains($0) }
        }
        let inSeki = !isDead && chain.contains { q in
          let n = q.neighbors
          return [n.0, n.1, n.2, n.3].contains(where: isSharedNeutral)
        }
        let s: GTPCommand.StoneStatus = isDead ? .dead : (inSeki ? .seki : .alive)
        for q in chain { result[q.i] = s }
      default:
        continue
      }
    }
    return result
  }

  /// `estimate_score` (GNU Go's format): `W+3.5 (upper bound: 3.5, lower: 3.5)`.
  ///
  /// The score is `final_score`'s (the engine's dead stones removed, counted under the
  /// rules); the bounds, White's lead as in GNU Go, are that same number, since Tengen
  /// computes no interval. A draw is `W+0.0`, as in GNU Go.
  func estimateScore() throws(GTPError) -> String {
    let lead = -game.score(dead: try deadStones()).margin
    let white = lead == 0 ? 0 : lead  // no "-0.0"
    let bound = GTPController.oneDecimal(white)
    let head = white >= 0 ? "W+" + bound : "B+" + GTPController.oneDecimal(-white)
    return head + " (upper bound: \(bound), lower: \(bound))"
  }

  /// `x` with one decimal, as C's `%.1f` writes it.
  static func oneDecimal(_ x: Double) -> String {
    let tenths = (abs(x) * 10).rounded(.toNearestOrEven)
    guard tenths < 1e15 else { return String(x) }
    let t = Int(tenths)
    return (x < 0 ? "-" : "") + "\(t / 10).\(t % 10)"
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
