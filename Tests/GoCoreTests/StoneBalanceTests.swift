import GoCore
import Testing
import TestSupport

/// `stoneBalance`, the playouts' branch-free stone count, against `stoneCount`.
@Suite struct StoneBalanceTests {
  /// On square and rectangular boards through random games with captures.
  @Test(arguments: [(9, 9), (19, 19), (7, 13), (25, 3)])
  func matchesStoneCounts(width: Int, height: Int) {
    var rng = TestRandom(seed: UInt64(width * 31 + height))
    var b = Board(width: width, height: height)
    var player = Player.black
    for _ in 0..<(width * height * 2) {
      #expect(b.stoneBalance() == b.stoneCount(.black) - b.stoneCount(.white))
      var moves: [Point] = []
      for k in 0..<b.emptyCount where b.isLegal(b.emptyPoint(k), for: player) {
        moves.append(b.emptyPoint(k))
      }
      if moves.isEmpty { b.clearKo() } else { b.play(moves[rng.below(moves.count)], for: player) }
      player = player.opponent
    }
  }
}
