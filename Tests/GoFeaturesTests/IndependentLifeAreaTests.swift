import GoCore
import Testing

@testable import GoFeatures

/// Features of `game` in `version` as `[plane][y][x]` plus globals, on a grid the board's size.
func features(_ game: NNGame, version: InputFeatureVersion) -> (spatial: [Float], global: [Float]) {
  let w = game.board.width
  let h = game.board.height
  var s = [Float](repeating: 0, count: version.spatialCount * w * h)
  var g = [Float](repeating: 0, count: version.globalCount)
  var options = InputFeatures.Options()
  options.version = version
  s.withUnsafeMutableBufferPointer { sp in
    g.withUnsafeMutableBufferPointer { gl in
      InputFeatures.fill(
        game, nnXLen: w, nnYLen: h, symmetry: Symmetry(0), options: options,
        spatial: sp.baseAddress!, global: gl.baseAddress!)
    }
  }
  return (s, g)
}

/// A map as a diagram: `X` Black, `O` White, `.` nobody.
func diagram(_ map: [Stone], of board: Board) -> String {
  (0..<board.height).map { y in
    String((0..<board.width).map { x in
      switch map[Point(x: x, y: y).i] {
      case .black: return "X"
      case .white: return "O"
      default: return "."
      }
    })
  }.joined(separator: "\n")
}

@Suite("Independent-life area and older input versions")
struct IndependentLifeAreaTests {
  /// Black and White walls with a dame column between them: both areas touch dame (seki).
  let seki = Board(diagram: """
    .X.O.
    .X.O.
    .X.O.
    .X.O.
    .X.O.
    """)!

  @Test("areas touching dame are seki: stripped, keeping stones or territories as asked")
  func sekiStripped() {
    #expect(diagram(seki.kataGoArea(suicideLegal: false), of: seki) == Array(repeating: "XX.OO", count: 5).joined(separator: "\n"))
    let stones = seki.kataGoIndependentLifeArea(suicideLegal: false, keepTerritories: false, keepStones: true)
    #expect(diagram(stones, of: seki) == Array(repeating: ".X.O.", count: 5).joined(separator: "\n"))
    let territory = seki.kataGoIndependentLifeArea(suicideLegal: false, keepTerritories: true, keepStones: false)
    #expect(diagram(territory, of: seki) == Array(repeating: "X...O", count: 5).joined(separator: "\n"))
    let none = seki.kataGoIndependentLifeArea(suicideLegal: false, keepTerritories: false, keepStones: false)
    #expect(diagram(none, of: seki) == Array(repeating: ".....", count: 5).joined(separator: "\n"))
  }

  @Test("areas without dame live independently; an own stone in atari makes a region seki")
  func independentAndAtari() {
    let board = Board(diagram: """
      .X.XO
      XXXXO
      OOOOO
      .O.O.
      .O.O.
      """)!
    let life = board.kataGoIndependentLifeArea(suicideLegal: false, keepTerritories: false, keepStones: false)
    #expect(diagram(life, of: board) == diagram(board.kataGoArea(suicideLegal: false), of: board))
    // A black stone in atari next to dame: its area is seki.
    let atari = Board(diagram: """
      X.O..
      OOO..
      .....
      """)!
    let basic = atari.kataGoArea(suicideLegal: false)
    let stripped = atari.kataGoIndependentLifeArea(suicideLegal: false, keepTerritories: false, keepStones: false)
    #expect(basic[Point(x: 0, y: 0).i] == .black)
    #expect(stripped[Point(x: 0, y: 0).i] == .empty)
  }

  @Test("V7 area planes under stone scoring show only the stones of seki regions")
  func stoneScoringPlanes() {
    let game = NNGame(initialBoard: seki, initialPlayer: 1, rules: .stoneScoring, komi: 7.5)
    let f = features(game, version: .v7)
    let plane = { (k: Int) in (0..<25).filter { f.spatial[k * 25 + $0] != 0 } }
    #expect(plane(18) == [1, 6, 11, 16, 21])
    #expect(plane(19) == [3, 8, 13, 18, 23])
    #expect(f.global[10] == 1 && f.global[11] == 1)
  }

  @Test("older versions place planes and globals where KataGo's V3-V6 put them")
  func olderLayouts() throws {
    let game = try NNGame(
      xSize: 9, ySize: 9, rules: .trompTaylor, komi: 7.5, setup: [], moves: pairs("B E5 W C3"))
    let e5 = 4 * 9 + 4
    let c3 = 6 * 9 + 2
    let v5 = features(game, version: .v5)
    #expect(v5.spatial.count == 13 * 81 && v5.global.count == 12)
    #expect(v5.spatial[6 * 81 + c3] == 1 && v5.spatial[7 * 81 + e5] == 1)
    #expect(v5.global[5] == -7.5 / 15)
    for version in [InputFeatureVersion.v3, .v4] {
      let f = features(game, version: version)
      #expect(f.global.count == 14 && f.global[5] == -7.5 / 15)
      #expect(f.spatial[9 * 81 + c3] == 1 && f.spatial[10 * 81 + e5] == 1)
      #expect(f.global[13] == -0.5, "parity wave for Black, komi 7.5, odd area")
    }
    let v6 = features(game, version: .v6)
    #expect(v6.global.count == 16 && v6.global[5] == -7.5 / 20 && v6.global[15] == -0.5)
    // V3 counts the whole area under area scoring; V4 only pass-alive area (none here).
    #expect(features(game, version: .v3).spatial[(18 * 81)..<(20 * 81)].contains(1))
    #expect(!features(game, version: .v4).spatial[(18 * 81)..<(20 * 81)].contains(1))
    #expect(InputFeatureVersion(modelVersion: 5) == .v4 && InputFeatureVersion(modelVersion: 8) == .v7)
  }
}
