import GoCore
import GoFormats
import GoProtocol

extension PlaySession {
  /// The `state` message: the position, whose turn, captures, the last move and the ko point,
  /// and at the end the result with dead stones and territory as the scorer saw them.
  func state(thinking: Bool = false) -> JSONValue {
    let game = controller.game
    let h = game.height
    var fields: [String: JSONValue] = [
      "type": .string("state"),
      "size": .int(game.width),
      "board": BoardJSON.rows(game.board),
      "toMove": .string(BoardJSON.name(game.toMove)),
      "human": .string(BoardJSON.name(settings.human)),
      "moveNumber": .int(game.moves.count),
      "captures": .object([
        "black": .int(game.board.capturedByBlack), "white": .int(game.board.capturedByWhite),
      ]),
      "komi": .float(game.rules.komi),
      "handicap": .int(game.handicap),
      "thinking": .bool(thinking),
      "over": .bool(result != nil),
      "lastMove": game.moves.last.map { BoardJSON.move($0.move, height: h) } ?? .null,
      "lastPlayer": game.moves.last.map { .string(BoardJSON.name($0.player)) } ?? .null,
      "ko": game.board.koPoint.isNone ? .null : .string(GTPVertex.text(game.board.koPoint, height: h)),
      "result": result.map { .string($0) } ?? .null,
      "note": note.map { .string($0) } ?? .null,
    ]
    if result != nil && game.isOver {
      fields["dead"] = .array(listed(.dead))
      fields["territory"] = .object([
        "black": .array(listed(.blackTerritory)), "white": .array(listed(.whiteTerritory)),
      ])
    }
    return .object(fields)
  }

  /// The vertices `final_status_list` gives for `status` (the scorer's own judgement).
  private func listed(_ status: GTPCommand.StoneStatus) -> [JSONValue] {
    guard case .success(let text) = controller.execute(.finalStatusList(status)) else { return [] }
    return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { .string(String($0)) }
  }
}
