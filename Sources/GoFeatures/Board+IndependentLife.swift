import GoCore

/// KataGo's "independent life" area (`docs/KATAGO.md` §2.4.4), used by the area planes under
/// area scoring with a group tax (and by KataGo under territory scoring in the second encore
/// phase, which a GoCore game never reaches).
extension Board {
  /// The basic area (`kataGoArea` with every option on) without the regions in seki: a
  /// connected region of one colour's area counts as seki when it touches a point nobody owns
  /// (dame) or holds a stone of that colour in atari. What remains are the independently living
  /// regions; `keepTerritories` adds back the seki regions' empty points and dead opponent stones,
  /// `keepStones` their owner's own stones. Indexed by `Point.i`; values `.empty`, `.black`,
  /// `.white`.
  func kataGoIndependentLifeArea(suicideLegal: Bool, keepTerritories: Bool, keepStones: Bool) -> [Stone] {
    let basic = kataGoArea(suicideLegal: suicideLegal)
    var seki = [Bool](repeating: false, count: Point.capacity)
    func isDame(_ q: Point) -> Bool { self[q] == .empty && basic[q.i] == .empty }
    for p in points where basic[p.i] != .empty && !seki[p.i] {
      let owner = basic[p.i]
      let ownStoneInAtari = self[p] == owner && liberties(p) == 1
      guard ownStoneInAtari || p.adjacent.contains(where: isDame) else { continue }
      flood(from: p, in: basic, marking: &seki)
    }
    var result = [Stone](repeating: .empty, count: Point.capacity)
    for p in points where basic[p.i] != .empty {
      if !seki[p.i] {
        result[p.i] = basic[p.i]
      } else if self[p] == basic[p.i] ? keepStones : keepTerritories {
        result[p.i] = basic[p.i]
      }
    }
    return result
  }

  /// Marks in `mark` the points connected to `start` through points of the same colour in `area`.
  private func flood(from start: Point, in area: [Stone], marking mark: inout [Bool]) {
    let owner = area[start.i]
    mark[start.i] = true
    var queue = [start]
    var head = 0
    while head < queue.count {
      let p = queue[head]
      head += 1
      for q in p.adjacent where area[q.i] == owner && !mark[q.i] {
        mark[q.i] = true
        queue.append(q)
      }
    }
  }
}
