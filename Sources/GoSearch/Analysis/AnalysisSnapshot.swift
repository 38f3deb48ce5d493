public import GoCore

/// What a search knows at one moment: root statistics, candidate moves and ownership.
///
/// Every signed value (win rate, utility, scores, ownership, lcb) is from the point of view of
/// `toMove`, the player to move at the root; front ends convert to Black or White as their
/// protocol asks (`reportAnalysisWinratesAs`). Board arrays are row-major from the top-left
/// (A19 on 19×19), `width * height` long.
public struct AnalysisSnapshot: Sendable, Equatable {
  /// Board width.
  public var width: Int
  /// Board height.
  public var height: Int
  /// The player to move at the root; the perspective of every signed value.
  public var toMove: Player
  /// Root statistics.
  public var rootInfo: AnalysisRootInfo
  /// Candidate moves sorted by `order` (0 = the move the engine would play).
  public var moveInfos: [AnalysisMoveInfo]
  /// Search-averaged ownership in [-1, 1], +1 = `toMove` owns the point (nil: not requested or
  /// not available).
  public var ownership: [Double]?
  /// Standard deviation of the ownership over the search, in [0, 1].
  public var ownershipStdev: [Double]?
  /// Raw root policy, `width * height + 1` values (pass last), -1 for illegal points (nil: not
  /// requested or the engine has no policy).
  public var policy: [Double]?
  /// Why the search failed, for the user (the evaluator's error, a search thread the system
  /// refused); nil when it ran. The statistics are then whatever the tree held, and front ends
  /// report an error instead of them (the JSON engine's error line for the query).
  public var failure: String?

  public init(
    width: Int, height: Int, toMove: Player, rootInfo: AnalysisRootInfo,
    moveInfos: [AnalysisMoveInfo], ownership: [Double]? = nil, ownershipStdev: [Double]? = nil,
    policy: [Double]? = nil
  ) {
    self.width = width
    self.height = height
    self.toMove = toMove
    self.rootInfo = rootInfo
    self.moveInfos = moveInfos
    self.ownership = ownership
    self.ownershipStdev = ownershipStdev
    self.policy = policy
  }
}

/// Root statistics of an analysis (KataGo's `rootInfo`), from the side to move.
public struct AnalysisRootInfo: Sendable, Equatable {
  /// Visits of the root.
  public var visits: Int
  /// Total search weight of the root.
  public var weight: Double
  /// Combined win/score utility.
  public var utility: Double
  /// Win rate in [0, 1].
  public var winrate: Double
  /// Points the player to move is ahead (komi included).
  public var scoreLead: Double
  /// Expected final self-play score difference.
  public var scoreSelfplay: Double
  /// Standard deviation of the score, points.
  public var scoreStdev: Double
  /// The raw network's outputs at the root, nil when the engine has no network.
  public var raw: RawRootValues?

  public init(
    visits: Int, weight: Double, utility: Double, winrate: Double, scoreLead: Double,
    scoreSelfplay: Double, scoreStdev: Double, raw: RawRootValues? = nil
  ) {
    self.visits = visits
    self.weight = weight
    self.utility = utility
    self.winrate = winrate
    self.scoreLead = scoreLead
    self.scoreSelfplay = scoreSelfplay
    self.scoreStdev = scoreStdev
    self.raw = raw
  }
}

/// The network's own outputs for the root position, from the side to move.
public struct RawRootValues: Sendable, Equatable {
  public var winrate: Double
  public var lead: Double
  public var scoreSelfplay: Double
  public var scoreSelfplayStdev: Double
  /// No-result probability (not perspective-dependent).
  public var noResultProb: Double
  /// Short-term win/loss error as the network outputs it (GTP prints it as is; the JSON engine
  /// prints half of it).
  public var stWrError: Double
  public var stScoreError: Double
  public var varTimeLeft: Double

  public init(
    winrate: Double, lead: Double, scoreSelfplay: Double, scoreSelfplayStdev: Double,
    noResultProb: Double, stWrError: Double, stScoreError: Double, varTimeLeft: Double
  ) {
    self.winrate = winrate
    self.lead = lead
    self.scoreSelfplay = scoreSelfplay
    self.scoreSelfplayStdev = scoreSelfplayStdev
    self.noResultProb = noResultProb
    self.stWrError = stWrError
    self.stScoreError = stScoreError
    self.varTimeLeft = varTimeLeft
  }
}

/// One candidate move of an analysis (KataGo's `moveInfos` entry), from the side to move.
public struct AnalysisMoveInfo: Sendable, Equatable {
  public var move: Move
  /// Visits of the child node.
  public var visits: Int
  /// Visits the root sent along this edge.
  public var edgeVisits: Int
  /// Total search weight of the child.
  public var weight: Double
  /// Weight the root sent along this edge.
  public var edgeWeight: Double
  public var utility: Double
  /// Win rate in [0, 1].
  public var winrate: Double
  public var scoreLead: Double
  public var scoreSelfplay: Double
  public var scoreStdev: Double
  /// No-result probability.
  public var noResult: Double
  /// Policy prior in [0, 1].
  public var prior: Double
  /// Lower confidence bound of the win rate (may leave [0, 1]).
  public var lcb: Double
  public var utilityLcb: Double
  /// The value final-move selection ranks by (KataGo's `playSelectionValue`).
  public var playSelectionValue: Double
  /// Rank, 0 = best.
  public var order: Int
  /// Set when this move was not searched because it is symmetric to that one.
  public var isSymmetryOf: Move?
  /// Principal variation starting with `move`.
  public var pv: [Move]
  /// Visits of each node along the PV.
  public var pvVisits: [Int]
  /// Edge visits along the PV.
  public var pvEdgeVisits: [Int]
  /// Ownership after this move (row-major from the top-left, +1 = the root's player to move).
  public var ownership: [Double]?
  public var ownershipStdev: [Double]?

  public init(
    move: Move, visits: Int, edgeVisits: Int? = nil, weight: Double? = nil,
    edgeWeight: Double? = nil, utility: Double, winrate: Double, scoreLead: Double,
    scoreSelfplay: Double, scoreStdev: Double, noResult: Double = 0, prior: Double,
    lcb: Double, utilityLcb: Double, playSelectionValue: Double? = nil, order: Int,
    isSymmetryOf: Move? = nil, pv: [Move], pvVisits: [Int] = [], pvEdgeVisits: [Int] = [],
    ownership: [Double]? = nil, ownershipStdev: [Double]? = nil
  ) {
    self.move = move
    self.visits = visits
    self.edgeVisits = edgeVisits ?? visits
    self.weight = weight ?? Double(visits)
    self.edgeWeight = edgeWeight ?? weight ?? Double(visits)
    self.utility = utility
    self.winrate = winrate
    self.scoreLead = scoreLead
    self.scoreSelfplay = scoreSelfplay
    self.scoreStdev = scoreStdev
    self.noResult = noResult
    self.prior = prior
    self.lcb = lcb
    self.utilityLcb = utilityLcb
    self.playSelectionValue = playSelectionValue ?? Double(visits)
    self.order = order
    self.isSymmetryOf = isSymmetryOf
    self.pv = pv
    self.pvVisits = pvVisits
    self.pvEdgeVisits = pvEdgeVisits
    self.ownership = ownership
    self.ownershipStdev = ownershipStdev
  }
}
