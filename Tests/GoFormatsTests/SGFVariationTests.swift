import GoCore
import GoFormats
import Testing

/// `SGFGame.nodePositions`: every node of a tree with variations and the position after it,
/// replayed by the same per-node rules as the main line.
@Suite struct SGFVariationTests {
  static let record = "(;GM[1]SZ[5]AB[aa];W[cc](;B[bb];W[dd])(;B[dd]C[other])(;B[ee]))"

  @Test func everyNodeWithItsParentMoveAndBoard() throws {
    let nodes = try SGFGame(text: Self.record).nodePositions()
    #expect(nodes.map(\.parent) == [nil, 0, 1, 2, 1, 1])
    #expect(nodes.map(\.depth) == [0, 1, 2, 3, 2, 2])
    #expect(nodes[0].move == nil && nodes[0].board[0, 0] == .black && nodes[0].toMove == .black)
    #expect(nodes[3].move?.player == .white && nodes[3].move?.move == .play(Point(x: 3, y: 3)))
    #expect(nodes[3].board[1, 1] == .black && nodes[3].board[3, 3] == .white)
    // A variation does not see its siblings' stones.
    #expect(nodes[4].board[1, 1] == .empty && nodes[4].board[3, 3] == .black)
    #expect(nodes[4].comment == "other" && nodes[4].toMove == .white)
    #expect(nodes[5].board[4, 4] == .black && nodes[5].board[3, 3] == .empty)
  }

  @Test func theMainLineMatchesReplay() throws {
    let game = try SGFGame(text: Self.record)
    let nodes = try game.nodePositions()
    let replayed = try game.replay()
    #expect(nodes[3].board.hash == replayed.board.hash)
  }

  @Test func anIllegalMoveInAVariationThrowsWithItsPosition() {
    #expect(throws: SGFError.self) {
      try SGFGame(text: "(;GM[1]SZ[5];B[aa](;W[bb])(;W[aa]))").nodePositions()
    }
  }
}
