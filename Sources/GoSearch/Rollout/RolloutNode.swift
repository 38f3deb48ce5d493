public import GoCore

/// One node of the rollout search tree, stored by value in `RolloutTree`'s flat arena.
///
/// Statistics are from the point of view of `player`, the player who made `move`.
public struct RolloutNode: Sendable {
  /// The move leading here: a padded point index, 0 for a pass.
  public var move: Int16
  /// The player who made `move` (`Player.rawValue`).
  public var player: UInt8
  /// True once children have been created.
  public var expanded: Bool
  /// Number of children (valid when expanded).
  public var childCount: Int16
  /// Simulations currently running through this node (counted as losses while in flight).
  public var virtualLoss: Int16
  /// Arena index of the first child (children are contiguous).
  public var firstChild: Int32
  /// Completed simulations through this node.
  public var visits: Int32
  /// Sum of results (1 win, 0 loss, 0.5 draw) for `player`.
  public var wins: Float
  /// All-moves-as-first visits and wins (RAVE).
  public var raveVisits: Float
  public var raveWins: Float
  /// Prior knowledge as virtual wins out of `RolloutParameters.priorWeight` virtual visits.
  public var priorWins: Float

  public init(move: Int16, player: UInt8, priorWins: Float) {
    self.move = move
    self.player = player
    expanded = false
    childCount = 0
    virtualLoss = 0
    firstChild = -1
    visits = 0
    wins = 0
    raveVisits = 0
    raveWins = 0
    self.priorWins = priorWins
  }

  /// The move as a `Move`.
  public var asMove: Move {
    move == 0 ? .pass : .play(Point(index: move))
  }

  /// Mean result for `player` over real visits, or nil before the first visit.
  public var winRate: Double? {
    visits > 0 ? Double(wins) / Double(visits) : nil
  }
}

