import GoCore
import Testing

/// A finished 7×7 position whose owner of every point is known, for the rollout tests: Black
/// owns the four left columns (28 points), White the three right ones (21), every group has
/// two or more single-point eyes, so no playout changes it; Black wins by 6.5 at komi 0.5.
enum SettledPosition {
  static func state(toMove: Player) throws -> GameState {
    let b = try #require(Board(diagram: """
      . X . X O . O
      X X X X O O O
      . X . X O . O
      X X X X O O O
      . X . X O . O
      X X X X O O .
      . X . X O O O
      """))
    return GameState(board: b, toMove: toMove, rules: Rules.chinese.withKomi(0.5))
  }
}
