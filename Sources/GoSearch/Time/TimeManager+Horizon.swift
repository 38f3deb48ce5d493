/// How long the game is expected to go on, and how much of a move's share the game phase
/// gives it.
extension TimeManager {
  /// Plies a whole game is expected to last: `expectedGameLength` per board point.
  public func expectedPlies(area: Int) -> Double {
    max(1, parameters.expectedGameLength * Double(area))
  }

  /// Own moves the game is expected still to last: half the plies left, those from the move
  /// number (`expected plies − plies played`) blended with those from the position
  /// (`(1 − settled share) · expected plies`, weight `settledMovesWeight`), never fewer than
  /// `endgameMovesShare` of the points, and at least one.
  public func ownMovesLeft(_ context: PlanningContext) -> Double {
    let p = parameters
    let total = expectedPlies(area: context.area)
    let byMoves = max(0, total - Double(context.movesPlayed))
    var plies = byMoves
    if let settled = context.settledShare {
      let byPosition = (1 - min(1, max(0, settled))) * total
      plies = (1 - p.settledMovesWeight) * byMoves + p.settledMovesWeight * byPosition
    }
    return max(1, max(plies, p.endgameMovesShare * Double(context.area)) / 2)
  }

  /// Main-time weight of the move: `openingTimeFactor` in the first 10% of the expected
  /// plies, `midgameTimeFactor` up to 60%, then 1.
  public func phaseFactor(_ context: PlanningContext) -> Double {
    let f = Double(context.movesPlayed) / expectedPlies(area: context.area)
    if f < 0.1 { return parameters.openingTimeFactor }
    if f < 0.6 { return parameters.midgameTimeFactor }
    return 1
  }

  /// Share of `values` (ownership in −1…1, one per board point) settled, |value| ≥
  /// `settledOwnership`; nil for no values.
  public func settledShare<S: Sequence>(_ values: S) -> Double? where S.Element: BinaryFloatingPoint {
    var settled = 0
    var count = 0
    for v in values {
      count += 1
      if abs(Double(v)) >= parameters.settledOwnership { settled += 1 }
    }
    return count > 0 ? Double(settled) / Double(count) : nil
  }
}
