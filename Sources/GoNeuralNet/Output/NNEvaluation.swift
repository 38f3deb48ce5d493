/// One post-processed network evaluation, from White's perspective, on the board's own grid.
public struct NNEvaluation: Sendable, Equatable {
  /// Board width.
  public var xSize: Int
  /// Board height.
  public var ySize: Int
  /// The player to move (1 black, 2 white).
  public var nextPlayer: UInt8
  /// Move probabilities, `[y][x]` row-major from the top-left; -1 for illegal points.
  public var policy: [Float]
  /// Probability of passing.
  public var passProbability: Float
  /// White win probability.
  public var whiteWin: Float
  /// White loss probability.
  public var whiteLoss: Float
  /// No-result probability.
  public var noResult: Float
  /// Expected score lead for White.
  public var whiteLead: Float
  /// Expected self-play score for White.
  public var whiteScoreMean: Float
  /// Expected squared self-play score.
  public var whiteScoreMeanSq: Float
  /// Predicted variance-time-left.
  public var varTimeLeft: Float
  /// Short-term win/loss error (-1 when the model has none).
  public var shorttermWinlossError: Float
  /// Short-term score error (-1 when the model has none).
  public var shorttermScoreError: Float
  /// White ownership in [-1, 1], `[y][x]`.
  public var whiteOwnership: [Float]

  public init(
    xSize: Int, ySize: Int, nextPlayer: UInt8, policy: [Float], passProbability: Float,
    whiteWin: Float, whiteLoss: Float, noResult: Float, whiteLead: Float, whiteScoreMean: Float,
    whiteScoreMeanSq: Float, varTimeLeft: Float = 0, shorttermWinlossError: Float = -1,
    shorttermScoreError: Float = -1, whiteOwnership: [Float]
  ) {
    self.xSize = xSize
    self.ySize = ySize
    self.nextPlayer = nextPlayer
    self.policy = policy
    self.passProbability = passProbability
    self.whiteWin = whiteWin
    self.whiteLoss = whiteLoss
    self.noResult = noResult
    self.whiteLead = whiteLead
    self.whiteScoreMean = whiteScoreMean
    self.whiteScoreMeanSq = whiteScoreMeanSq
    self.varTimeLeft = varTimeLeft
    self.shorttermWinlossError = shorttermWinlossError
    self.shorttermScoreError = shorttermScoreError
    self.whiteOwnership = whiteOwnership
  }

  /// The score standard deviation implied by the mean and mean square.
  public var whiteScoreStdev: Float { max(0, whiteScoreMeanSq - whiteScoreMean * whiteScoreMean).squareRoot() }
}
