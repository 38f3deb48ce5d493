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
  ///
  /// Value = Q + cPUCT(W) · F · P · √(W + 0.01) / (1 + w), with W the children's summed
  /// weights, w the child's weight, F the variance scale; Q includes a root child's ending
  /// bonus (`RootEnding`); a child with pending visits has its Q
  /// pulled towards `virtualLossUtility` by v / (v + max(0.25, w)) and v added to w.
  ///
  /// - Complexity: O(children).
  func selectChild(_ i: Int32, depth: Int, _ ctx: SelectionContext) -> Int32? {
    let p = ctx.params
    let node = nodes[Int(i)]
    let kids = children(i)
    if kids.isEmpty { return nil }
    let mover = player(atDepth: depth)
    let s = Perspective.sign(mover)
    var totalWeight = 0.0
    var visitedPolicy = 0.0
    for c in kids {
      let child = nodes[Int(c)]
      totalWeight += child.weightSum
      if child.visits + child.inFlight > 0 { visitedPolicy += Double(child.prior) }
    }
    let fpu = firstPlayUrgency(node, visitedPolicy: visitedPolicy, perspective: s, depth: depth, p)
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
      if depth == 0 && (isRootDuplicate(c) || isRootPruned(c)) { continue }
      if !ctx.restrictions.isEmpty
        && !MoveRestriction.permits(ctx.restrictions, move: child.move, player: mover, depth: depth)
      {
        continue
      }
      var w = child.weightSum
      var q = fpu
      if child.weightSum > 0 {
        let bonus = depth == 0 ? rootEnding?.utilityDiff(child) ?? 0 : 0
        q = s * (child.utilitySum / child.weightSum + bonus)
      }
      if child.inFlight > 0 {
        let v = Double(child.inFlight)
        q += (p.virtualLossUtility - q) * v / (v + max(0.25, w))
        w += v
      }
      // Forced playouts: a visited root child whose weight lags √(k · P · W) goes first.
      if depth == 0 && p.rootDesiredPerChildVisitsCoeff > 0 && child.visits > 0 && child.prior > 0
        && w < (Double(child.prior) * totalWeight * p.rootDesiredPerChildVisitsCoeff).squareRoot()
      {
        return c
      }
      let value = q + cpuct * Double(child.prior) * sqrtTotal / (1 + w)
      if value > bestValue {
        bestValue = value
        best = c
      }
    }
    return best
  }

  /// The value an unvisited child of `node` starts with, for the player to move there: the
  /// parent's value minus the FPU reduction × √(visited policy mass). The parent's value
  /// blends its own evaluation with its search average as more of its policy gets visited.
  func firstPlayUrgency(
    _ node: PUCTNode, visitedPolicy: Double, perspective s: Double, depth: Int, _ p: PUCTParameters
  ) -> Double {
    let own = s * node.own.utility
    let average = node.weightSum > 0 ? s * node.utilitySum / node.weightSum : own
    var parent = average
    if p.fpuParentWeightByVisitedPolicy {
      let a = min(1, pow(visitedPolicy, p.fpuParentWeightPower))
      parent = a * average + (1 - a) * own
    }
    let reduction = depth == 0 ? p.rootFpuReductionMax : p.fpuReductionMax
    return parent - reduction * visitedPolicy.squareRoot()
  }

  /// KataGo-style dynamic cPUCT factor 1 + scale · (σ / prior − 1): exploration grows with the
  /// spread σ of the utilities seen under the node, shrunk towards a prior spread.
  func varianceScale(_ node: PUCTNode, _ p: PUCTParameters) -> Double {
    let weight = node.weightSum
    let prior = p.cpuctUtilityStdevPrior
    guard weight > 1 else { return 1 }
    let mean = node.utilitySum / weight
    let meanSq = node.utilitySqSum / weight
    let w = p.cpuctUtilityStdevPriorWeight
    let variance = ((mean * mean + prior * prior) * w + meanSq * weight) / (w + weight - 1) - mean * mean
    let stdev = max(0, variance).squareRoot()
    return 1 + p.cpuctUtilityStdevScale * (stdev / prior - 1)
  }
}
