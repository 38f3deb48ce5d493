public import GoCore
import GoFormats

/// What one search found: the best move, its win rate, statistics and the principal variation.
public struct SearchSummary: Sendable, CustomStringConvertible {
  /// One root move with its statistics.
  public struct Candidate: Sendable {
    public var move: Move
    public var visits: Int
    /// Win rate for the player to move.
    public var winRate: Double
    /// RAVE visits and win rate.
    public var raveVisits: Double
    public var prior: Double
  }

  /// The most visited move, or nil if the root had no children.
  public var best: Move?
  /// Win rate of the best move for the player to move (0.5 before any simulation).
  public var winRate: Double
  /// Simulations in the tree's root (the kept tree's earlier ones included).
  public var playouts: Int
  public var seconds: Double
  public var principalVariation: [Move]
  /// Root moves, most visited first.
  public var candidates: [Candidate]
  /// Mean final ownership per padded index (+1 White, −1 Black: White's view, `Perspective`)
  /// over this search's playouts.
  public var ownership: [Double]
  public var toMove: Player
  /// The time plan of a timed move (nil: a playout limit only, or analysis).
  public var plan: TimePlan?
  /// Why the search stopped.
  public var stop: StopReason?
  let board: Board

  /// The per-move time line of the log: budget, time used, why the search stopped.
  public var timeLine: String { TimePlan.logLine(plan, used: seconds, stop: stop) }

  init(tree: RolloutTree, toMove: Player, seconds: Double, board: Board) {
    var cands: [Candidate] = []
    for c in tree.rootChildren {
      let n = tree.nodes[c]
      cands.append(
        Candidate(
          move: n.asMove, visits: Int(n.visits), winRate: n.winRate ?? 0.5,
          raveVisits: Double(n.raveVisits), prior: Double(n.priorWins)))
    }
    cands.sort { $0.visits > $1.visits }
    candidates = cands
    best = tree.bestRootChild().map { tree.nodes[$0].asMove }
    winRate = tree.bestRootChild().flatMap { tree.nodes[$0].winRate } ?? 0.5
    playouts = tree.rootVisits
    self.seconds = seconds
    principalVariation = tree.principalVariation()
    let samples = max(Int(tree.ownershipSamples), 1)
    ownership = tree.ownership.map { Double($0) / Double(samples) }
    self.toMove = toMove
    self.board = board
  }

  public var description: String {
    let pv = principalVariation.map { GTPVertex.text($0, height: board.height) }.joined(separator: " ")
    let rate = seconds > 0 ? Double(playouts) / seconds : 0
    let best = self.best.map { GTPVertex.text($0, height: board.height) } ?? "-"
    return
      "\(toMove == .black ? "B" : "W") \(best) winrate \(String(format: "%.3f", winRate)) "
      + "playouts \(playouts) in \(String(format: "%.2f", seconds)) s "
      + "(\(Int(rate))/s) pv \(pv)"
  }
}
