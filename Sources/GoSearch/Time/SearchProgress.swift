public import GoCore

/// The root's two most visited moves during a search: what `SearchTimer` judges by.
public struct SearchProgress: Sendable, Equatable {
  /// The most visited move (nil before any).
  public var best: Move?
  public var bestVisits: Int
  public var secondVisits: Int
  /// Win rates (0…1) of the two for the player to move.
  public var bestValue: Double
  public var secondValue: Double
  /// Visits this search has made (not those of a kept tree).
  public var newVisits: Int

  public init(
    best: Move?, bestVisits: Int, secondVisits: Int, bestValue: Double = 0.5,
    secondValue: Double = 0.5, newVisits: Int
  ) {
    self.best = best
    self.bestVisits = bestVisits
    self.secondVisits = secondVisits
    self.bestValue = bestValue
    self.secondValue = secondValue
    self.newVisits = newVisits
  }
}
