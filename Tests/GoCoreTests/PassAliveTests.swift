import GoCore
import Testing

@Suite struct PassAliveTests {
  @Test func twoEyedGroupIsPassAlive() throws {
    let b = try board("""
      . X . X O .
      X X X X O .
      O O O O O .
      . . . . . .
      . . . . . .
      . . . . . .
      """)
    let black = b.passAlive(.black)
    #expect(black[pt(1, 1).i])
    #expect(black[pt(0, 0).i] && black[pt(2, 0).i])  // the eyes are pass-alive territory
    let white = b.passAlive(.white)
    #expect(!white[pt(4, 0).i])  // White has no eyes yet
  }

  @Test func oneEyedGroupIsNotPassAlive() throws {
    let b = try board("""
      . . X O .
      X X X O .
      O O O O .
      . . . . .
      . . . . .
      """)
    let black = b.passAlive(.black)
    #expect(!black[pt(2, 0).i])
    #expect(!black[pt(0, 0).i])
  }

  @Test func chainsSharingTwoEyesAreBothPassAlive() throws {
    // The lone stone (0,0) and the chain around it share the eyes (1,0) and (0,1): each eye is
    // vital to both chains, so both live although neither has two eyes of its own.
    let b = try board("""
      X . X O
      . X X O
      X X O O
      O O O .
      """)
    let black = b.passAlive(.black)
    #expect(black[pt(0, 0).i] && black[pt(1, 1).i])
    #expect(black[pt(1, 0).i] && black[pt(0, 1).i])
    #expect(!b.passAlive(.white)[pt(3, 0).i])
  }

  @Test func deadStonesInsideAPassAliveGroupAreItsTerritory() throws {
    let b = try board("""
      . X O . X . O
      X X X X X X O
      O O O O O O O
      . . . . . . .
      . . . . . . .
      . . . . . . .
      . . . . . . .
      """)
    let black = b.passAlive(.black)
    #expect(black[pt(1, 1).i])
    #expect(black[pt(2, 0).i] && black[pt(3, 0).i])  // the White stone's region
    #expect(!b.passAlive(.white)[pt(2, 0).i])
  }

  @Test func wholeBoardEmptyIsNotPassAlive() {
    let b = Board(size: 9)
    #expect(!b.passAlive(.black).contains(true))
  }

  @Test func passAliveOwnershipCombinesBothColours() throws {
    let b = try board("""
      . X . X O . O
      X X X X O O O
      . . . . . . .
      . . . . . . .
      . . . . . . .
      . . . . . . .
      . . . . . . .
      """)
    // Black has two eyes at the edge; White only one, and the open board is nobody's.
    let g = GameState(board: b, toMove: .black)
    let own = g.passAliveOwnership()
    #expect(own[pt(0, 0).i] == .black && own[pt(1, 1).i] == .black)
    #expect(own[pt(4, 0).i] == .empty && own[pt(5, 0).i] == .empty)
    #expect(own[pt(3, 4).i] == .empty)
  }
}
