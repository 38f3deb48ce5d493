import GoCore

/// Handicap stone placements: GTP's fixed layout, and a spread-out free layout.
enum HandicapPlacement {
  /// Most stones `fixed_handicap` allows on a square board of `size`: 9 on odd boards from
  /// 9×9, 4 on even boards and 7×7, none below 7×7 or on rectangles.
  static func maxFixed(width: Int, height: Int) -> Int {
    guard width == height, width >= 7, width <= 25 else { return 0 }
    return width % 2 == 0 || width == 7 ? 4 : 9
  }

  /// The GTP fixed placement of `n` stones, or nil where the spec defines none.
  ///
  /// Stones sit on the third line below 13×13 and the fourth line from 13×13 on; the order is
  /// the spec's: two opposite corners, the other corners, then sides, with the centre stone
  /// added for odd counts of five or more.
  static func fixed(_ n: Int, width: Int, height: Int) -> [Point]? {
    guard n >= 2, n <= maxFixed(width: width, height: height) else { return nil }
    let size = width
    let edge = size < 13 ? 2 : 3
    let lo = edge
    let hi = size - 1 - edge
    let mid = size / 2
    // (x, y) with y counted from the bottom, then flipped to Point's top-based rows.
    let corners = [(lo, lo), (hi, hi), (lo, hi), (hi, lo)]
    let sides = [(lo, mid), (hi, mid), (mid, lo), (mid, hi)]
    var spots: [(Int, Int)] = Array(corners.prefix(min(n, 4)))
    if n >= 6 { spots += sides.prefix(n >= 8 ? 4 : 2) }
    if n % 2 == 1 && n >= 5 { spots.append((mid, mid)) }
    return spots.map { Point(x: $0.0, y: size - 1 - $0.1) }
  }

  /// The engine's own choice for `place_free_handicap`: the fixed layout where one exists,
  /// then further points spread over a lattice, then any empty points.
  static func free(_ n: Int, width: Int, height: Int) -> [Point] {
    var chosen = fixed(min(n, maxFixed(width: width, height: height)), width: width,
                       height: height) ?? []
    var used = Set(chosen)
    let step = max(2, min(width, height) / 4)
    for pass in 0..<2 where chosen.count < n {
      for y in 0..<height where chosen.count < n {
        for x in 0..<width where chosen.count < n {
          let onLattice = (x - 2) % step == 0 && (y - 2) % step == 0 && x >= 2 && y >= 2
            && x < width - 2 && y < height - 2
          guard pass == 1 || onLattice else { continue }
          let p = Point(x: x, y: y)
          if used.insert(p).inserted { chosen.append(p) }
        }
      }
    }
    return chosen
  }
}
