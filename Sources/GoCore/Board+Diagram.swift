extension Board {
  /// Column letters used by GTP and most GUIs: A–Z without I (25 columns).
  public static let columnLetters: [Character] = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")

  /// A board from an ASCII diagram, top row first.
  ///
  /// `X`, `x`, `B`, `#`, `@` are Black; `O`, `o`, `W` are White; `.`, `+`, `,` and `-` are empty.
  /// Spaces are ignored, blank lines skipped; every row must have the same width. Returns nil for a
  /// malformed diagram. Stones are placed as setup (no captures are counted).
  public init?(diagram: String) {
    var rows: [[Stone]] = []
    for line in diagram.split(separator: "\n", omittingEmptySubsequences: true) {
      var row: [Stone] = []
      for c in line where c != " " && c != "\t" && c != "\r" {
        switch c {
        case "X", "x", "B", "#", "@": row.append(.black)
        case "O", "o", "W": row.append(.white)
        case ".", "+", ",", "-": row.append(.empty)
        default: return nil
        }
      }
      if !row.isEmpty { rows.append(row) }
    }
    guard let w = rows.first?.count, (1...Point.maxBoardSize).contains(w),
      (1...Point.maxBoardSize).contains(rows.count), rows.allSatisfy({ $0.count == w })
    else { return nil }
    self.init(width: w, height: rows.count)
    var stones: [(Point, Stone)] = []
    for (y, row) in rows.enumerated() {
      for (x, s) in row.enumerated() where s != .empty { stones.append((Point(x: x, y: y), s)) }
    }
    rebuild(from: stones)
    if invariantViolation() != nil { return nil }
  }

  /// The board as a diagram: `X` Black, `O` White, `.` empty, one row per line, top first.
  public var diagram: String {
    var out = ""
    for y in 0..<height {
      for x in 0..<width {
        if x > 0 { out += " " }
        switch self[x, y] {
        case .black: out += "X"
        case .white: out += "O"
        default: out += "."
        }
      }
      out += "\n"
    }
    return out
  }

  /// The board with GTP coordinates around it, as `showboard` prints it.
  public var labeledDiagram: String {
    let letters = Board.columnLetters.prefix(width).map { String($0) }.joined(separator: " ")
    var out = "   " + letters + "\n"
    for y in 0..<height {
      let row = height - y
      out += (row < 10 ? " " : "") + String(row) + " "
      for x in 0..<width {
        if x > 0 { out += " " }
        let p = Point(x: x, y: y)
        switch self[p] {
        case .black: out += "X"
        case .white: out += "O"
        default: out += (p == koPoint ? "*" : ".")
        }
      }
      out += " " + String(row) + "\n"
    }
    out += "   " + letters
    return out
  }
}
