import GoCore
import Testing
import TestSupport

/// `isLegalNonEye`, the playouts' one-pass candidate test, against `isLegal` and `isEye`.
@Suite struct LegalNonEyeTests {
  /// Over random games (with captures, kos and suicide points), every empty point gives the
  /// same answer for both players and both suicide rules as the two reference tests.
  @Test(arguments: [5, 9, 19])
  func agreesWithIsLegalAndIsEye(size: Int) {
    var rng = TestRandom(seed: UInt64(size) &* 977)
    var checked = 0
    for _ in 0..<(size < 19 ? 40 : 8) {
      var b = Board(size: size)
      var player = Player.black
      for _ in 0..<(size * size * 2) {
        for k in 0..<b.emptyCount {
          let p = b.emptyPoint(k)
          for who in Player.allCases {
            for suicide in [false, true] {
              let expected = b.isLegal(p, for: who, multiStoneSuicide: suicide) && !b.isEye(p, of: who)
              let got = b.isLegalNonEye(p, for: who, multiStoneSuicide: suicide)
              if got != expected {
                Issue.record("\(p) for \(who), suicide \(suicide): \(got)\n\(b.diagram)")
                return
              }
              checked += 1
            }
          }
        }
        // Random legal moves (eye fills and multi-stone suicide included, for variety).
        var moves: [Point] = []
        for k in 0..<b.emptyCount where b.isLegal(b.emptyPoint(k), for: player, multiStoneSuicide: true) {
          moves.append(b.emptyPoint(k))
        }
        if moves.isEmpty { b.clearKo() } else { b.play(moves[rng.below(moves.count)], for: player) }
        player = player.opponent
      }
    }
    #expect(checked > 1000)
  }

  /// The ko point is illegal for the player to move though it has no empty neighbour to decide.
  @Test func koPointIsIllegal() throws {
    var b = try #require(Board(diagram: """
      . X O .
      X . X O
      . X O .
      . . . .
      """))
    b.play(Point(x: 1, y: 1), for: .white)  // captures (2,1): a ko
    let ko = b.koPoint
    try #require(ko == Point(x: 2, y: 1))
    #expect(!b.isLegalNonEye(ko, for: .black, multiStoneSuicide: false))
    #expect(!b.isLegalNonEye(ko, for: .black, multiStoneSuicide: true))
    #expect(b.isLegal(ko, for: .white) == b.isLegalNonEye(ko, for: .white, multiStoneSuicide: false))
  }
}
