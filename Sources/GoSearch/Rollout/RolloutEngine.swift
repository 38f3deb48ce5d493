import Dispatch
import Foundation
public import GoCore
import Synchronization

/// Tengen's network-free player: multi-threaded UCT with RAVE over fast playouts.
///
/// Threads share one tree behind a mutex; each simulation descends the tree with virtual loss,
/// plays a playout without the lock, then backs the result up. The tree is kept between moves
/// when the game continues along it. With one thread and a playout limit the search is
/// deterministic for a given seed.
public final class RolloutEngine: GoEngine, @unchecked Sendable {
  /// Settings; change them between searches only.
  public var params: RolloutParameters
  /// What the last search found (for logs and analysis).
  public private(set) var lastSummary: SearchSummary?

  let tree: Mutex<RolloutTree>
  /// The game line the kept tree's root stands for.
  var treeLine: (initial: UInt64, moves: [Move], komi: Double)?
  let stopFlag = Atomic<Bool>(false)
  /// How far recent timed moves ran past their limits (widens the planner's margins).
  var overrun = OverrunTracker()
  /// Simulations every timed search makes, however short its time.
  static let minimumPlayouts = 128
  /// Simulations per second of the last search (the time manager's kept-tree estimate).
  var lastRate: Double?

  public init(params: RolloutParameters = RolloutParameters()) {
    self.params = params
    tree = Mutex(RolloutTree(lastPlayer: .white))
  }

  public var name: String { "Tengen" }

  /// Asks a running search to stop after its current simulations. Safe from any thread.
  public func stop() { stopFlag.store(true, ordering: .relaxed) }

  public func clear() {
    tree.withLock { $0 = RolloutTree(lastPlayer: .white) }
    treeLine = nil
    lastSummary = nil
    lastRate = nil
    overrun = OverrunTracker()
  }

  /// The playout settings for the rules of `state`.
  func playout(for state: GameState) -> Playout {
    Playout(policy: params.policy, multiStoneSuicide: state.rules.multiStoneSuicideLegal)
  }

  /// White's total compensation under the rules: komi plus handicap bonus.
  func whiteCompensation(_ state: GameState) -> Double {
    state.rules.komi + state.whiteHandicapBonus
  }

  public func generateMove(for state: GameState, request: MoveRequest) -> MoveDecision {
    chooseMove(for: state, request: request, analysis: nil)
  }

  /// `generateMove`, reporting to `analysis` and honouring its restrictions when given.
  func chooseMove(
    for state: GameState, request: MoveRequest, analysis: RolloutAnalysis?
  ) -> MoveDecision {
    let moveStart = ContinuousClock.now
    let me = state.toMove
    let restrictions = analysis?.request.restrictions ?? []
    let legal = state.legalMoves().filter { m in
      guard MoveRestriction.permits(restrictions, move: m, player: me, depth: 0) else {
        return false
      }
      if case .play(let p) = m { return !state.board.isEye(p, of: me) }
      return false
    }
    // Nothing useful left to play: pass.
    if legal.isEmpty { return .move(.pass) }
    // Timed unless only a playout limit is set: the plan is made once the kept tree is known.
    let timed = params.maxPlayouts == nil || params.budget.maxTime != nil || request.clock != nil
    let planner = timed ? timePlanner(for: state, request: request) : nil
    // The opponent passed: pass too if that wins now. On a clock the dead-stone judgement
    // counts against the move's time and gets at most half its target at the last rate.
    var judgement = params.ownershipPlayouts
    if let planner, let rate = lastRate {
      judgement = min(judgement, max(params.minJudgementPlayouts, Int(saturating: rate * planner(0).target.inSeconds / 2)))
    }
    if !request.cleanup, let last = state.moves.last, last.move == .pass,
      MoveRestriction.permits(restrictions, move: .pass, player: me, depth: 0),
      passingWins(state, playouts: judgement)
    {
      return .move(.pass)
    }
    let summary = search(
      state, seconds: .infinity, planner: planner,
      allowPass: !(request.cleanup && mustCapture(in: state, for: me)),
      analysis: analysis, start: moveStart)
    lastSummary = summary
    // KataGo's *genmove_analyze and kata-search_analyze end with one line of the final tree.
    if let analysis { analysis.report(tree.withLock { analysis.snapshot(of: $0) }) }
    FileHandle.standardError.write(Data((summary.description + "\n" + summary.timeLine + "\n").utf8))
    if let plan = summary.plan { overrun.record(limit: plan.limit, used: ContinuousClock.now - moveStart) }
    guard let best = summary.best else { return .move(.pass) }
    if request.allowResign && params.budget.resignThreshold > 0
      && summary.winRate < params.budget.resignThreshold && summary.playouts >= params.resignMinPlayouts
      && state.moves.count >= Int(Double(state.board.area) * params.resignMinFill)
    {
      return .resign
    }
    return .move(best)
  }

