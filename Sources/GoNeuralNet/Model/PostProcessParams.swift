/// The output multipliers stored in v13+ model headers (defaults for older files).
public struct PostProcessParams: Sendable, Equatable {
  /// TD score multiplier (read, unused).
  public var tdScoreMultiplier: Float = 20
  /// Score mean multiplier.
  public var scoreMeanMultiplier: Float = 20
  /// Score stdev multiplier.
  public var scoreStdevMultiplier: Float = 20
  /// Lead multiplier.
  public var leadMultiplier: Float = 20
  /// Variance-time multiplier.
  public var varianceTimeMultiplier: Float = 40
  /// Short-term value error multiplier.
  public var shorttermValueErrorMultiplier: Float = 0.25
  /// Short-term score error multiplier.
  public var shorttermScoreErrorMultiplier: Float = 30

  /// The defaults of files before version 13.
  public init() {}
}
