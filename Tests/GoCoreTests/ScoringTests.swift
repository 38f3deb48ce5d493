import GoCore
import Testing

@Suite struct ScoringTests {
  let finished = """
    . X O . .
    X X O . .
    X O O . .
    X O . O .
    . X O . .
    """

  @Test func areaScoringCountsStonesAndSurroundedPoints() throws {
    let g = GameState(board: try board(finished), toMove: .black, rules: .chinese.withKomi(0))
    // Black: 6 stones + (0,0) + (0,4) = 8 ; White: 7 stones + 10 empty on the right side.
    let s = g.score()
    #expect(s.black == 8)
    #expect(s.white == 17)
    #expect(s.resultString == "W+9")
  }

  @Test func deadStonesCountForTheSurrounder() throws {
    let withDead = """
      . X O . .
      X X O . .
      X O O X .
      X O . O .
      . X O . .
      """
    let g = GameState(board: try board(withDead), toMove: .black, rules: .chinese.withKomi(7.5))
    let alive = g.score()
    let dead = g.score(dead: [pt(3, 2)])
    #expect(alive.white < dead.white)
    #expect(dead.white == 17 + 7.5)
    #expect(dead.black == 8)
  }

  @Test func territoryScoringCountsPrisoners() throws {
    var g = GameState(board: try board(finished), toMove: .black, rules: .japanese.withKomi(6.5))
    let s = g.score()
    // Black: territory 2, no prisoners. White: territory 10 + komi.
    #expect(s.black == 2)
    #expect(s.white == 16.5)
    // A capture adds a prisoner: White captures the Black stone... play one out.
    try g.play(.play(pt(4, 0)), by: .black)
    #expect(g.score().black == 2)  // a stone in own territory costs a point of territory, no gain
    _ = g
  }

  @Test func territoryScoringWithDeadStonesCountsThemAsPrisoners() throws {
    let pos = """
      . X O . .
      X X O . .
      X O O X .
      X O . O .
      . X O . .
      """
    let g = GameState(board: try board(pos), toMove: .black, rules: .japanese.withKomi(0))
    let s = g.score(dead: [pt(3, 2)])
    // White: 10 territory incl. the dead stone's point, + 1 prisoner.
    #expect(s.white == 11)
    #expect(s.black == 2)
  }

  /// White's inner chain and Black's inner chain each have one eye and share the liberty
  /// (2,0): filling it is self-atari for either side, so both live in seki.
  let seki = """
    . O . X . X
    O O X X X X
    X X X O O O
    O O O O . .
    . . . . . .
    """

  @Test func sekiEyesAreFound() throws {
    let b = try board(seki)
    #expect(b.sekiEyes() == [pt(0, 0), pt(4, 0)])
    let plain = try board(finished)
    #expect(plain.sekiEyes().isEmpty)
  }

  @Test func sekiEyesDoNotCountUnderTaxSeki() throws {
    let b = try board(seki)
    let jp = GameState(board: b, toMove: .black, rules: .japanese.withKomi(0)).score()
    let none = GameState(
      board: b, toMove: .black,
      rules: Rules(ko: .simple, scoring: .territory, tax: Rules.TaxRule.none, komi: 0)
    ).score()
    #expect(none.black - jp.black == 1)  // Black's eye (4,0)
    #expect(none.white - jp.white == 1)  // White's eye (0,0)
    // White's real territory: (4,3),(5,3) and row 4 = 8 points.
    #expect(jp.white == 8)
    #expect(jp.black == 0)
  }

  @Test(arguments: Rules.presetNames)
  func everyPresetParses(name: String) throws {
    let r = try #require(Rules(preset: name))
    #expect(Rules(preset: name.uppercased()) == r)
  }

