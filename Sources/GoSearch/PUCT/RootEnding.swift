import Foundation
import GoCore
import GoFeatures

/// KataGo's root-only rules for ending a game cleanly: the ending bonus
/// (`rootEndingBonusPoints`) and the pruning of useless moves (`rootPruneUselessMoves`).
///
/// The bonus is a few score points (White's view) added to a root move's searched score when
/// its utility is compared: in the move selection (PUCT) and in the lower confidence bound of
/// the final choice, never in what is backed up. With the network's root ownership map:
/// * area scoring: a move on a point the opponent owns almost surely (beyond 0.95) that
///   captures nothing, or on a point the mover owns almost surely that touches no opponent
///   stone and connects no own groups outside the pass-alive area, loses
///   `rootEndingBonusPoints × (|ownership| − 0.95) / 0.05`; with a button still to take, a pass
///   loses half the bonus;
/// * territory scoring: the same, without the capture exception, and a pass loses 2/3 of it;
/// * nothing while a ko is on the board.
///
/// Under territory scoring it also decides `fillDameBeforePass` (`suppressesPass`).
struct RootEnding: Sendable {
  /// White score points per root move, by `Point.i`.
  private var points: [Double]
  private var pass = 0.0
  /// True by `Point.i` for moves the root may not play (empty unless pruning applies).
  private var pruned: [Bool] = []
  private let center: Double
  private let area: Int
  private let params: PUCTParameters
  private let board: Board
  private let player: Player
  private let territoryScoring: Bool
  /// The root's ownership (`[y][x]`, White's view; empty if none).
  private let ownership: [Float]

  /// The bonuses and pruning for the search root `state`, from the root evaluation's
  /// ownership (`[y][x]`, White's view) and the search's score centre.
  /// - Complexity: O(area) plus one pass-alive analysis.
  init(state: GameState, whiteOwnership own: [Float], center: Double, _ p: PUCTParameters) {
    self.center = center
    self.params = p
    let board = state.board
    self.board = board
    player = state.toMove
    territoryScoring = state.rules.scoring == .territory
    ownership = own.count == board.area ? own : []
    area = board.area
    points = [Double](repeating: 0, count: Point.capacity)
    let pla = state.toMove
    let rules = state.rules
    let safe = board.kataGoArea(
      suicideLegal: rules.multiStoneSuicideLegal, nonPassAliveStones: false,
      safeBigTerritories: false, unsafeBigTerritories: false)
    let sign = pla == .white ? 1.0 : -1.0
    let k = p.rootEndingBonusPoints
    let areaScoring = rules.scoring == .area
    if k != 0 && own.count == board.area {
      if board.koPoint.isNone {
        for point in board.points where board[point] == .empty {
          let o = sign * Double(own[point.y * board.width + point.x])
          var extra = 0.0
          if o <= -0.95 {
            if !areaScoring || !board.wouldCapture(point, for: pla) { extra = -k * (-0.95 - o) / 0.05 }
          } else if o >= 0.95 {
            let touchesOpponent = point.adjacent.contains { board[$0] == pla.opponent.stone }
            if !touchesOpponent && !Self.joinsGroupsOutsideSafeArea(board, point, pla, safe) {
              extra = -k * (o - 0.95) / 0.05
            }
          }
          points[point.i] = sign * extra
        }
      }
      if areaScoring {
        if rules.hasButton && state.buttonTakenBy == nil { pass = sign * -k * 0.5 }
      } else {
        pass = sign * -k * 2 / 3
      }
    }
    // The opponent's last four moves were passes: no moves inside pass-alive areas.
    let moves = state.moves
    let opp = pla.opponent
    if p.rootPruneUselessMoves && moves.count >= 7
      && [1, 3, 5, 7].allSatisfy({ moves[moves.count - $0].player == opp && moves[moves.count - $0].move == .pass })
    {
      pruned = [Bool](repeating: false, count: Point.capacity)
      for point in board.points where safe[point.i] != .empty { pruned[point.i] = true }
    }
  }

