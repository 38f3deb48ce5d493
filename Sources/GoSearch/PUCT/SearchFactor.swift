public import GoCore

/// How much of its budget a `genmove` search gets: KataGo's GTP factors that spend less once
/// the opponent passes or the game is clearly won (visits and seconds alike).
public enum SearchFactor {
  /// The factor for `player` to move after `moves`; `recentWhiteWinLoss` holds white's root
  /// win/loss value (−1…1) after each of our earlier searches, oldest first.
  /// - Complexity: O(1).
  public static func factor(
    moves: [(player: Player, move: Move)], recentWhiteWinLoss: [Double], player: Player,
    params p: PUCTParameters
  ) -> Double {
    var f = 1.0
    let n = moves.count
    if n >= 1 && moves[n - 1].move == .pass {
      f *= n >= 3 && moves[n - 3].move == .pass ? p.searchFactorAfterTwoPass : p.searchFactorAfterOnePass
    }
    let threshold = p.searchFactorWhenWinningThreshold
    if recentWhiteWinLoss.count >= 3 && threshold < 1 {
      let sign = Perspective.sign(player)
      let leastWinning = recentWhiteWinLoss.suffix(3).map { sign * $0 }.min()!
      let excess = leastWinning - threshold
      if excess > 0 { f *= 1 + excess / (1 - threshold) * (p.searchFactorWhenWinning - 1) }
    }
    return f
  }
}
