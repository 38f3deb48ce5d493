import GoSearch
import Testing

/// `AnalysisRequest.listedCandidates`: the one listing policy of both engines' snapshots.
@Suite struct AnalysisCandidateTests {
  @Test func visitedMovesComeFirstAndUnvisitedOnesFillUpToMinMoves() {
    var request = AnalysisRequest()
    request.minMoves = 4
    #expect(request.listedCandidates(visited: [1, 2]) { [7, 8, 9] } == [1, 2, 7, 8])
    request.minMoves = 0
    #expect(request.listedCandidates(visited: [1, 2]) { [7, 8, 9] } == [1, 2])
  }

  @Test func maxMovesCutsTheList() {
    var request = AnalysisRequest()
    request.minMoves = 5
    request.maxMoves = 3
    #expect(request.listedCandidates(visited: [1, 2]) { [7, 8, 9] } == [1, 2, 7])
    request.maxMoves = 0
    #expect(request.listedCandidates(visited: [1, 2]) { [7] }.isEmpty)
  }

  @Test func unvisitedMovesAreOnlyRankedWhenNeeded() {
    var request = AnalysisRequest()
    request.minMoves = 2
    var asked = false
    _ = request.listedCandidates(visited: [1, 2, 3]) {
      asked = true
      return [9]
    }
    #expect(!asked)
  }
}
