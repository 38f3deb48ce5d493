/// Which candidate moves a report lists: one policy for both engines' snapshots.
extension AnalysisRequest {
  /// The moves a snapshot lists: every visited move in the engine's order (the move it would
  /// play first), then unvisited ones in prior order until there are `minMoves`, all cut to
  /// `maxMoves`. `unvisited` is only asked for when `minMoves` needs it.
  public func listedCandidates<Candidate>(
    visited: [Candidate], unvisited: () -> [Candidate]
  ) -> [Candidate] {
    var listed = visited
    if listed.count < minMoves { listed += unvisited().prefix(minMoves - listed.count) }
    if let maxMoves { listed = Array(listed.prefix(max(0, maxMoves))) }
    return listed
  }
}
