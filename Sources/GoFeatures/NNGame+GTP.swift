import GoCore

extension FeatureBoard {
  /// The cell index of a GTP vertex ("D4", case-insensitive, columns skip I); nil if invalid
  /// or "pass".
  public func point(gtp vertex: String) -> Int? {
    let s = Array(vertex.uppercased())
    guard s.count >= 2, let letter = s.first, letter.isLetter, letter != "I" else { return nil }
    guard let ascii = letter.asciiValue else { return nil }
    var x = Int(ascii) - Int(Character("A").asciiValue!)
    if letter > "I" { x -= 1 }
    guard let row = Int(String(s[1...])), x >= 0, x < xSize, row >= 1, row <= ySize else { return nil }
    return index(x, ySize - row)
  }

  /// The GTP vertex of a cell index.
  public func gtpVertex(_ p: Int) -> String {
    let (x, y) = coordinates(p)
    let letters = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")
    return "\(letters[x])\(ySize - y)"
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
    var board = FeatureBoard(xSize: xSize, ySize: ySize)
    func color(_ c: String) throws(SetupError) -> UInt8 {
      switch c.uppercased() {
      case "B", "BLACK": return 1
      case "W", "WHITE": return 2
      default: throw SetupError(description: "bad colour \(c)")
      }
    }
    for (c, v) in setup {
      guard let p = board.point(gtp: v) else { throw SetupError(description: "bad vertex \(v)") }
      board.setStone(p, try color(c))
    }
    self.init(initialBoard: board, initialPlayer: handicap ? 2 : 1, rules: rules, komi: komi)
    for (c, v) in moves {
      let col = try color(c)
      if v.lowercased() == "pass" {
        play(nil, color: col)
        continue
      }
      guard let p = self.board.point(gtp: v), self.board.cells[p] == 0 else {
        throw SetupError(description: "illegal move \(c) \(v)")
      }
      play(p, color: col)
    }
  }
}
