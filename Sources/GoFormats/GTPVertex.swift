public import GoCore

/// GTP vertex text: a column letter (`A`–`Z` without `I`) and a row number counted from the
/// bottom, or `pass`; case-insensitive on input.
public enum GTPVertex {
  /// The vertex text of `point` on a board `height` rows tall (e.g. `D4`).
  public static func text(_ point: Point, height: Int) -> String {
    let x = point.x
    let letter = x >= 0 && x < Board.columnLetters.count ? String(Board.columnLetters[x]) : "?"
    return letter + String(height - point.y)
  }

  /// The vertex text of `move`: a point or `pass`.
  public static func text(_ move: Move, height: Int) -> String {
    switch move {
    case .pass: return "pass"
    case .play(let p): return text(p, height: height)
    }
  }

  /// The column (0-based from the left) and row (1-based from the bottom) named by `text`,
  /// whatever the board; nil for malformed text or `pass`.
  public static func coordinates(_ text: String) -> (column: Int, row: Int)? {
    let chars = Array(text.uppercased().utf8)
    guard chars.count >= 2, chars.count <= 4 else { return nil }
    let c = chars[0]
    guard c >= 65 && c <= 90 && c != 73 else { return nil }  // A–Z, not I
    let column = Int(c) - 65 - (c > 73 ? 1 : 0)
    var row = 0
    for d in chars.dropFirst() {
      guard d >= 48 && d <= 57 else { return nil }
      row = row * 10 + Int(d) - 48
    }
    guard chars[1] != 48, row >= 1 else { return nil }  // no leading zero, no row 0
    return (column, row)
  }

  /// The move named by `text` on a `width`×`height` board, or nil if it is malformed or off
  /// the board.
  public static func move(_ text: String, width: Int, height: Int) -> Move? {
    if text.lowercased() == "pass" { return .pass }
    guard let (column, row) = coordinates(text), column < width, row <= height else {
      return nil
    }
    return .play(Point(x: column, y: height - row))
  }

  /// The point named by `text` on a `width`×`height` board, or nil (pass included).
  public static func point(_ text: String, width: Int, height: Int) -> Point? {
    move(text, width: width, height: height)?.point
  }
}
