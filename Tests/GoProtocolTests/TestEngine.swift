import GoCore
import GoSearch

/// A deterministic engine for protocol tests: scripted decisions first, then the first legal
/// move that does not fill its own eye, scanning from a point that shifts with the move count.
class TestEngine: GoEngine {
  let name = "test"
  /// Decisions to return before falling back to the scan, in order.
  var script: [MoveDecision] = []
  /// Stones `deadStones` reports.
  var dead: Set<Point> = []
  /// When set, `deadStones` throws it (an engine whose evaluator failed).
  var deadStonesFailure: (any Error)?
  /// Every request received, in order.
  private(set) var requests: [MoveRequest] = []
  /// Number of `clear()` calls.
  private(set) var clears = 0
  /// Seconds the fake clock advances during each `generateMove` (see `FakeClock`).
  var thinkingTime = 0.0
  var clock: FakeClock?

  func generateMove(for state: GameState, request: MoveRequest) -> MoveDecision {
    requests.append(request)
    clock?.advance(thinkingTime)
    if !script.isEmpty { return script.removeFirst() }
    let points = state.board.points
    guard !points.isEmpty else { return .move(.pass) }
    let start = (state.moves.count * 7) % points.count
    for k in 0..<points.count {
      let p = points[(start + k) % points.count]
      if state.board[p] == .empty && !state.board.isEye(p, of: state.toMove)
        && state.isLegal(.play(p))
      {
        return .move(.play(p))
      }
    }
    return .move(.pass)
  }

  func deadStones(in state: GameState) throws -> Set<Point> {
    if let deadStonesFailure { throw deadStonesFailure }
    return dead.filter { state.board[$0] != .empty }
  }

  func clear() { clears += 1 }
}
