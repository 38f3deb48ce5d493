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
    let board = Board(width: xSize, height: ySize)
    func color(_ c: String) throws(SetupError) -> UInt8 {
      switch c.uppercased() {
      case "B", "BLACK": return 1
      case "W", "WHITE": return 2
      default: throw SetupError(description: "bad colour \(c)")
      }
    }
    var black: [Point] = []
    var white: [Point] = []
    for (c, v) in setup {
      guard let p = board.point(gtp: v) else { throw SetupError(description: "bad vertex \(v)") }
      guard !black.contains(p) && !white.contains(p) else {
        throw SetupError(description: "setup vertex \(v) given twice")
      }
      if try color(c) == 1 { black.append(p) } else { white.append(p) }
    }
    var state = GameState(width: xSize, height: ySize, rules: rules.withKomi(Double(komi)))
    state.setup(black: black, white: white, toMove: handicap ? .white : .black)
    self.init(state)
    for (c, v) in moves {
      let col = try color(c)
      let point: Point?
      if v.lowercased() == "pass" {
        point = nil
      } else {
        guard let p = board.point(gtp: v) else { throw SetupError(description: "bad vertex \(v)") }
        point = p
      }
      do {
        try play(point, color: col)
      } catch {
        throw SetupError(description: "illegal move \(c) \(v) (\(error))")
      }
    }
  }
}
