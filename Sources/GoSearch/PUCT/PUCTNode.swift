import GoCore

/// One node of the PUCT tree, stored by value in the arena; children are a contiguous run.
///
/// Every sum is from White's point of view; `Perspective.sign(_:)` converts, in one place.
/// Sums are weighted by each visit's uncertainty weight (KataGo's uncertainty-weighted
/// playouts); means divide by `weightSum`, never by `visits`.
struct PUCTNode: Sendable {
  enum Status: UInt8, Sendable {
    /// Not evaluated yet.
    case fresh
    /// A search thread is evaluating it.
    case evaluating
    /// Evaluated; children (if any) created.
    case expanded
    /// The game is over here; the values are exact.
    case terminal
  }

  /// The move that leads here from the parent.
  var move: Move
  /// Parent index (-1 for the root).
  var parent: Int32
  /// First child's index (-1: none).
  var firstChild: Int32 = -1
  /// Number of children.
  var childCount: Int32 = 0
  /// Policy prior of `move` at the parent.
  var prior: Float
  var status: Status = .fresh
  /// Completed visits.
  var visits: Int32 = 0
  /// Visits on their way down or waiting for the network (virtual loss).
  var inFlight: Int32 = 0
  /// Sum of the visits' weights (1 per visit when the evaluator reports no uncertainty).
  var weightSum: Double = 0
  /// Sum of the squared weights (for the effective sample size).
  var weightSqSum: Double = 0
  /// Weighted sum of utilities backed up (White's view).
  var utilitySum: Double = 0
  /// Sum of squared utilities.
  var utilitySqSum: Double = 0
  /// Sum of White win minus White loss.
  var winLossSum: Double = 0
  /// Sum of no-result probabilities.
  var noResultSum: Double = 0
  /// Sum of White score leads.
  var leadSum: Double = 0
  /// Sum of White self-play score means.
  var scoreSum: Double = 0
  /// Sum of White self-play score second moments.
  var scoreSqSum: Double = 0
  /// The node's own evaluation (White's view), backed up again when the node cannot grow.
  var own = LeafValues()
  /// Key of the node's subtree value bias entry (0: none).
  var biasKey: UInt64 = 0
  /// What this node last put into that entry: (children − own) × weight, and the weight.
  var biasDelta: Double = 0
  var biasWeight: Double = 0

  init(move: Move, parent: Int32, prior: Float) {
    self.move = move
    self.parent = parent
    self.prior = prior
  }

  /// Adds one visit's values with their weight.
  mutating func add(_ v: LeafValues) {
    visits += 1
    let w = v.weight
    weightSum += w
    weightSqSum += w * w
    utilitySum += w * v.utility
    utilitySqSum += w * v.utility * v.utility
    winLossSum += w * v.winLoss
    noResultSum += w * v.noResult
    leadSum += w * v.lead
    scoreSum += w * v.score
    scoreSqSum += w * v.scoreSq
  }

  /// The weighted mean of one of the sums (0 before any visit).
  @inline(__always)
  func mean(_ sum: Double) -> Double { weightSum > 0 ? sum / weightSum : 0 }

  /// Effective number of samples behind the means: (Σw)² / Σw².
  var effectiveSamples: Double { weightSqSum > 0 ? weightSum * weightSum / weightSqSum : 0 }
}

/// The values one visit backs up, White's view.
struct LeafValues: Sendable {
  /// How much this visit counts (uncertainty weight; 1 for exact or unweighted values).
  var weight: Double = 1
  var utility: Double = 0
  var winLoss: Double = 0
  var noResult: Double = 0
  var lead: Double = 0
  var score: Double = 0
  var scoreSq: Double = 0
  /// The network's short-term win/loss and score errors (−1: none), kept so that the weight
  /// can be recomputed when the score centre moves.
  var wlError: Double = -1
  var scoreError: Double = -1
}
