public import GoCore

/// A lookup table of good local shapes: which 3×3 neighbourhoods make the centre a good move.
///
/// The neighbourhood of a point is coded in 16 bits, two per surrounding cell (the `Stone` raw
/// value: empty, black, white, wall), in the order top-left, top, top-right, left, right,
/// bottom-left, bottom, bottom-right. The table holds one bit per code and colour to move,
/// built once from a few hand-written patterns under all 8 symmetries.
public struct ShapeTable: Sendable {
  @usableFromInline let blackBits: [UInt64]
  @usableFromInline let whiteBits: [UInt64]

  /// Pattern rows, top to bottom, centre is the move. `X` the mover, `O` the opponent, `.` empty,
  /// `#` off board, `?` anything, `x` not the mover (empty or opponent), `o` not the opponent.
  public static let patterns: [String] = [
    "XOX ... ???",  // hane enclosing an opposing stone
    "XO. ... ?.?",  // hane, not cutting
    "XO? X.. ?.?",  // hane with a bend
    "XOO ... ?.?",  // hane at the head of two stones
    "XO? O.o ?o?",  // cut
    "?X? O.O ooo",  // cut between two opposing stones
    "X.? O.? ###",  // block a first-line crawl
    "?X? O.x ###",  // first-line hane under a stone
  ]

  /// The shared table built from `patterns`.
  public static let shared = ShapeTable(patterns: patterns)

  public init(patterns: [String]) {
    var black = [UInt64](repeating: 0, count: 1024)
    var white = [UInt64](repeating: 0, count: 1024)
    for text in patterns {
      let cells = Array(text.filter { $0 != " " })
      precondition(cells.count == 9, "a pattern has 9 cells")
      for sym in Symmetry.allCases {
        for mover in Player.allCases {
          // The allowed stones of each code cell under this symmetry, then every combination.
          var allowed: [[UInt8]] = Array(repeating: [], count: 8)
          for (dx, dy) in ShapeTable.cellOffsets {
            let (sx, sy) = sym.apply(x: dx + 1, y: dy + 1, width: 3, height: 3)
            let j = ShapeTable.cellOffsets.firstIndex { $0 == (sx - 1, sy - 1) }!
            allowed[j] = ShapeTable.stones(matching: cells[(dy + 1) * 3 + dx + 1], mover: mover)
          }
          var codes = [0]
          for j in 0..<8 {
            codes = codes.flatMap { c in allowed[j].map { c | Int($0) << (2 * j) } }
          }
          for code in codes {
            if mover == .black {
              black[code >> 6] |= 1 << UInt64(code & 63)
            } else {
              white[code >> 6] |= 1 << UInt64(code & 63)
            }
          }
        }
      }
    }
    blackBits = black
    whiteBits = white
  }

  /// Offsets of the eight cells in code order.
  static let cellOffsets: [(Int, Int)] = [
    (-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1),
  ]

  /// The stone raw values a pattern character accepts.
  static func stones(matching c: Character, mover: Player) -> [UInt8] {
    let mine = mover.stone.rawValue
    let theirs = mover.opponent.stone.rawValue
    switch c {
    case "X": return [mine]
    case "O": return [theirs]
    case ".": return [Stone.empty.rawValue]
    case "#": return [Stone.wall.rawValue]
    case "x": return [Stone.empty.rawValue, theirs]
    case "o": return [Stone.empty.rawValue, mine]
    default: return [0, 1, 2, 3]
    }
  }

  /// The neighbourhood code of `point`.
  @inlinable
  public static func code(_ board: inout Board, _ point: Point) -> Int {
    let s = Point.stride
    let p = point.i
    var c = Int(board[Point(index: p - s - 1)].rawValue)
    c |= Int(board[Point(index: p - s)].rawValue) << 2
    c |= Int(board[Point(index: p - s + 1)].rawValue) << 4
    c |= Int(board[Point(index: p - 1)].rawValue) << 6
    c |= Int(board[Point(index: p + 1)].rawValue) << 8
    c |= Int(board[Point(index: p + s - 1)].rawValue) << 10
    c |= Int(board[Point(index: p + s)].rawValue) << 12
    c |= Int(board[Point(index: p + s + 1)].rawValue) << 14
    return c
  }

  /// True if `point` is a good shape move for `player`.
  @inlinable
  public func isGood(_ board: inout Board, _ point: Point, for player: Player) -> Bool {
    let c = ShapeTable.code(&board, point)
    let bits = player == .black ? blackBits : whiteBits
    return bits[c >> 6] & (1 << UInt64(c & 63)) != 0
  }
}