  /// What every worker of one search shares.
  final class SearchContext: @unchecked Sendable {
    let rootBoard: Board
    let toMove: Player
    let rootLast: Point
    let rootPasses: Int
    let compensation: Double
    let playout: Playout
    let params: RolloutParameters
    let start: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant?
    let limit: Int
    /// Root visits kept from the last search.
    let keptVisits: Int
    /// Decides when a timed move stops (nil: a fixed time or playout limit, or analysis).
    let timer: Mutex<SearchTimer?>
    let timed: Bool
    /// Why the timer stopped the search.
    let stopReason = Mutex<StopReason?>(nil)
    let allowPass: Bool
    let rootLegal: @Sendable (Point) -> Bool
    /// Analysis statistics and reports (nil for a plain move search).
    let analysis: RolloutAnalysis?
    let done = Atomic<Int>(0)
    let ownership = Mutex<[Int32]>([Int32](repeating: 0, count: Point.capacity))
    let samples = Atomic<Int>(0)

    init(
      state: GameState, engine: RolloutEngine, start: ContinuousClock.Instant, seconds: Double,
      plan: TimePlan?, keptVisits: Int, allowPass: Bool, analysis: RolloutAnalysis?
    ) {
      rootBoard = state.board
      toMove = state.toMove
      rootLast = state.moves.last?.move.point ?? .none
      rootPasses = state.consecutivePasses
      compensation = engine.whiteCompensation(state)
      playout = engine.playout(for: state)
      params = engine.params
      self.start = start
      let seconds = plan?.limit.inSeconds ?? seconds
      deadline = seconds.isFinite ? start + .seconds(saturating: max(0, seconds)) : nil
      timer = Mutex(plan.map { SearchTimer(plan: $0, parameters: engine.params.time) })
      timed = plan != nil
      self.keptVisits = keptVisits
      limit = analysis?.playoutLimit ?? engine.params.maxPlayouts ?? Int.max
      self.allowPass = allowPass
      self.analysis = analysis
      rootLegal = { p in state.illegality(.play(p)) == nil }
    }
  }

  /// Runs a search from `state` for at most `seconds` (and `params.maxPlayouts`).
  public func search(_ state: GameState, seconds: Double, allowPass: Bool = true) -> SearchSummary {
    search(state, seconds: seconds, planner: nil, allowPass: allowPass, analysis: nil)
  }

