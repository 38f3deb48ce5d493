import GoCore

extension Board {
  /// The point of a GTP vertex ("D4", case-insensitive, columns skip I); nil if invalid or "pass".
  public func point(gtp vertex: String) -> Point? {
    let s = Array(vertex.uppercased())
    guard s.count >= 2, let letter = s.first, letter.isLetter, letter != "I" else { return nil }
    guard let ascii = letter.asciiValue else { return nil }
    var x = Int(ascii) - Int(Character("A").asciiValue!)
    if letter > "I" { x -= 1 }
    guard let row = Int(String(s[1...])), x >= 0, x < width, row >= 1, row <= height else { return nil }
    return Point(x: x, y: height - row)
  }

  /// The GTP vertex of a point.
  public func gtpVertex(_ p: Point) -> String {
    let letters = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")
    return "\(letters[p.x])\(height - p.y)"
  }
}

extension NNGame {
  /// Why a game description could not be replayed.
  public struct SetupError: Error, Sendable, CustomStringConvertible {
    /// Explanation.
    public var description: String
  }

  /// Builds a game as KataGo's GTP would after `boardsize`, `kata-set-rules`, `komi`, then
  /// `fixed_handicap` (if `handicap`) or `set_position` with `setup`, then `play` of each move.
  /// Colours are "B"/"W"; vertices are GTP vertices or "pass".
  public init(
    xSize: Int, ySize: Int, rules: Rules, komi: Float, setup: [(String, String)],
    moves: [(String, String)], handicap: Bool = false
  ) throws(SetupError) {
    var board = Board(width: xSize, height: ySize)
    func color(_ c: String) throws(SetupError) -> UInt8 {
      switch c.uppercased() {
      case "B", "BLACK": return 1
      case "W", "WHITE": return 2
      default: throw SetupError(description: "bad colour \(c)")
      }
    }
    for (c, v) in setup {
      guard let p = board.point(gtp: v) else { throw SetupError(description: "bad vertex \(v)") }
      guard board[p] == .empty else { throw SetupError(description: "setup vertex \(v) given twice") }
      board.place(Stone(Player(nnColor: try color(c))), at: p)
    }
    self.init(initialBoard: board, initialPlayer: handicap ? 2 : 1, rules: rules, komi: komi)
    for (c, v) in moves {
      let col = try color(c)
      if v.lowercased() == "pass" {
        play(nil, color: col)
        continue
      }
      guard let p = self.board.point(gtp: v), self.board[p] == .empty else {
        throw SetupError(description: "illegal move \(c) \(v)")
      }
      play(p, color: col)
    }
  }
}
