import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet

@Suite("Encoded positions")
struct EncodedPositionTests {
  /// A game of `moves` random legal moves (about one in ten a pass) from a fixed seed.
  static func randomGame(width: Int, height: Int, moves: Int, rules: Rules, seed: UInt64) -> NNGame {
    var rng = TestRandom(seed: seed)
    var game = NNGame(GameState(width: width, height: height, rules: rules))
    for _ in 0..<moves where !game.isFinished {
      let pla = game.nextPlayer
      let banned = game.superkoBanned(for: pla)
      let legal = game.board.points.filter { game.isLegal($0, for: pla, banned: banned) }
      let point = legal.isEmpty || rng.below(10) == 0 ? nil : legal[rng.below(legal.count)]
      try? game.play(point, color: pla)
    }
    return game
  }

  @Test(
    "every symmetry's batch input is the identity encoding permuted",
    arguments: [(9, 9, 60), (7, 5, 30), (19, 19, 150), (13, 19, 90)])
  func permutedEqualsRecomputed(_ shape: (Int, Int, Int)) {
    let (width, height, length) = shape
    for (seed, rules) in [(1, Rules.chinese), (2, Rules.japanese), (3, Rules.trompTaylor)] {
      // Several lengths, so that some positions have captures, kos and passes in their history.
      for moves in [0, length / 3, length] {
        let game = Self.randomGame(width: width, height: height, moves: moves, rules: rules, seed: UInt64(seed))
        for version in [InputFeatureVersion.v7, .v5, .v3] {
          var options = InputFeatures.Options()
          options.version = version
          let encoded = EncodedPosition(game, options: options)
          let symmetries = (0..<8).map(Symmetry.init)
          let permuted = NNInputBatch(
            encoded: Array(repeating: encoded, count: 8), symmetries: symmetries)
          let direct = NNInputBatch(
            games: Array(repeating: game, count: 8), symmetries: symmetries, nnXLen: width,
            nnYLen: height, options: options)
          #expect(permuted.spatial == direct.spatial, "\(width)x\(height) \(moves) moves \(version)")
          #expect(permuted.global == direct.global)
          #expect(permuted.spatial.contains(1))
        }
      }
    }
  }

  @Test("the hash tells apart positions, players to move and shapes")
  func hashDistinguishes() throws {
    let options = InputFeatures.Options()
    var a = NNGame(GameState(size: 9))
    try a.play(Point(x: 4, y: 4), color: 1)
    var b = NNGame(GameState(size: 9))
    try b.play(Point(x: 4, y: 3), color: 1)
    var passed = a
    try passed.play(nil, color: 2)
    let wide = NNGame(GameState(width: 9, height: 7))
    let hashes = [a, b, passed, NNGame(GameState(size: 9)), wide].map {
      EncodedPosition($0, options: options).hash
    }
    #expect(Set(hashes).count == hashes.count)
    #expect(EncodedPosition(a, options: options).hash == BatchingEvaluator.inputHash(a, options: options))
  }
}
