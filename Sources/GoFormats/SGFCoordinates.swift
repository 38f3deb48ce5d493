public import GoCore

/// SGF point text (`aa` is the top-left corner) and compressed point lists (`aa:cc`).
public enum SGFCoordinates {
  /// The letter for a 0-based coordinate: `a`–`z`, then `A`–`Z` (FF[4] allows 52).
  public static func letter(_ n: Int) -> Character {
    let base = n < 26 ? 97 + n : 65 + n - 26
    return Character(Unicode.Scalar(UInt8(truncatingIfNeeded: base)))
  }

  /// The 0-based coordinate of an SGF letter, or nil.
  public static func index(of c: Character) -> Int? {
    guard let a = c.asciiValue else { return nil }
    if a >= 97 && a <= 122 { return Int(a) - 97 }
    if a >= 65 && a <= 90 { return Int(a) - 65 + 26 }
    return nil
  }

  /// The SGF text of `point`.
  public static func text(_ point: Point) -> String {
    String([letter(point.x), letter(point.y)])
  }

  /// The SGF text of a move: a point, or the empty value for a pass.
  public static func text(_ move: Move) -> String {
    switch move {
    case .pass: return ""
    case .play(let p): return text(p)
    }
  }

  /// The point named by two-letter `text` on a `width`×`height` board, or nil if it is not a
  /// point of that board.
  public static func point(_ text: String, width: Int, height: Int) -> Point? {
    let chars = Array(text)
    guard chars.count == 2, let x = index(of: chars[0]), let y = index(of: chars[1]),
      x < width, y < height
    else { return nil }
    return Point(x: x, y: y)
  }

  /// The move named by `text`: `""` is a pass, as is `tt` on boards up to 19×19.
  public static func move(_ text: String, width: Int, height: Int) -> Move? {
    let t = text.trimmingSpaces
    if t.isEmpty { return .pass }
    if t == "tt" && width <= 19 && height <= 19 { return .pass }
    return point(t, width: width, height: height).map { .play($0) }
  }

  /// The points of one list value: a single point or a rectangle `aa:cc` (corners any order).
  /// Returns nil for text that names no point of the board.
  public static func points(_ text: String, width: Int, height: Int) -> [Point]? {
    let t = text.trimmingSpaces
    let parts = t.split(separator: ":", omittingEmptySubsequences: false)
    if parts.count == 1 { return point(t, width: width, height: height).map { [$0] } }
    guard parts.count == 2, let a = point(String(parts[0]), width: width, height: height),
      let b = point(String(parts[1]), width: width, height: height)
    else { return nil }
    var result: [Point] = []
    for y in min(a.y, b.y)...max(a.y, b.y) {
      for x in min(a.x, b.x)...max(a.x, b.x) { result.append(Point(x: x, y: y)) }
    }
    return result
  }

  /// A point list compressed into rectangles, greedily, in row-major order.
  public static func compressed(_ points: [Point]) -> [String] {
    var remaining = Set(points)
    var out: [String] = []
    for p in points.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) where remaining.contains(p) {
      // Grow right along the row, then down while whole rows are present.
      var x1 = p.x
      while remaining.contains(Point(x: x1 + 1, y: p.y)) && x1 + 1 < Point.maxBoardSize {
        x1 += 1
      }
      var y1 = p.y
      rows: while y1 + 1 < Point.maxBoardSize {
        for x in p.x...x1 where !remaining.contains(Point(x: x, y: y1 + 1)) { break rows }
        y1 += 1
      }
      for y in p.y...y1 { for x in p.x...x1 { remaining.remove(Point(x: x, y: y)) } }
      if x1 == p.x && y1 == p.y {
        out.append(text(p))
      } else {
        out.append(text(p) + ":" + text(Point(x: x1, y: y1)))
      }
    }
    return out
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
