import Foundation
public import GoCore
import GoNeuralNet

/// Analysis: searching without playing, and the snapshots GUIs and the JSON engine print.
extension PUCTEngine {
  /// A failed search (the evaluator's error, a refused search thread) is logged and returns
  /// the tree's snapshot with `failure` set.
  public func analyze(
    _ state: GameState, request: AnalysisRequest,
    report: @escaping @Sendable (AnalysisSnapshot) -> Void
  ) -> AnalysisSnapshot {
    var limits = SearchLimits()
    limits.maxVisits = request.maxVisits
    limits.seconds = request.maxTime
    do {
      try runSearch(
        state, limits: limits, restrictions: request.restrictions, forbidRootPass: false,
        analysis: request, report: report)
    } catch {
      log("analysis failed: \(error)")
      var failed = snapshot(request)
      failed.failure = "\(error)"
      return failed
    }
    return snapshot(request)
  }

  /// What the tree shows now, as the request asks.
  func snapshot(_ request: AnalysisRequest) -> AnalysisSnapshot {
    let p = params
    return tree.withLock { t in
      let me = t.rootPlayer
      let s = Perspective.sign(me)
      let e = t.rootEval
      let width = e?.xSize ?? 0
      let height = e?.ySize ?? 0
      let r = t.nodes[0]
      let rootScore = r.mean(r.scoreSum)
      var root = AnalysisRootInfo(
        visits: Int(r.visits), weight: r.weightSum, utility: s * r.mean(r.utilitySum),
        winrate: 0.5 * (1 + s * r.mean(r.winLossSum)), scoreLead: s * r.mean(r.leadSum),
        scoreSelfplay: s * rootScore,
        scoreStdev: max(0, r.mean(r.scoreSqSum) - rootScore * rootScore).squareRoot())
      if let e {
        let whiteRaw = Double(e.whiteWin) + 0.5 * Double(e.noResult)
        root.raw = RawRootValues(
          winrate: me == .white ? whiteRaw : 1 - whiteRaw, lead: s * Double(e.whiteLead),
          scoreSelfplay: s * Double(e.whiteScoreMean), scoreSelfplayStdev: Double(e.whiteScoreStdev),
          noResultProb: Double(e.noResult), stWrError: Double(e.shorttermWinlossError),
          stScoreError: Double(e.shorttermScoreError), varTimeLeft: Double(e.varTimeLeft))
      }
      // Candidates: visited allowed moves ranked as the move choice ranks them.
      let allowed = t.children(0).filter {
        !t.isRootDuplicate($0) && !t.isRootPruned($0)
          && MoveRestriction.permits(request.restrictions, move: t.nodes[Int($0)].move, player: me, depth: 0)
      }
      var visited = allowed.filter { t.nodes[Int($0)].visits > 0 }
      visited.sort { PUCTTree.weighsMore(t.nodes[Int($0)], t.nodes[Int($1)]) }
      if !visited.isEmpty {
        let best = t.bestChild(visited, p)
        if let k = visited.firstIndex(of: best), k > 0 {
          visited.remove(at: k)
          visited.insert(best, at: 0)
        }
      }
      let listed = request.listedCandidates(visited: visited) {
        allowed.filter { t.nodes[Int($0)].visits == 0 }
          .sorted { t.nodes[Int($0)].prior > t.nodes[Int($1)].prior }
      }
      let winLossShare =
        0.5 * p.winLossUtilityFactor
        / max(1e-9, p.winLossUtilityFactor + p.staticScoreUtilityFactor + p.dynamicScoreUtilityFactor)
      var infos: [AnalysisMoveInfo] = []
      for (order, c) in listed.enumerated() {
        let n = t.nodes[Int(c)]
        let score = n.mean(n.scoreSum)
        let (utility, lcb, radius) = t.utilityLcb(c, p)
        let winrate = n.visits > 0 ? 0.5 * (1 + s * n.mean(n.winLossSum)) : 0
        let pv = [c] + t.principalVariation(from: c, depth: 1, maxLength: max(0, request.pvLength), p)
        var info = AnalysisMoveInfo(
          move: n.move, visits: Int(n.visits), weight: n.weightSum, utility: n.visits > 0 ? utility : 0,
          winrate: winrate, scoreLead: s * n.mean(n.leadSum), scoreSelfplay: s * score,
          scoreStdev: max(0, n.mean(n.scoreSqSum) - score * score).squareRoot(),
          noResult: n.mean(n.noResultSum), prior: Double(n.prior),
          lcb: n.visits > 0 ? winrate - radius * winLossShare : 0,
          utilityLcb: n.visits > 0 ? lcb : 0, order: order,
          pv: pv.map { t.nodes[Int($0)].move },
          pvVisits: pv.map { Int(t.nodes[Int($0)].visits) },
          pvEdgeVisits: pv.map { Int(t.nodes[Int($0)].visits) })
        if request.includeMovesOwnership || request.includeMovesOwnershipStdev {
          let acc = t.childOwnership[c] ?? OwnershipAccumulator()
          if request.includeMovesOwnership { info.ownership = acc.mean(for: me) }
          if request.includeMovesOwnershipStdev { info.ownershipStdev = acc.stdev() }
        }
        infos.append(info)
      }
      if t.rootSymmetries.count > 1 {
        infos = Self.symmetricCopies(
          infos, symmetries: t.rootSymmetries, width: width, height: height, player: me,
          restrictions: request.restrictions)
      }
      var snap = AnalysisSnapshot(
        width: width, height: height, toMove: me, rootInfo: root, moveInfos: infos)
      if request.includeOwnership { snap.ownership = t.ownership.mean(for: me) }
      if request.includeOwnershipStdev { snap.ownershipStdev = t.ownership.stdev() }
      if request.includePolicy, let e {
        snap.policy = e.policy.map(Double.init) + [Double(e.passProbability)]
      }
      return snap
    }
  }

  /// Each move info followed by its images under the root's symmetries (KataGo's analysis
  /// after root symmetry pruning): same statistics, the move and PV mapped, `isSymmetryOf`
  /// naming the searched move; avoided and already listed moves skipped; orders renumbered.
  static func symmetricCopies(
    _ infos: [AnalysisMoveInfo], symmetries: [Symmetry], width: Int, height: Int, player: Player,
    restrictions: [MoveRestriction]
  ) -> [AnalysisMoveInfo] {
    func map(_ m: Move, _ s: Symmetry) -> Move {
      if case .play(let p) = m { return .play(s.apply(p, width: width, height: height)) }
      return m
    }
    func mapGrid(_ g: [Double]?, _ s: Symmetry) -> [Double]? {
      guard let g, g.count == width * height else { return g }
      var out = g
      for y in 0..<height {
        for x in 0..<width {
          let q = s.apply(Point(x: x, y: y), width: width, height: height)
          out[q.y * width + q.x] = g[y * width + x]
        }
      }
      return out
    }
    var out: [AnalysisMoveInfo] = []
    var done = Set<Move>()
    for info in infos {
      for s in symmetries {
        let m = map(info.move, s)
        guard !done.contains(m), MoveRestriction.permits(restrictions, move: m, player: player, depth: 0)
        else { continue }
        done.insert(m)
        var copy = info
        copy.move = m
        if s.rawValue != 0 {
          copy.isSymmetryOf = info.move
          copy.pv = info.pv.map { map($0, s) }
          copy.ownership = mapGrid(info.ownership, s)
          copy.ownershipStdev = mapGrid(info.ownershipStdev, s)
        }
        copy.order = out.count
        out.append(copy)
      }
    }
    return out
  }
}
