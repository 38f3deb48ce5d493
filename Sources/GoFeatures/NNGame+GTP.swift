import GoCore
import GoFormats

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
      guard let p = GTPVertex.point(v, width: board.width, height: board.height) else { throw SetupError(description: "bad vertex \(v)") }
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
        guard let p = GTPVertex.point(v, width: board.width, height: board.height) else { throw SetupError(description: "bad vertex \(v)") }
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
