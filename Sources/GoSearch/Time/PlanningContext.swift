/// What the planner knows about the game besides the clock.
public struct PlanningContext: Sendable, Equatable {
  /// Points on the board.
  public var area: Int
  /// Moves played so far (both players, passes included).
  public var movesPlayed: Int
  /// Share (0…1) of the board's points whose owner looks settled, from the network's
  /// ownership or the playouts' (nil: unknown).
  public var settledShare: Double?
  /// Root visits the search starts with (a tree kept from pondering or the last move).
  public var keptVisits: Int
  /// Visits per second the last search made (nil: unknown).
  public var visitRate: Double?
  /// Seconds by which recent moves ran past their plans' limits (`OverrunTracker`).
  public var overrun: Double

  public init(
    area: Int, movesPlayed: Int, settledShare: Double? = nil, keptVisits: Int = 0,
    visitRate: Double? = nil, overrun: Double = 0
  ) {
    self.area = area
    self.movesPlayed = movesPlayed
    self.settledShare = settledShare
    self.keptVisits = keptVisits
    self.visitRate = visitRate
    self.overrun = overrun
  }
}
