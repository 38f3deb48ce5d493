import GoCore
import GoFormats

/// How pages receive positions: rows of text from the top (`.` empty, `X` black, `O` white)
/// and points as GTP vertices (`D4`), the same notation the analysis protocol uses.
enum BoardJSON {
  /// The board's rows from the top, one character per point.
  static func rows(_ board: Board) -> JSONValue {
    var rows: [JSONValue] = []
    for y in 0..<board.height {
      var row = ""
      for x in 0..<board.width {
        switch board[x, y] {
        case .black: row.append("X")
        case .white: row.append("O")
        default: row.append(".")
        }
      }
      rows.append(.string(row))
    }
    return .array(rows)
  }

  /// `points` as a sorted list of GTP vertices.
  static func vertices(_ points: [Point], height: Int) -> JSONValue {
    .array(points.sorted().map { .string(GTPVertex.text($0, height: height)) })
  }

  /// `black` or `white`.
  static func name(_ player: Player) -> String { player == .black ? "black" : "white" }

  /// The move as a GTP vertex or `pass`.
  static func move(_ move: Move, height: Int) -> JSONValue {
    .string(GTPVertex.text(move, height: height))
  }

  /// An `{"type":"error","message":...}` message.
  static func error(_ message: String) -> JSONValue {
    .object(["type": .string("error"), "message": .string(message)])
  }
}
