import Foundation
import GoCore
import GoNeuralNet

/// The search threads: how many, and the loop each runs.
extension PUCTEngine {
  /// How long a thread that met a leaf another thread is evaluating waits before descending
  /// again (microseconds).
  static let collisionBackoffMicroseconds: UInt32 = 200

  /// Threads for one search: `params.threads`, capped so that each gets at least
  /// `minPlayoutsPerThread` of the visits still to do (`visitsBefore` were kept from the last
  /// search); a search without a visit limit gets them all.
  static func searchThreadCount(_ p: PUCTParameters, maxVisits: Int?, visitsBefore: Int) -> Int {
    let threads = max(1, p.budget.threads)
    guard p.minPlayoutsPerThread > 0, let maxVisits else { return threads }
    let cap = (Double(maxVisits - visitsBefore) / p.minPlayoutsPerThread).rounded(.down)
    return cap >= Double(threads) ? threads : max(1, Int(cap))
  }

  /// One search thread: descend, evaluate, back up, until a limit or a stop.
  func work(_ run: SearchRun) {
    // The leaf's position: moves are played on this thread's copy of the root and taken back
    // after each visit, so a visit costs the path's moves, not a copy of the game's history.
    var state = run.rootState
    while true {
      if stopFlag.load(ordering: .relaxed) || run.halt.load(ordering: .relaxed) { return }
      if let deadline = run.deadline, ContinuousClock.now >= deadline { return }
      let descent = tree.withLock { $0.descend(run.selection) }
      switch descent {
      case .limit:
        return
      case .done:
        continue
      case .collision:
        run.collisions.add(1, ordering: .relaxed)
        usleep(Self.collisionBackoffMicroseconds)
      case .evaluate(let path, let moves):
        let leaf = path[path.count - 1]
        var played = 0
        for m in moves {
          guard (try? state.play(m)) != nil else { break }
          played += 1
        }
        defer { for _ in 0..<played { state.undo() } }
        if played < moves.count || state.isOver {
          let values = Self.terminalValues(
            state, whiteOwnership: run.rootOwnership, center: run.center, params)
          tree.withLock { t in
            t.nodes[Int(leaf)].status = .terminal
            t.nodes[Int(leaf)].own = values
            t.backup(path, values)
          }
          continue
        }
        do {
          let e = try evaluator.evaluate(state, isRoot: false, historyFloor: run.historyFloor)
          run.evaluations.add(1, ordering: .relaxed)
          let kids = Self.childList(state, e)
          let keys = params.subtreeValueBiasFactor > 0 ? kids.map { PUCTTree.biasKey(state, move: $0.0) } : nil
          let values = Self.leafValues(e, center: run.center, area: run.area, params)
          let maxNodes = params.budget.maxNodes
          tree.withLock { t in
            t.expand(leaf, children: kids, own: values, maxNodes: maxNodes, biasKeys: keys)
            t.backup(path, values, evaluated: true)
            t.ownership.add(e.whiteOwnership)
            if t.trackChildOwnership && path.count >= 2 {
              t.childOwnership[path[1], default: OwnershipAccumulator()].add(e.whiteOwnership)
            }
          }
        } catch {
          tree.withLock { t in
            t.nodes[Int(leaf)].status = .fresh
            t.cancel(path)
          }
          run.failure.withLock { if $0 == nil { $0 = error } }
          run.halt.store(true, ordering: .relaxed)
          return
        }
      }
    }
  }
}