  /// KataGo's `isNonPassAliveSelfConnection`: `point` is empty, outside the mover's pass-alive
  /// area, and joins a mover's chain outside that area to another of the mover's chains.
  static func joinsGroupsOutsideSafeArea(_ board: Board, _ point: Point, _ pla: Player, _ safe: [Stone])
    -> Bool
  {
    let mine = pla.stone
    guard board[point] == .empty, safe[point.i] != mine else { return false }
    guard let first = point.adjacent.first(where: { board[$0] == mine && safe[$0.i] == .empty }) else {
      return false
    }
    let head = board.chainHead(first)
    return point.adjacent.contains { board[$0] == mine && board.chainHead($0) != head }
  }

  /// White score points added to `move` at the root.
  func whitePoints(_ move: Move) -> Double {
    switch move {
    case .pass: return pass
    case .play(let p): return points[p.i]
    }
  }

  /// Whether the root may not play `move`.
  func isPruned(_ move: Move) -> Bool {
    guard !pruned.isEmpty, case .play(let p) = move else { return false }
    return pruned[p.i]
  }

  /// The utility (White's view) that `child`'s bonus adds to its searched utility: the score
  /// terms at its mean score shifted by the bonus, minus at its mean score (0 if unvisited).
  func utilityDiff(_ child: PUCTNode) -> Double {
    let bonus = whitePoints(child.move)
    guard bonus != 0, child.weightSum > 0 else { return 0 }
    let mean = child.scoreSum / child.weightSum
    let stdev = max(0, child.scoreSqSum / child.weightSum - mean * mean).squareRoot()
    func terms(_ score: Double) -> Double {
      params.staticScoreUtilityFactor
        * PUCTEngine.expectedScoreValue(
          mean: score, stdev: stdev, center: 0, scale: params.staticScoreScale, area: area)
        + params.dynamicScoreUtilityFactor
        * PUCTEngine.expectedScoreValue(
          mean: score, stdev: stdev, center: center, scale: params.dynamicScoreCenterScale, area: area)
    }
    return terms(mean + bonus) - terms(mean)
  }

  /// KataGo's `fillDameBeforePass`: under territory scoring, whether a searched root child
  /// other than pass is nearly as good as passing for the root player — utility within 0.1,
  /// score mean and lead within 0.5 points, enough weight (over 500 visits or over 2√ of the
  /// pass's weight), and not a point the opponent owns beyond 0.95 unless it touches one the
  /// mover owns beyond 0.95.
  func suppressesPass(_ children: [PUCTNode]) -> Bool {
    guard params.fillDameBeforePass, territoryScoring, !ownership.isEmpty,
      let pass = children.first(where: { $0.move == .pass }), pass.visits > 0, pass.weightSum > 1e-10
    else { return false }
    let s = player == .white ? 1.0 : -1.0
    func owned(_ p: Point) -> Double { s * Double(ownership[p.y * board.width + p.x]) }
    let passUtility = s * pass.utilitySum / pass.weightSum
    let passScore = s * pass.scoreSum / pass.weightSum
    let passLead = s * pass.leadSum / pass.weightSum
    for c in children {
      guard case .play(let p) = c.move else { continue }
      if owned(p) < -0.95 && !p.adjacent.contains(where: { board.contains($0) && owned($0) > 0.95 }) {
        continue
      }
      if (c.visits <= 500 && c.weightSum <= 2 * pass.weightSum.squareRoot()) || c.weightSum <= 1e-10 {
        continue
      }
      if s * c.utilitySum / c.weightSum > passUtility - 0.1 && s * c.scoreSum / c.weightSum > passScore - 0.5
        && s * c.leadSum / c.weightSum > passLead - 0.5
      {
        return true
      }
    }
    return false
  }
}
