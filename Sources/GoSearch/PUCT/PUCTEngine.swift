import Foundation
public import GoCore
import GoNeuralNet
import Synchronization

/// Tengen's network player: AlphaZero/KataGo-style PUCT Monte Carlo tree search over any
/// `PositionEvaluator` (the network, playouts, or a mix).
///
/// Search threads share one node arena behind a mutex; each descent takes virtual losses, the
/// leaf is evaluated outside the lock (concurrent evaluations become one network batch), then
/// its values are backed up. The tree is kept between moves when the game follows it.
/// See `docs/SEARCH.md` for the formulas.
///
/// **Threads.** The engine is `@unchecked Sendable` because its fields follow these rules,
/// stated at each field:
/// * *caller*: one thread at a time calls into the engine (`generateMove`, `analyze`, `clear`,
///   `ponder`, the parameter setters: GTP's or a match's thread); only it touches these.
/// * *search owner*: the thread that runs `runSearch` — the caller, or the pondering thread
///   while pondering runs. Every caller entry point first ends pondering (`stopPondering()`
///   joins it through `ponderDone`), so the two never overlap.
/// * *shared*: read or written by the search threads during a search, through a lock
///   (`Mutex`) or an atomic; safe from any thread.
public final class PUCTEngine: AnalyzingEngine, @unchecked Sendable {
  /// Settings. Written by the caller between searches only (`setParameter` first ends
  /// pondering; a direct write must not happen while `ponder` runs); read by the search
  /// threads during one.
  public var params: PUCTParameters
  /// Where leaf values come from (immutable; the evaluator is itself thread-safe).
  public let evaluator: any PositionEvaluator
  /// Writes one diagnostic line (stderr by default). Set by the caller before searching;
  /// called by the search owner.
  public var log: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// The tree (shared: behind its mutex).
  let tree = Mutex(PUCTTree(rootPlayer: .black))
  /// The game line (players and moves) the tree's root stands for (search owner).
  var treeLine: TreeLine?
  /// Set by `stop()`, checked between visits (shared: atomic).
  let stopFlag = Atomic<Bool>(false)
  /// White's root win/loss value after each of our last three searches (a clearly won game
  /// gets less search: `SearchFactor`) (caller).
  var recentWhiteWinLoss: [Double] = []
  /// How far recent timed moves ran past their limits (widens the planner's margins) (caller).
  var overrun = OverrunTracker()
  /// Moves in a row whose win rate was under the resign threshold (caller).
  var lowWinrateStreak = 0
  /// Random choices: root noise (search owner) and the move temperature (caller); never both
  /// at once, since the caller's move choice follows its own search.
  var rng: FastRandom
  /// Whether a pondering search runs (caller).
  var pondering = false
  /// Signalled by the pondering thread when its search ended (shared).
  let ponderDone = DispatchSemaphore(value: 0)
  /// Run a one-thread search on the calling thread when nothing needs watching (no analysis
  /// reports, no early stop) instead of starting a search thread. The caller's stack must be
  /// as large as a search thread's (16 MB: the ladder search recurses). Self-play sets it
  /// (caller, between searches).
  public var searchInline = false
  /// Statistics of the last search, for logs and benchmarks (written by the search owner at
  /// the end of a search; read by the caller after it).
  public internal(set) var lastStats = SearchStats()
  /// Starts one search or pondering thread (`SearchThread.start`); tests replace it to have
  /// threads refused (caller, between searches).
  var startThread: @Sendable (@escaping @Sendable () -> Void) throws(SearchThreadError) -> Void = {
    body throws(SearchThreadError) in try SearchThread.start(body)
  }

  /// What the tree's root stands for: the start position, the moves since, the rules.
  struct TreeLine: Equatable {
    var initialHash: UInt64
    var initialToMove: Player
    var moves: [Move]
    var players: [Player]
    var rules: Rules
  }

  /// Counters of one search.
  public struct SearchStats: Sendable, Equatable {
    /// Root visits at the end (the kept tree's included).
    public var rootVisits = 0
    /// Visits made by this search.
    public var newVisits = 0
    /// Network evaluations requested by this search.
    public var evaluations = 0
    /// Descents that met a leaf another thread was evaluating.
    public var collisions = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Tree nodes at the end.
    public var nodes = 0
    /// Search threads run (fewer than configured on small searches; 0 on a finished game).
    public var threads = 0
    /// The time plan of a `genmove` search (nil: none, e.g. a visit limit only).
    public var plan: TimePlan?
    /// Why the search ended.
    public var stop: StopReason?

    /// The per-move time line of the log: budget, time used, why the search stopped.
    public var timeLine: String { TimePlan.logLine(plan, used: seconds, stop: stop) }

    public init() {}
  }

  /// An engine over `evaluator`.
  public init(evaluator: any PositionEvaluator, params: PUCTParameters = PUCTParameters()) {
    self.evaluator = evaluator
    self.params = params
    rng = FastRandom(seed: params.budget.seed)
  }

  public var name: String { "Tengen" }

  /// Asks the running search (or pondering) to finish. Safe from any thread.
  public func stop() { stopFlag.store(true, ordering: .relaxed) }

  public func clear() {
    stopPondering()
    tree.withLock { $0 = PUCTTree(rootPlayer: .black) }
    treeLine = nil
    lowWinrateStreak = 0
    recentWhiteWinLoss = []
    overrun = OverrunTracker()
    evaluator.clearCache()
  }

  public func generateMove(for state: GameState, request: MoveRequest) -> MoveDecision {
    generateMove(for: state, request: request, analysis: AnalysisRequest(), finalReport: nil)
  }

  /// Stones the network judges dead in `state`: whole chains whose mean ownership favours
  /// the other colour, never pass-alive ones. A game that passes ended is judged as it stood
  /// before those passes: the network never saw ended games in training and misreads them
  /// (two passes can turn a dead group's ownership from 0.9 against it to about 0).
  /// - Throws: the evaluator's error: without its ownership there is no judgement (not "none
  ///   dead").
  public func deadStones(in state: GameState) throws -> Set<Point> {
    stopPondering()
    var position = state
    if position.isOver && !position.isNoResult {
      while position.moves.last?.move == .pass && position.undo() {}
    }
    let e = try evaluator.evaluate(position, isRoot: true)
    let passAlive = state.passAliveOwnership()
    return Self.deadChains(state.board, whiteOwnership: e.whiteOwnership)
      .filter { passAlive[$0.i] != state.board[$0] }
  }
}
