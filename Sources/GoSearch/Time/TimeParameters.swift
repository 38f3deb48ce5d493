/// Settings of the time manager shared by both engines (`TimeManager`, `SearchTimer`); set by
/// name through the engines' parameter tables (`TimeParameters.settingSpecs`, ranges there).
/// `docs/SEARCH.md`, *Time management*, explains each one.
public struct TimeParameters: Sendable, Hashable {
  /// Seconds kept back on every move for network and GUI lag: no move plans to end later than
  /// this before its clock (or period) runs out.
  public var lagBuffer: Double = 0.5
  /// Seconds every future move needs at least; absolute time keeps this much per own move
  /// still expected in reserve (Fischer only what the increment does not cover).
  public var minMoveTime: Double = 0.05
  /// Expected length of a game in plies per board point (0.8: about 65 plies on 9×9, 289 on
  /// 19×19).
  public var expectedGameLength: Double = 0.8
  /// Plies still expected never fall below this share of the board's points: a game that
  /// runs long keeps a reserve.
  public var endgameMovesShare: Double = 0.1
  /// How much the position decides the plies left: the blend weight of
  /// `(1 − settled share) · expected length` against `expected length − plies played`.
  public var settledMovesWeight: Double = 0.5
  /// Ownership (0…1, either colour) from which a point counts as settled.
  public var settledOwnership: Double = 0.8
  /// Main-time budget factor in the opening (the first 10% of the expected plies).
  public var openingTimeFactor: Double = 0.8
  /// Main-time budget factor in the middle game (10%–60% of the expected plies).
  public var midgameTimeFactor: Double = 1.3
  /// The most of the usable main time (absolute, Fischer) one move may reach when extended.
  public var maxMainShare: Double = 0.25
  /// Japanese byo-yomi: an unclear move may run into the next period (spending one) while the
  /// spare periods (all but the last) are at least this many per own move left (0: whenever
  /// a spare period is left).
  public var periodSpendRate: Double = 0.05
  /// Japanese byo-yomi: spare periods never spent on purpose, kept against a move that runs
  /// late (a spend that overruns costs two periods; with none kept back, that is the game).
  public var bufferPeriods: Int = 1
  /// Early stop (Leela Zero's and KataGo's rule): stop when the best move leads the runner-up
  /// by more than this many times the visits the rest of the budget would bring (0: never).
  public var earlyStopMargin: Double = 1.0
  /// An unclear move may think up to this many times its budget (within the plan's limit).
  public var unclearTimeFactor: Double = 2.0
  /// A move is unclear when the runner-up has at least this share of the best move's visits.
  public var unclearVisitRatio: Double = 0.7
  /// ... or when their win rates (0…1) are this close (the runner-up with ≥ 10% of the visits).
  public var unclearValueGap: Double = 0.02
  /// ... or when the best move changed within this last share of the time spent.
  public var lateChangeShare: Double = 0.25
  /// A tree kept from pondering or the last move counts: the budget shrinks by up to this
  /// share, in proportion to the kept visits' part of the visits expected at the end.
  public var keptTreeDiscount: Double = 0.5

  public init() {}
}
