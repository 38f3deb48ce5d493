import GoCore

/// A test engine that counts dead-stone requests.
final class CountingEngine: TestEngine {
  private(set) var deadStoneCalls = 0
  override func deadStones(in state: GameState) throws -> Set<Point> {
    deadStoneCalls += 1
    return try super.deadStones(in: state)
  }
}
