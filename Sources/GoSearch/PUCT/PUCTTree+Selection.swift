import Foundation
import GoCore

/// Per-search settings the descent needs.
struct SelectionContext: Sendable {
  var params: PUCTParameters
  /// Avoid/allow lists.
  var restrictions: [MoveRestriction]
  /// Pass is not a candidate at the root (`kgs-genmove_cleanup`).
  var forbidRootPass: Bool
  /// Root visits (in flight included) at which descents stop.
  var visitLimit: Int
}

/// What one descent found.
enum Descent {
  /// The visit limit is reached.
  case limit
  /// The leaf at the end of `path` must be evaluated; `moves` lead to it from the root.
  case evaluate(path: [Int32], moves: [Move])
  /// Another thread is evaluating the leaf; the virtual losses were taken back.
  case collision
  /// The visit was completed inside the lock (terminal node or a node that cannot grow).
  case done
}

extension PUCTTree {
  /// Descends from the root by PUCT, adding a virtual loss on every node of the path.
  ///
  /// - Complexity: O(depth × branching).
  mutating func descend(_ ctx: SelectionContext) -> Descent {
    if Int(nodes[0].visits + nodes[0].inFlight) >= ctx.visitLimit { return .limit }
    var path: [Int32] = [0]
    var moves: [Move] = []
    nodes[0].inFlight += 1
    var i: Int32 = 0
    var depth = 0
    while true {
      let node = nodes[Int(i)]
      switch node.status {
      case .fresh:
        nodes[Int(i)].status = .evaluating
        return .evaluate(path: path, moves: moves)
      case .evaluating:
        cancel(path)
        return .collision
      case .terminal:
        backup(path, node.own)
        return .done
      case .expanded:
        guard let c = selectChild(i, depth: depth, ctx) else {
          backup(path, node.own)
          return .done
        }
        nodes[Int(c)].inFlight += 1
        path.append(c)
        moves.append(nodes[Int(c)].move)
        i = c
        depth += 1
      }
    }
  }

  /// The child of `i` with the highest PUCT value, or nil if it has none allowed.
  func selectChild(_ i: Int32, depth: Int, _ ctx: SelectionContext) -> Int32? {
    let p = ctx.params
    let node = nodes[Int(i)]
    let kids = children(i)
    if kids.isEmpty { return nil }
    let mover = player(atDepth: depth)
    let s = Self.perspective(mover)
    var totalWeight = 0.0
    var visitedPolicy = 0.0
    for c in kids {
      let w = nodes[Int(c)].visits + nodes[Int(c)].inFlight
      totalWeight += Double(w)
      if w > 0 { visitedPolicy += Double(nodes[Int(c)].prior) }
    }
    let parentUtility =
      node.visits > 0 ? s * node.utilitySum / Double(node.visits) : s * node.own.utility
    let fpuReduction = depth == 0 ? p.rootFpuReductionMax : p.fpuReductionMax
    let fpu = parentUtility - fpuReduction * visitedPolicy.squareRoot()
    var cpuct =
      p.cpuctExploration + p.cpuctExplorationLog
      * log((totalWeight + p.cpuctExplorationBase) / p.cpuctExplorationBase)
    if p.cpuctUtilityStdevPrior > 0 {
      cpuct *= varianceScale(node, p)
    }
    let sqrtTotal = (totalWeight + 0.01).squareRoot()
    var best: Int32? = nil
    var bestValue = -Double.infinity
    for c in kids {
      let child = nodes[Int(c)]
      if depth == 0 && ctx.forbidRootPass && child.move == .pass { continue }
      if !ctx.restrictions.isEmpty
        && !MoveRestriction.permits(ctx.restrictions, move: child.move, player: mover, depth: depth)
      {
        continue
      }
      let w = Double(child.visits + child.inFlight)
      let q: Double
      if child.visits > 0 {
        q = (s * child.utilitySum + Double(child.inFlight) * p.virtualLossUtility) / w
      } else {
        q = child.inFlight > 0 ? p.virtualLossUtility : fpu
      }
      let value = q + cpuct * Double(child.prior) * sqrtTotal / (1 + w)
      if value > bestValue {
        bestValue = value
        best = c
      }
    }
    return best
  }

  /// KataGo-style dynamic cPUCT factor: exploration grows with the spread of the utilities
  /// seen under the node, against a prior spread.
  func varianceScale(_ node: PUCTNode, _ p: PUCTParameters) -> Double {
    let n = Double(node.visits)
    let prior = p.cpuctUtilityStdevPrior
    var variance = 0.0
    if n > 0 {
      let mean = node.utilitySum / n
      variance = max(0, node.utilitySqSum / n - mean * mean)
    }
    let w = p.cpuctUtilityStdevPriorWeight
    let stdev = ((w * prior * prior + n * variance) / (w + n)).squareRoot()
    return 1 + p.cpuctUtilityStdevScale * (stdev / prior - 1)
  }
}
