import GoCore
import GoFormats
import Testing

@testable import GoFeatures

/// Features of `game` as `[plane][y][x]` plus globals.
func features(_ game: NNGame, size: Int, symmetry: Int = 0) -> (spatial: [Float], global: [Float]) {
  var s = [Float](repeating: 0, count: 22 * size * size)
  var g = [Float](repeating: 0, count: 19)
  s.withUnsafeMutableBufferPointer { sp in
    g.withUnsafeMutableBufferPointer { gl in
      InputFeaturesV7.fill(
        game, nnXLen: size, nnYLen: size, symmetry: Symmetry(symmetry),
        spatial: sp.baseAddress!, global: gl.baseAddress!)
    }
  }
  return (s, g)
}

func pairs(_ text: String) -> [(String, String)] {
  let t = text.split(separator: " ").map(String.init)
  return stride(from: 0, to: t.count - 1, by: 2).map { (t[$0], t[$0 + 1]) }
}

/// The points (GTP vertices) set in `plane`.
func marked(_ f: [Float], plane: Int, size: Int) -> Set<String> {
  let b = Board(size: size)
  var out = Set<String>()
  for y in 0..<size {
    for x in 0..<size where f[plane * size * size + y * size + x] != 0 {
      out.insert(GTPVertex.text(Point(x: x, y: y), height: b.height))
    }
  }
  return out
}

@Suite("V7 input features")
struct InputFeaturesV7Tests {
  @Test("a working 2-liberty ladder marks the chain and the attacker's working move")
  func ladder() throws {
    var g = try NNGame(
      xSize: 19, ySize: 19, rules: .trompTaylor, komi: 7.5,
      setup: pairs("B C4 B D3 B E3 B Q16 B R4 W D4 W Q4"), moves: [])
    g.nextPlayer = 1
    let f = features(g, size: 19).spatial
    #expect(marked(f, plane: 14, size: 19) == ["D4"])
    #expect(marked(f, plane: 15, size: 19) == ["D4"])
    #expect(marked(f, plane: 17, size: 19) == ["D5"])
    #expect(marked(f, plane: 4, size: 19).contains("D4"))
  }

  @Test("a ladder breaker on the diagonal stops the ladder")
  func ladderBreaker() throws {
    var g = try NNGame(
      xSize: 19, ySize: 19, rules: .trompTaylor, komi: 7.5,
      setup: pairs("B C4 B D3 B E3 B Q16 B R4 W D4 W Q4 W K10"), moves: [])
    g.nextPlayer = 1
    let f = features(g, size: 19).spatial
    #expect(marked(f, plane: 14, size: 19).isEmpty)
    #expect(marked(f, plane: 17, size: 19).isEmpty)
  }

  @Test("one stone on an empty board makes the whole board its area")
  func singleStoneArea() throws {
    let g = try NNGame(xSize: 9, ySize: 9, rules: .trompTaylor, komi: 7.5, setup: [], moves: pairs("B E5"))
    let f = features(g, size: 9).spatial
    // White to move: Black's area is the opponent's (plane 19).
    #expect(marked(f, plane: 19, size: 9).count == 81)
    #expect(marked(f, plane: 18, size: 9).isEmpty)
    #expect(marked(f, plane: 9, size: 9) == ["E5"])
  }

  @Test("komi, rules and the parity wave")
  func globals() throws {
    let empty = try NNGame(xSize: 19, ySize: 19, rules: .trompTaylor, komi: 7.5, setup: [], moves: [])
    let g = features(empty, size: 19).global
    #expect(g[5] == -7.5 / 20)
    #expect(g[18] == -0.5)
    #expect(g[6] == 1 && g[7] == 0.5 && g[8] == 1 && g[9] == 0)
    let one = try NNGame(xSize: 19, ySize: 19, rules: .trompTaylor, komi: 7.5, setup: [], moves: pairs("B Q16"))
    #expect(features(one, size: 19).global[18] == 0.5)
    // Japanese: territory komi counts stones played (6.5 + 3 black − 2 white moves), no parity.
    let jp = try NNGame(
      xSize: 19, ySize: 19, rules: Rules(preset: "japanese")!, komi: 6.5, setup: [],
      moves: pairs("B Q16 W D4 B Q3 W D16 B R10"))
    let j = features(jp, size: 19).global
    #expect(j[5] == 7.5 / 20)
    #expect(j[9] == 1 && j[10] == 1 && j[6] == 0 && j[18] == 0)
  }

  @Test("symmetries move the planes and the inverse maps them back")
  func symmetries() throws {
    let g = try NNGame(xSize: 9, ySize: 9, rules: .trompTaylor, komi: 7.5, setup: [], moves: pairs("B C7"))
    // C7 is (x 2, y 2); symmetry 1 flips y, 2 flips x, 4 transposes.
    #expect(marked(features(g, size: 9, symmetry: 1).spatial, plane: 2, size: 9) == ["C3"])
    #expect(marked(features(g, size: 9, symmetry: 2).spatial, plane: 2, size: 9) == ["G7"])
    let s5 = Symmetry(5)
    let t = s5.apply(x: 2, y: 1, gridWidth: 9, gridHeight: 9)
    let back = s5.inverse.apply(x: t.x, y: t.y, gridWidth: 9, gridHeight: 9)
    #expect(back.x == 2 && back.y == 1)
    #expect(Symmetry(6).inverse == Symmetry(5))
  }

  @Test("an immediate ko recapture is banned on plane 6")
  func ko() throws {
    let g = try NNGame(
      xSize: 9, ySize: 9, rules: Rules(preset: "chinese")!, komi: 7.5,
      setup: pairs("B D5 B C4 B D3 W E5 W F4 W E3 W D4"), moves: pairs("B E4"))
    let f = features(g, size: 9).spatial
    #expect(marked(f, plane: 6, size: 9) == ["D4"])
    #expect(g.nextPlayer == 2)
  }

  @Test("the GoCore adapter gives the same features as GTP replay")
  func gameStateAdapter() throws {
    var state = GameState(size: 9, rules: .trompTaylor)
    let moves = pairs("B E5 W C3 B G7 W pass B D4")
    for (c, v) in moves {
      let b = Board(size: 9)
      let player: Player = c == "B" ? .black : .white
      if let p = GTPVertex.point(v, width: b.width, height: b.height) {
        try state.play(.play(p), by: player)
      } else {
        try state.play(.pass, by: player)
      }
    }
    let fromState = NNGame(state)
    let fromGTP = try NNGame(xSize: 9, ySize: 9, rules: .trompTaylor, komi: 7.5, setup: [], moves: moves)
    let a = features(fromState, size: 9)
    let b = features(fromGTP, size: 9)
    #expect(a.spatial == b.spatial)
    #expect(a.global == b.global)
    #expect(marked(a.spatial, plane: 10, size: 9).isEmpty && a.global[1] == 1)
  }
}
