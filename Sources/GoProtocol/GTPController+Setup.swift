import GoCore
import GoFormats

extension GTPController {
  /// The move a vertex names on the current board, or nil if it lies off the board.
  func move(_ vertex: GTPCommand.Vertex) -> Move? {
    switch vertex {
    case .pass: return .pass
    case .point(let column, let row):
      guard column < game.width, row >= 1, row <= game.height else { return nil }
      return .play(Point(x: column, y: game.height - row))
    case .grid(let x, let y):
      guard x < game.width, y < game.height else { return nil }
      return .play(Point(x: x, y: y))
    }
  }

  /// Starts a new game on an empty board of the current size; rules and clocks restart too.
  func startNewGame(width: Int, height: Int) {
    game = GameState(width: width, height: height, rules: game.rules)
    clocks = PlayerClocks(start: timeControl)
    engine.clear()
  }

  /// `boardsize` / `rectangular_boardsize`: 2 to 25 on each side; clears the board.
  func setBoardSize(width: Int, height: Int) throws(GTPError) -> String {
    guard (2...Point.maxBoardSize).contains(width), (2...Point.maxBoardSize).contains(height)
    else { throw GTPError.unacceptableSize }
    startNewGame(width: width, height: height)
    return ""
  }

  /// `clear_board`.
  func clearBoard() -> String {
    startNewGame(width: game.width, height: game.height)
    return ""
  }

  /// `komi`: any finite value in [-400, 400].
  func setKomi(_ komi: Double) throws(GTPError) -> String {
    guard abs(komi) <= 400 else { throw GTPError("komi out of range", detail: "\(komi)") }
    game.rules.komi = komi
    return ""
  }

  /// `kgs-rules` and `kata-set-rules`: new rules, current komi kept.
  func setRules(_ rules: Rules) -> String {
    game.rules = rules.withKomi(game.rules.komi)
    return ""
  }

  /// `kata-set-rule KEY VALUE`.
  func setRule(_ key: String, _ value: String) throws(GTPError) -> String {
    var rules = game.rules
    do {
      try RulesText.set(key, to: value, in: &rules)
    } catch {
      throw GTPError(error.message)
    }
    game.rules = rules
    return ""
  }

  /// True if no stone is on the board and no move has been played.
  var boardIsEmpty: Bool {
    game.moves.isEmpty && game.board.emptyCount == game.board.area
  }

  /// `fixed_handicap N`: the spec's placement, answered as a vertex list.
  func fixedHandicap(_ n: Int) throws(GTPError) -> String {
    guard boardIsEmpty else { throw GTPError.boardNotEmpty }
    guard let points = HandicapPlacement.fixed(n, width: game.width, height: game.height) else {
      throw GTPError.invalidNumberOfStones
    }
    game.placeHandicap(points)
    return vertexList(points)
  }

  /// `place_free_handicap N`: the engine's placement (at least 2, fewer than the board).
  func placeFreeHandicap(_ n: Int) throws(GTPError) -> String {
    guard boardIsEmpty else { throw GTPError.boardNotEmpty }
    guard n >= 2, n < game.board.area else { throw GTPError.invalidNumberOfStones }
    let points = HandicapPlacement.free(n, width: game.width, height: game.height)
    game.placeHandicap(points)
    return vertexList(points)
  }

  /// `set_free_handicap V...`: at least 2 distinct on-board vertices, fewer than the board.
  func setFreeHandicap(_ list: [GTPCommand.Vertex]) throws(GTPError) -> String {
    guard boardIsEmpty else { throw GTPError.boardNotEmpty }
    var points: [Point] = []
    for v in list {
      guard let p = move(v)?.point else { throw GTPError.badVertexList }
      points.append(p)
    }
    guard points.count >= 2, points.count < game.board.area, Set(points).count == points.count
    else { throw GTPError.badVertexList }
    game.placeHandicap(points)
    return ""
  }

  /// `set_position C V ...`: replaces the board with these stones, no history, Black to move.
  func setPosition(_ stones: [GTPCommand.SetupStone]) throws(GTPError) -> String {
    var blacks: [Point] = []
    var whites: [Point] = []
    var seen: Set<Point> = []
    for s in stones {
      guard let p = move(s.vertex)?.point, seen.insert(p).inserted else {
        throw GTPError("illegal position", detail: "bad or repeated vertex")
      }
      if s.player == .black { blacks.append(p) } else { whites.append(p) }
    }
    var fresh = GameState(width: game.width, height: game.height, rules: game.rules)
    fresh.setup(black: blacks, white: whites, toMove: .black)
    guard fresh.board.stoneCount(.black) == blacks.count,
      fresh.board.stoneCount(.white) == whites.count
    else { throw GTPError("illegal position", detail: "a chain would have no liberties") }
    game = fresh
    engine.clear()
    return ""
  }

  /// Points as space-separated GTP vertices.
  func vertexList(_ points: [Point]) -> String {
    points.map { GTPVertex.text($0, height: game.height) }.joined(separator: " ")
  }
}