  @Test func presetsMatchTheRulesTable() throws {
    let tt = try #require(Rules(preset: "tromp-taylor"))
    #expect(tt.ko == .positional && tt.scoring == .area && tt.tax == .none)
    #expect(tt.multiStoneSuicideLegal && !tt.hasButton && !tt.friendlyPassOk && tt.komi == 7.5)
    let ch = try #require(Rules(preset: "chinese"))
    #expect(ch.ko == .simple && !ch.multiStoneSuicideLegal && ch.whiteHandicapBonus == .n)
    #expect(ch.friendlyPassOk)
    let ogs = try #require(Rules(preset: "chinese-ogs"))
    #expect(ogs.ko == .positional && ogs == Rules(preset: "chinese_kgs"))
    let jp = try #require(Rules(preset: "japanese"))
    #expect(jp.scoring == .territory && jp.tax == .seki && jp.ko == .simple && jp.komi == 6.5)
    #expect(!jp.friendlyPassOk && Rules(preset: "korean") == jp)
    let aga = try #require(Rules(preset: "aga"))
    #expect(aga.ko == .situational && aga.whiteHandicapBonus == .nMinusOne)
    #expect(Rules(preset: "bga") == aga && Rules(preset: "french") == aga)
    let nz = try #require(Rules(preset: "new-zealand"))
    #expect(nz.ko == .situational && nz.multiStoneSuicideLegal && nz.komi == 7.0)
    #expect(nz.whiteHandicapBonus == .zero)
    let stone = try #require(Rules(preset: "stone-scoring"))
    #expect(stone.tax == .all && stone.scoring == .area && stone.ko == .simple)
    let button = try #require(Rules(preset: "aga-button"))
    #expect(button.hasButton && button.komi == 7.0 && button.ko == .situational)
    #expect(Rules(preset: "no-such-rules") == nil)
  }

  @Test func buttonGoesToTheFirstPasser() throws {
    var g = GameState(size: 5, rules: .agaButton)
    try g.play(.play(pt(2, 2)))
    try g.play(.pass)  // White takes the button
    #expect(g.buttonTakenBy == .white)
    #expect(!g.isOver)
    try g.play(.pass)
    #expect(!g.isOver)  // the button pass does not count towards ending the game
    try g.play(.pass)
    #expect(g.isOver)
    // Black owns the whole board: 25 points; White gets komi 7 + button 0.5.
    #expect(g.score() == Score(black: 25, white: 7.5))
  }

  @Test func handicapBonusFollowsTheRules() {
    var chinese = GameState(size: 9, rules: .chinese.withKomi(0.5))
    chinese.placeHandicap([pt(2, 2), pt(6, 6), pt(2, 6)])
    #expect(chinese.toMove == .white)
    #expect(chinese.whiteHandicapBonus == 3)
    var aga = GameState(size: 9, rules: .aga)
    aga.placeHandicap([pt(2, 2), pt(6, 6), pt(2, 6)])
    #expect(aga.whiteHandicapBonus == 2)
    var jp = GameState(size: 9, rules: .japanese)
    jp.placeHandicap([pt(2, 2), pt(6, 6)])
    #expect(jp.whiteHandicapBonus == 0)
  }

  @Test func stoneScoringChargesEachGroup() throws {
    let two = """
      . X . X .
      X X X X X
      . . . . .
      O O O O O
      . O . O .
      """
    let g = GameState(board: try board(two), toMove: .black, rules: .stoneScoring.withKomi(0))
    let s = g.score()
    // Each side: 7 stones + 3 eye points... Black: 7 stones + (0,0),(2,0),(4,0) = 10 - 2 (one
    // group joined through its eyes) = 8. Row 2 is neutral (touches both colours).
    #expect(s.black == 8)
    #expect(s.white == 8)
    let split = """
      . X O X .
      X X O X X
      O O O . .
      . . . . .
      . . . . .
      """
    let h = GameState(board: try board(split), toMove: .black, rules: .stoneScoring.withKomi(0))
    let area = GameState(board: try board(split), toMove: .black, rules: .chinese.withKomi(0))
    // Black has two separate groups, each paying two points.
    #expect(area.score().black - h.score().black == 4)
  }
}
