public import GoCore
import Foundation

/// The rollout search tree: nodes in one flat arena addressed by `Int32` indices.
///
/// Not thread-safe by itself; `RolloutEngine` guards it with a mutex. Node 0 is the root, whose
/// `player` is the player who moved last (the opponent of the player to move).
public struct RolloutTree: Sendable {
  public var nodes: [RolloutNode]
  /// Per padded index: playouts in which the point ended White's, minus those it ended Black's
  /// (White's view, `Perspective`).
  public var ownership: [Int32]
  /// Playouts whose final positions `ownership` counts.
  public var ownershipSamples: Int32 = 0

  /// A tree with only a root for a position where `lastPlayer` moved last.
  public init(lastPlayer: Player) {
    nodes = [RolloutNode(move: 0, player: lastPlayer.rawValue, priorWins: 0)]
    nodes.reserveCapacity(1 << 16)
    ownership = [Int32](repeating: 0, count: Point.capacity)
  }

  /// The root's children, in arena order.
  public var rootChildren: Range<Int> {
    let r = nodes[0]
    guard r.expanded else { return 0..<0 }
    return Int(r.firstChild)..<Int(r.firstChild) + Int(r.childCount)
  }

  /// Adds the children of `index` for the position `board` with `toMove` to play.
  ///
  /// Candidate moves are the legal points that do not fill the mover's own eye, plus pass
  /// (unless `allowPass` is false). `legal` filters points further (superko at the root).
  /// Each child starts with prior knowledge: captures, atari escapes and local shape raise it;
  /// self-atari of several stones and lonely first-line moves lower it.
  public mutating func expand(
    _ index: Int, board: inout Board, toMove: Player, lastMove: Point,
    params: RolloutParameters, playout: Playout, allowPass: Bool,
    legal: ((Point) -> Bool)? = nil
  ) {
    guard !nodes[index].expanded else { return }
    let first = nodes.count
    let weight = params.priorWeight
    for y in 0..<board.height {
      for x in 0..<board.width {
        let p = Point(x: x, y: y)
        guard board[p] == .empty,
          board.isLegal(p, for: toMove, multiStoneSuicide: playout.multiStoneSuicide),
          !board.isEye(p, of: toMove)
        else { continue }
        if let legal, !legal(p) { continue }
        let value = RolloutTree.prior(
          board: &board, p, toMove, lastMove: lastMove, playout: playout)
        nodes.append(RolloutNode(move: p.index, player: toMove.rawValue, priorWins: value * weight))
      }
    }
    let stonesOnBoard = board.area - board.emptyCount
    if allowPass || nodes.count == first {
      // Passing is rarely right while the board is still open.
      let passValue: Float = stonesOnBoard * 2 > board.area ? 0.4 : 0.1
      nodes.append(RolloutNode(move: 0, player: toMove.rawValue, priorWins: passValue * weight))
    }
    nodes[index].firstChild = Int32(first)
    nodes[index].childCount = Int16(nodes.count - first)
    nodes[index].expanded = true
  }

  /// Heuristic value in [0, 1] of `p` for `player` before any simulation.
  static func prior(
    board: inout Board, _ p: Point, _ player: Player, lastMove: Point, playout: Playout
  ) -> Float {
    var v: Float = 0.5
    if board.wouldCapture(p, for: player) { v += 0.3 }
    // Saving one's own chain in atari by extending.
    for q in p.adjacent where board[q] == player.stone {
      if board.isInAtari(q) {
        if playout.libertiesAfter(&board, p, player) >= 2 { v += 0.2 }
        break
      }
    }
    if playout.isBadSelfAtari(&board, p, player) { v -= 0.35 }
    if !lastMove.isNone {
      let dx = abs(p.x - lastMove.x)
      let dy = abs(p.y - lastMove.y)
      if dx <= 1 && dy <= 1 && playout.shapes.isGood(&board, p, for: player) { v += 0.15 }
    }
    // First and second line moves far from any stone are rarely good.
    let edge = min(p.x, p.y, board.width - 1 - p.x, board.height - 1 - p.y)
    if edge <= 1 && board.width >= 9 && !hasStoneNearby(&board, p, radius: 2) {
      v -= edge == 0 ? 0.3 : 0.15
    }
    return max(0.02, min(0.98, v))
  }

  /// True if any stone lies within Manhattan distance `radius` of `p`.
  static func hasStoneNearby(_ board: inout Board, _ p: Point, radius: Int) -> Bool {
    for dy in -radius...radius {
      for dx in -radius...radius where abs(dx) + abs(dy) <= radius {
        let x = p.x + dx
        let y = p.y + dy
        if board.contains(x: x, y: y) && board[x, y] != .empty { return true }
      }
    }
    return false
  }

  /// The child of `index` to explore next: UCB over a RAVE-blended value.
  ///
  /// Values are from the point of view of the children's player (the player to move at
  /// `index`); in-flight simulations count as losses (virtual loss).
  public func selectChild(_ index: Int, params: RolloutParameters) -> Int {
    let n = nodes[index]
    let first = Int(n.firstChild)
    let end = first + Int(n.childCount)
    var parentVisits: Float = 1
    for c in first..<end { parentVisits += Float(nodes[c].visits + Int32(nodes[c].virtualLoss)) }
    let logN = Float(log(Double(parentVisits)))
    let equiv = Float(params.raveEquivalence)
    let weight = params.priorWeight
    let explore = Float(params.exploration)
    var best = first
    var bestValue = -Float.infinity
    for c in first..<end {
      let node = nodes[c]
      let visits = Float(node.visits) + Float(node.virtualLoss) + weight
      let mean = (node.wins + node.priorWins) / visits
      var value = mean
      if node.raveVisits > 0 {
        let rv = node.raveVisits
        let beta = rv / (rv + visits + visits * rv / equiv)
        value = (1 - beta) * mean + beta * (node.raveWins / rv)
      }
      value += explore * (logN / visits).squareRoot()
      if value > bestValue {
        bestValue = value
        best = c
      }
    }
    return best
  }

  /// The most visited child of the root, or nil if the root has none.
  public func bestRootChild() -> Int? {
    var best: Int?
    for c in rootChildren {
      if best == nil || nodes[c].visits > nodes[best!].visits
        || (nodes[c].visits == nodes[best!].visits && nodes[c].wins > nodes[best!].wins)
      {
        best = c
      }
    }
    return best
  }

  /// Total completed simulations through the root's children.
  public var rootVisits: Int {
    var total = 0
    for c in rootChildren { total += Int(nodes[c].visits) }
    return total
  }
}
