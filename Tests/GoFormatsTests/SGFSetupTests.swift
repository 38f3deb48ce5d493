import GoCore
import GoFormats
import Testing

/// Setup properties (`AE`, `AB`, `AW`) in nodes after moves: only the listed points change.
///
/// The expected boards are sgfmill's (`Board.apply_setup`, then `play`) for the same records,
/// except `smotheredChainsAreDropped`, where Tengen's board cannot hold a chain without
/// liberties (sgfmill keeps it).
@Suite struct SGFSetupTests {
  /// The final position of a record's main line as a diagram (top row first).
  func finalDiagram(_ text: String) throws -> String {
    let state = try SGFGame(text: text).replay()
    #expect(state.board.invariantViolation() == nil)
    return state.board.diagram
  }

  /// A multi-line literal as `Board.diagram` writes it (a newline after every row).
  func rows(_ diagram: String) -> String { diagram + "\n" }

  @Test(arguments: [
    (
      // Issue 18 item 16: AE[ee] clears E5 only; AB[gg] adds G3.
      "(;GM[1]SZ[9];B[ee];W[cc];AE[ee]AB[gg];B[dd])",
      """
      . . . . . . . . .
      . . . . . . . . .
      . . O . . . . . .
      . . . X . . . . .
      . . . . . . . . .
      . . . . . . . . .
      . . . . . . X . .
      . . . . . . . . .
      . . . . . . . . .
      """
    ),
    (
      // AE on one stone of the chain E5-E4 leaves E4; AW on an empty point and on a point
      // next to a white chain.
      "(;GM[1]SZ[9];B[ee];W[cc];B[ef];W[dc];AE[ee]AW[gg][ed];B[dd])",
      """
      . . . . . . . . .
      . . . . . . . . .
      . . O O . . . . .
      . . . X O . . . .
      . . . . . . . . .
      . . . . X . . . .
      . . . . . . O . .
      . . . . . . . . .
      . . . . . . . . .
      """
    ),
    (
      // AB on the middle stone of White's B5-C5-D5 replaces that stone only.
      "(;GM[1]SZ[5];B[aa];W[ba];B[ab];W[ca];B[ee];W[da];AB[ca])",
      """
      X O X O .
      X . . . .
      . . . . .
      . . . . .
      . . . . X
      """
    ),
    (
      // One node at once: AB[ac] takes White's last liberty, AW[bb] (over a black stone)
      // gives it new ones, so nothing is dropped whatever order the edits are read in.
      "(;GM[1]SZ[5];W[aa];B[ba];W[ab];B[bb];W[ee];AB[ac]AW[bb];B[dd])",
      """
      O X . . .
      O O . . .
      X . . . .
      . . . X .
      . . . . O
      """
    ),
  ] as [(String, String)])
  func laterSetupChangesOnlyTheListedPoints(_ record: String, _ expected: String) throws {
    #expect(try finalDiagram(record) == rows(expected))
  }

  @Test func smotheredChainsAreDropped() throws {
    // AW[ab] leaves Black's A5 without liberties: the chain the edit smothered goes, the
    // setup stone stays. AB[ee] inside White's corner has no liberty of its own: it goes.
    let record = "(;GM[1]SZ[5];B[aa];W[ba];B[cc];W[de];B[cd];W[ed];AW[ab]AB[ee])"
    #expect(
      try finalDiagram(record) == rows(
        """
        . O . . .
        O . . . .
        . . X . .
        . . X . O
        . . . O .
        """))
  }

  @Test func laterSetupKeepsCapturesAndThePlayerToMove() throws {
    // Black captures A5, then a setup node: the prisoner count survives it and White, who
    // was to move, still is.
    let state = try SGFGame(text: "(;SZ[5];W[aa];B[ba];W[ee];B[ab];AB[cc])").replay()
    #expect(state.board.capturedByBlack == 1)
    #expect(state.toMove == .white)
    #expect(state.board[Point(x: 0, y: 0)] == .empty)
    #expect(state.board[Point(x: 2, y: 2)] == .black)
  }
}