  /// `search`, feeding `analysis` (whose restrictions need a tree of their own) when given;
  /// with a `planner`, its plan for the kept tree's root visits sets the time instead of
  /// `seconds`, and a `SearchTimer` decides when to stop.
  /// Time counts from `start` (default: now), so work before the search (a dead-stone
  /// judgement) is part of the move's time.
  func search(
    _ state: GameState, seconds: Double, planner: ((Int) -> TimePlan)?, allowPass: Bool,
    analysis: RolloutAnalysis?, start: ContinuousClock.Instant? = nil
  ) -> SearchSummary {
    let clock = ContinuousClock()
    let start = start ?? clock.now
    let restricted = !(analysis?.request.restrictions.isEmpty ?? true)
    if restricted { treeLine = nil }
    prepareTree(for: state)
    // A restricted tree lacks moves a later search may need.
    defer { if restricted { treeLine = nil } }
    stopFlag.store(false, ordering: .relaxed)
    let kept = tree.withLock { $0.rootVisits }
    let plan = planner?(kept)
    let context = SearchContext(
      state: state, engine: self, start: start, seconds: seconds, plan: plan, keptVisits: kept,
      allowPass: allowPass, analysis: analysis)
    let threads = max(1, params.budget.threads)
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      self.work(thread: t, context)
    }
    let elapsed = (clock.now - start).inSeconds
    let owned = context.ownership.withLock { $0 }
    let sampleCount = context.samples.load(ordering: .relaxed)
    let done = min(context.done.load(ordering: .relaxed), context.limit)
    if elapsed > 0 && done > 0 { lastRate = Double(done) / elapsed }
    var summary = tree.withLock { tree in
      tree.ownership = owned
      tree.ownershipSamples = Int32(sampleCount)
      return SearchSummary(
        tree: tree, toMove: context.toMove, seconds: elapsed, board: context.rootBoard)
    }
    summary.plan = plan
    summary.stop = context.stopReason.withLock { $0 } ?? {
      if stopFlag.load(ordering: .relaxed) { return .interrupted }
      if let d = context.deadline, clock.now >= d { return .limit }
      return done >= context.limit ? .visitLimit : .nothingToSearch
    }()
    return summary
  }

  /// The move's time plan for a given number of kept root visits: the clock, the board, the
  /// last search's ownership (the settled share) and visit rate.
  func timePlanner(for state: GameState, request: MoveRequest) -> (Int) -> TimePlan {
    let manager = TimeManager(params.time)
    var settled: Double?
    if let last = lastSummary, last.board.area == state.board.area, last.ownership.count == Point.capacity {
      settled = manager.settledShare(state.board.points.map { last.ownership[$0.i] })
    }
    let context = PlanningContext(
      area: state.board.area, movesPlayed: state.moves.count, settledShare: settled,
      visitRate: lastRate, overrun: overrun.seconds)
    return { [params] kept in
      var c = context
      c.keptVisits = kept
      return manager.plan(
        control: request.timeControl, clock: request.clock, context: c, maxTime: params.budget.maxTime,
        noClockTime: params.budget.defaultMoveTime)
    }
  }

  /// One search worker: simulations until a limit is reached or `stop()` is called.
  func work(thread t: Int, _ c: SearchContext) {
    let params = c.params
    var rng = FastRandom(seed: params.budget.seed &+ UInt64(t) &* 0x9E37_79B9)
    let seqCapacity = c.rootBoard.area * 4 + 64
    let sequence = UnsafeMutableBufferPointer<Int16>.allocate(capacity: seqCapacity)
    let firstPlayer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Point.capacity)
    firstPlayer.initialize(repeating: 0)
    let path = UnsafeMutableBufferPointer<Int32>.allocate(capacity: seqCapacity)
    var owned = [Int32](repeating: 0, count: Point.capacity)
    var mySamples = 0
    defer {
      sequence.deallocate()
      firstPlayer.deallocate()
      path.deallocate()
    }
    while true {
      if stopFlag.load(ordering: .relaxed) { break }
      let n = c.done.add(1, ordering: .relaxed).oldValue
      if n >= c.limit { break }
      // At least `minimumPlayouts` before the clock counts: a move in time trouble is still
      // searched a little (with none, the root has no children and the engine would pass).
      if n >= Self.minimumPlayouts && n & 15 == 0, let deadline = c.deadline, ContinuousClock.now >= deadline {
        break
      }
      if n & 127 == 127 && c.timed { checkTimer(c) }
      var board = c.rootBoard
      var player = c.toMove
      var last = c.rootLast
      var depth = 0
      let terminal = tree.withLock { tree in
        descend(
          &tree, board: &board, player: &player, last: &last, depth: &depth,
          sequence: sequence, path: path, context: c)
      }
      var count = depth
      let diff: Int
      if terminal {
        diff = Playout.areaDifference(&board)
      } else {
        diff = c.playout.run(
          &board, toMove: player, lastMove: last, rng: &rng, moves: sequence.baseAddress,
          moveCount: &count)
      }
      RolloutEngine.addOwnership(&board, into: &owned)
      mySamples += 1
      // The area difference is Black minus White: White's score is the compensation minus it.
      let whiteScore = c.compensation - Double(diff)
      if let a = c.analysis {
        a.record(&board, whiteScore: whiteScore, rootMove: depth > 0 ? sequence[0] : nil)
      }
      let whiteResult: Float = whiteScore > 0 ? 1 : (whiteScore < 0 ? 0 : 0.5)
      tree.withLock { tree in
        tree.backup(
          path: UnsafeBufferPointer(rebasing: path[0...depth]),
          sequence: UnsafeBufferPointer(rebasing: sequence[0..<count]),
          rootToMove: c.toMove, whiteResult: whiteResult, firstPlayer: firstPlayer)
      }
      if t == 0, let a = c.analysis, a.isReportDue() {
        a.report(tree.withLock { a.snapshot(of: $0) })
      }
    }
    let mine = owned
    // Board counts are Black minus White; the search's sum is White's view (`Perspective`).
    c.ownership.withLock { total in
      for i in 0..<Point.capacity { total[i] -= mine[i] }
    }
    c.samples.add(mySamples, ordering: .relaxed)
  }

  /// Asks the search's timer whether to stop now (early, at the target or at the limit).
  func checkTimer(_ c: SearchContext) {
    let elapsed = ContinuousClock.now - c.start
    let progress = tree.withLock { t -> SearchProgress in
      var first: (move: Move?, visits: Int32, value: Double) = (nil, 0, 0.5)
      var second: (move: Move?, visits: Int32, value: Double) = (nil, 0, 0.5)
      for i in t.rootChildren {
        let n = t.nodes[i]
        let entry = (Optional(n.asMove), n.visits, n.winRate ?? 0.5)
        if n.visits > first.visits {
          second = first
          first = entry
        } else if n.visits > second.visits {
          second = entry
        }
      }
      return SearchProgress(
        best: first.move, bestVisits: Int(first.visits), secondVisits: Int(second.visits),
        bestValue: first.value, secondValue: second.value,
        newVisits: t.rootVisits - c.keptVisits)
    }
    guard let reason = c.timer.withLock({ $0?.check(elapsed: elapsed, progress) }) else { return }
    c.stopReason.withLock { if $0 == nil { $0 = reason } }
    stopFlag.store(true, ordering: .relaxed)
  }

  /// Walks from the root to a leaf, expanding on the way and playing the moves on `board`.
  /// Returns true if the leaf ends the game (two passes).
  func descend(
    _ tree: inout RolloutTree, board: inout Board, player: inout Player, last: inout Point,
    depth: inout Int, sequence: UnsafeMutableBufferPointer<Int16>,
    path: UnsafeMutableBufferPointer<Int32>, context c: SearchContext
  ) -> Bool {
    var index = 0
    var passes = c.rootPasses
    path[0] = 0
    while true {
      if !tree.nodes[index].expanded {
        let ripe = index == 0 || tree.nodes[index].visits >= c.params.expandThreshold
        guard ripe, tree.nodes.count < c.params.budget.maxNodes else { return false }
        var legal: ((Point) -> Bool)? = nil
        if index == 0 { legal = c.rootLegal }
        var mayPass = c.allowPass || index != 0
        if let a = c.analysis, depth < a.restrictedDepth {
          let rootLegal = legal
          let (mover, d) = (player, depth)
          legal = { p in
            (rootLegal?(p) ?? true) && a.permits(.play(p), by: mover, depth: d)
          }
          mayPass = mayPass && a.permits(.pass, by: player, depth: depth)
        }
        tree.expand(
          index, board: &board, toMove: player, lastMove: last, params: c.params,
          playout: c.playout, allowPass: mayPass, legal: legal)
      }
      let child = tree.selectChild(index, params: c.params)
      tree.nodes[child].virtualLoss += 1
      let m = tree.nodes[child].move
      if m == 0 {
        board.clearKo()
        passes += 1
        last = .none
      } else {
        let p = Point(index: m)
        board.play(p, for: player)
        passes = 0
        last = p
      }
      sequence[depth] = m
      depth += 1
      path[depth] = Int32(child)
      player = player.opponent
      index = child
      if passes >= 2 { return true }
      if depth >= sequence.count / 2 { return false }
    }
  }

  /// Adds +1 for each Black-owned and −1 for each White-owned point of a finished playout.
  static func addOwnership(_ board: inout Board, into owned: inout [Int32]) {
    for y in 0..<board.height {
      for x in 0..<board.width {
        let p = Point(x: x, y: y)
        switch board[p] {
        case .black: owned[p.i] += 1
        case .white: owned[p.i] -= 1
        case .empty:
          var b = false
          var w = false
          for q in p.adjacent {
            let s = board[q]
            if s == .black { b = true } else if s == .white { w = true }
          }
          if b != w { owned[p.i] += b ? 1 : -1 }
        default: break
        }
      }
    }
  }

  /// Reuses the kept tree if `state` continues its game line, else starts a new one.
  func prepareTree(for state: GameState) {
    let line = (initial: state.initialBoard.hash, moves: state.moves.map { $0.move },
                komi: state.rules.komi)
    defer { treeLine = line }
    let lastPlayer = state.toMove.opponent
    guard params.budget.reuseTree, let old = treeLine, old.initial == line.initial,
      old.komi == line.komi, line.moves.count >= old.moves.count,
      Array(line.moves.prefix(old.moves.count)) == old.moves
    else {
      tree.withLock { $0 = RolloutTree(lastPlayer: lastPlayer) }
      return
    }
    tree.withLock { t in
      var index = 0
      for m in line.moves.dropFirst(old.moves.count) {
        guard let c = t.child(of: index, move: m) else {
          t = RolloutTree(lastPlayer: lastPlayer)
          return
        }
        index = c
      }
      t = index == 0 ? t.subtree(at: 0) : t.subtree(at: index)
      if t.nodes[0].player != lastPlayer.rawValue { t = RolloutTree(lastPlayer: lastPlayer) }
    }
  }

  /// True if the player to move wins by passing now, counting the stones playouts judge dead
  /// (or, under rules where passing with dead stones on the board is not friendly, none).
  func passingWins(_ state: GameState, playouts: Int? = nil) -> Bool {
    var after = state
    guard (try? after.play(.pass)) != nil else { return false }
    let dead = state.rules.friendlyPassOk || state.rules.scoring == .territory
      ? deadStones(in: state, playouts: playouts ?? params.ownershipPlayouts) : []
    let margin = after.score(dead: dead).margin
    return state.toMove == .black ? margin > 0 : margin < 0
  }

  public func deadStones(in state: GameState) -> Set<Point> {
    deadStones(in: state, playouts: params.ownershipPlayouts)
  }

  /// `deadStones(in:)` judged from `playouts` playouts.
  func deadStones(in state: GameState, playouts: Int) -> Set<Point> {
    let ownership = estimateOwnership(state, playouts: playouts)
    var dead: Set<Point> = []
    var seen: Set<Point> = []
    for p in state.board.points where state.board[p] != .empty && !seen.contains(p) {
      let chain = state.board.chainStones(p)
      seen.formUnion(chain)
      let sign: Double = state.board[p] == .black ? 1 : -1
      let mean = chain.reduce(0.0) { $0 + ownership[$1.i] * sign } / Double(chain.count)
      if mean < -params.deadStoneOwnership { dead.formUnion(chain) }
    }
    return dead
  }

  /// Mean final ownership of every point (+1 Black, −1 White: a board count, GoCore's
  /// convention) over fresh playouts.
  public func estimateOwnership(_ state: GameState, playouts: Int) -> [Double] {
    let playout = playout(for: state)
    let threads = max(1, params.budget.threads)
    let total = Mutex<[Int32]>([Int32](repeating: 0, count: Point.capacity))
    let seed = params.budget.seed
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      var rng = FastRandom(seed: seed &+ 0x51ED &+ UInt64(t))
      var owned = [Int32](repeating: 0, count: Point.capacity)
      let last = state.moves.last?.move.point ?? .none
      var k = t
      while k < playouts {
        var board = state.board
        var count = 0
        _ = playout.run(&board, toMove: state.toMove, lastMove: last, rng: &rng, moveCount: &count)
        RolloutEngine.addOwnership(&board, into: &owned)
        k += threads
      }
      let mine = owned
      total.withLock { sum in for i in 0..<Point.capacity { sum[i] += mine[i] } }
    }
    let sums = total.withLock { $0 }
    return sums.map { Double($0) / Double(max(playouts, 1)) }
  }
}
