import GoCore
import Testing

/// Builds a board from a diagram, failing the test if the diagram is malformed.
func board(_ diagram: String) throws -> Board {
  try #require(Board(diagram: diagram))
}

/// The point at a diagram column and row (both from the top-left, 0-based).
func pt(_ x: Int, _ y: Int) -> Point { Point(x: x, y: y) }

@Suite struct BoardCaptureTests {
  @Test func singleStoneCapture() throws {
    var b = try board("""
      . X . .
      X O . .
      . X . .
      . . . .
      """)
    #expect(b.liberties(pt(1, 1)) == 1)
    #expect(b.play(pt(2, 1), for: .black) == 1)
    #expect(b[pt(1, 1)] == .empty)
    #expect(b.capturedByBlack == 1)
    #expect(b.liberties(pt(1, 0)) == 3)
    #expect(b.invariantViolation() == nil)
  }

  @Test func diagramsWithoutLibertiesAreRejected() {
    #expect(Board(diagram: "O X .\nX . .\n. . .") == nil)
    #expect(Board(diagram: "X O .\nO . .\n. . .") == nil)
    #expect(Board(diagram: "X . Q") == nil)
    #expect(Board(diagram: "X . .\n. .") == nil)
  }

  @Test func cornerCapture() {
    var b = Board(size: 3)
    b.play(pt(0, 0), for: .white)
    b.play(pt(1, 0), for: .black)
    #expect(b.liberties(pt(0, 0)) == 1)
    #expect(b.play(pt(0, 1), for: .black) == 1)
    #expect(b[pt(0, 0)] == .empty)
    #expect(b.liberties(pt(1, 0)) == 3)
    #expect(b.invariantViolation() == nil)
  }

  @Test func multiStoneCaptureFreesLibertiesAround() throws {
    var b = try board("""
      . X X .
      X O O .
      . X X .
      . . . .
      """)
    #expect(b.liberties(pt(1, 1)) == 1)
    #expect(b.play(pt(3, 1), for: .black) == 2)
    #expect(b[pt(1, 1)] == .empty && b[pt(2, 1)] == .empty)
    #expect(b.liberties(pt(1, 0)) == 4)  // (0,0), (3,0), (1,1), (2,1)
    #expect(b.capturedByBlack == 2)
    #expect(b.invariantViolation() == nil)
  }

  @Test func mergingChainsCountsSharedLibertiesOnce() throws {
    var b = try board("""
      . . . . .
      . X . X .
      . . . . .
      . . . . .
      . . . . .
      """)
    b.play(pt(2, 1), for: .black)
    #expect(b.chainSize(pt(1, 1)) == 3)
    #expect(b.liberties(pt(1, 1)) == 8)
    #expect(b.libertyPoints(pt(3, 1)).count == 8)
    #expect(b.invariantViolation() == nil)
  }

  @Test func extendingAChainDoesNotDoubleCountLiberties() throws {
    var b = try board("""
      . . . .
      . X . .
      . . . .
      . . . .
      """)
    b.play(pt(2, 1), for: .black)
    b.play(pt(2, 2), for: .black)
    // Stones (1,1),(2,1),(2,2): liberties (1,0),(2,0),(0,1),(3,1),(1,2),(3,2),(2,3).
    #expect(b.liberties(pt(1, 1)) == 7)
    #expect(b.invariantViolation() == nil)
  }

  @Test func suicideDetection() throws {
    let b = try board("""
      . X .
      X . X
      . X .
      """)
    #expect(b.isSuicide(pt(1, 1), for: .white))
    #expect(!b.isLegal(pt(1, 1), for: .white))
    #expect(!b.isLegal(pt(1, 1), for: .white, multiStoneSuicide: true))  // single stone
    #expect(b.isLegal(pt(1, 1), for: .black))
  }

  @Test func multiStoneSuicideRemovesOwnChain() throws {
    var b = try board("""
      O O X .
      . X X .
      X . . .
      . . . .
      """)
    // White at (0,1) joins (0,0),(1,0) into a chain with no liberties.
    #expect(b.isSuicide(pt(0, 1), for: .white))
    #expect(!b.isLegal(pt(0, 1), for: .white))
    #expect(b.isLegal(pt(0, 1), for: .white, multiStoneSuicide: true))
    b.play(pt(0, 1), for: .white)
    #expect(b[pt(0, 0)] == .empty && b[pt(1, 0)] == .empty && b[pt(0, 1)] == .empty)
    #expect(b.capturedByBlack == 3)
    #expect(b.invariantViolation() == nil)
  }

  @Test func captureThatLooksLikeSuicideIsLegal() throws {
    let b = try board("""
      . X O .
      X O . O
      . X O .
      . . . .
      """)
    // Black at (2,1) fills its own last liberty but captures the White stone at (1,1).
    #expect(!b.isSuicide(pt(2, 1), for: .black))
    #expect(b.wouldCapture(pt(2, 1), for: .black))
    var c = b
    c.play(pt(2, 1), for: .black)
    #expect(c[pt(1, 1)] == .empty)
    #expect(c.koPoint == pt(1, 1))
    #expect(c.invariantViolation() == nil)
  }
}
