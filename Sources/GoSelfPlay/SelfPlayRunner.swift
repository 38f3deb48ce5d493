import Foundation
import GoCore
import GoFormats
import GoTrainingData
import Synchronization

/// Runs many self-play games at once, one thread each, all sharing the player's evaluator
/// (whose batches the concurrent games fill), and commits them to the store in groups.
///
/// Game k's seed is a hash of (run seed, k), so a rerun after a kill replays exactly the games
/// that were not committed, and the finished folder is the same whatever was interrupted.
public final class SelfPlayRunner: @unchecked Sendable {
  /// How much to play and how.
  public struct Options: Sendable {
    /// Total games the folder should hold (nil: until `hours`).
    public var games: Int?
    /// Stop starting games after this many hours (nil: until `games`).
    public var hours: Double?
    /// Games played at once.
    public var parallelGames = 8
    /// The run's seed.
    public var seed: UInt64 = 1
    /// Seconds between progress lines.
    public var progressInterval = 10.0
    /// Names the program and network in records.
    public var generator = "tengen selfplay"
    public init() {}
  }

  /// Counters the evaluator keeps (network positions, batches, seconds inside the backend).
  public struct EvaluatorCounters: Sendable {
    public var positions: Int
    public var batches: Int
    public init(positions: Int, batches: Int) {
      self.positions = positions
      self.batches = batches
    }
  }

  /// What one `run()` did.
  public struct Report: Sendable {
    /// Games played and rows written by this run, and the folder's totals.
    public var games = 0
    public var rows = 0
    public var totalGames = 0
    public var totalRows = 0
    public var seconds = 0.0
    /// Visits added by this run's searches, network positions evaluated, backend batches.
    public var visits = 0
    public var positions = 0
    public var batches = 0
    /// Games played out with resignation on for measurement, and how many of those would have
    /// resigned wrongly (the folder's totals).
    public var resignChecked = 0
    public var falseResignations = 0
    /// CPU seconds of this run's game threads (searches, features, rows; complete once the
    /// run has ended) and of the whole process.
    public var gameThreadCPUSeconds = 0.0
    public var processCPUSeconds = 0.0

    public var gamesPerHour: Double { seconds > 0 ? Double(games) * 3600 / seconds : 0 }
    public var rowsPerHour: Double { seconds > 0 ? Double(rows) * 3600 / seconds : 0 }
    public var visitsPerSecond: Double { seconds > 0 ? Double(visits) / seconds : 0 }
    public var meanBatch: Double { batches > 0 ? Double(positions) / Double(batches) : 0 }
  }

  let player: SelfPlayGamePlayer
  let store: SelfPlayStore
  let options: Options
  let counters: (@Sendable () -> EvaluatorCounters)?
  /// Writes one line (stderr by default).
  public var log: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  private struct Shared {
    var next = 0
    var started = 0
    /// Finished games not committed yet, by index.
    var finished: [Int: FinishedSelfPlayGame] = [:]
    /// The first index of the next group: groups are runs of `gamesPerFile` consecutive
    /// indices of this run's order (ascending, committed ones skipped), so that the files'
    /// contents do not depend on which game finished first, and a resumed run, whose order
    /// continues where the committed groups end, groups its games as an uninterrupted run.
    var groupStart = 0
    var playedGames = 0
    var playedRows = 0
    var visits = 0
    var failure: (any Error)?
    /// CPU seconds of the finished game threads (search, features, rows).
    var gameThreadCPU = 0.0
  }
  private let shared = Mutex(Shared())
  /// The process's CPU seconds when `run()` started.
  private var processCPUAtStart = 0.0
  /// Serialises commits (games keep playing meanwhile).
  private let commitLock = NSLock()
  /// Games committed before `run()` started.
  private var committedBefore: Set<Int> = []

  public init(
    player: SelfPlayGamePlayer, store: SelfPlayStore, options: Options,
    counters: (@Sendable () -> EvaluatorCounters)? = nil
  ) {
    self.player = player
    self.store = store
    self.options = options
    self.counters = counters
  }

  /// The seed of game `index` in a run seeded `seed` (splitmix64 of both).
  public static func gameSeed(run seed: UInt64, index: Int) -> UInt64 {
    var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(index + 1)
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Plays until the folder holds `games` games or `hours` have passed (games under way then
  /// are finished), committing groups of `gamesPerFile`; prints a progress line on the way.
  /// - Throws: the first evaluator or file error (committed groups stay valid).
  public func run() throws -> Report {
    processCPUAtStart = Self.processCPUSeconds()
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = options.hours.map { start + .seconds(saturating: $0 * 3600) }
    let before = counters?()
    // Games committed before this run; later commits are of games this run started.
    let committed = store.done
    committedBefore = committed
    let group = DispatchGroup()
    let threads = max(1, min(options.parallelGames, remaining() ?? options.parallelGames))
    for _ in 0..<threads {
      group.enter()
      let t = Thread { [self] in
        defer {
          let cpu = Self.threadCPUSeconds()
          shared.withLock { $0.gameThreadCPU += cpu }
          group.leave()
        }
        while let index = takeNext(deadline: deadline, committed: committed) {
          do {
            let game = try player.play(index: index, seed: Self.gameSeed(run: options.seed, index: index))
            try deliver(game, final: false)
          } catch {
            shared.withLock { if $0.failure == nil { $0.failure = error } }
            return
          }
        }
      }
      t.stackSize = 16 << 20
      t.start()
    }
    var lastLine = clock.now
    while group.wait(timeout: .now() + .milliseconds(200)) == .timedOut {
      if clock.now - lastLine >= .seconds(saturating: options.progressInterval) {
        lastLine = clock.now
        log(progressLine(report(start: start, before: before)))
      }
    }
    if let failure = shared.withLock({ $0.failure }) { throw failure }
    try flush(final: true)
    let r = report(start: start, before: before)
    var done = progressLine(r) + " (done)"
    if r.visits > 0 {
      done += String(
        format: "; CPU per visit: %.3f ms in game threads, %.3f ms in all",
        1000 * r.gameThreadCPUSeconds / Double(r.visits), 1000 * r.processCPUSeconds / Double(r.visits))
    }
    log(done)
    return r
  }

  /// Games still to play for the `games` target (nil: no target).
  private func remaining() -> Int? {
    options.games.map { total in (0..<max(0, total)).filter { !store.done.contains($0) }.count }
  }

  /// The next game index nobody has played, or nil when the target or the deadline is reached.
  private func takeNext(deadline: ContinuousClock.Instant?, committed done: Set<Int>) -> Int? {
    if let deadline, ContinuousClock.now >= deadline { return nil }
    return shared.withLock { s -> Int? in
      if s.failure != nil { return nil }
      while done.contains(s.next) { s.next += 1 }
      if let total = options.games, s.next >= total { return nil }
      s.next += 1
      s.started += 1
      return s.next - 1
    }
  }

  /// Hands a finished game over; commits a group once enough are waiting.
  private func deliver(_ game: FinishedSelfPlayGame, final: Bool) throws {
    shared.withLock { s in
      s.finished[game.index] = game
      s.visits += game.newVisits
    }
    try flush(final: false)
  }

  /// Commits the waiting games (all of them when `final`, else whole groups).
  private func flush(final: Bool) throws {
    commitLock.lock()
    defer { commitLock.unlock() }
    while true {
      let size = player.settings.gamesPerFile
      let group = shared.withLock { s -> [FinishedSelfPlayGame] in
        // The next `size` indices of this run's order (ascending, skipping games committed
        // before the run), from `groupStart`.
        var indices: [Int] = []
        var k = s.groupStart
        while indices.count < size && k < s.next {
          if !committedBefore.contains(k) { indices.append(k) }
          k += 1
        }
        let complete = indices.count == size && indices.allSatisfy { s.finished[$0] != nil }
        if complete {
          s.groupStart = k
          return indices.map { s.finished.removeValue(forKey: $0)! }
        }
        guard final, !s.finished.isEmpty else { return [] }
        let rest = s.finished.keys.sorted().prefix(size).map { s.finished.removeValue(forKey: $0)! }
        return rest
      }
      if group.isEmpty { return }
      let posLen = player.settings.rowGrid
      var file = TrainingRowFile(posLen: posLen)
      let tag = Int64(truncatingIfNeeded: options.seed & 0x7FFF_FFFF) << 32
      for g in group {
        for row in try g.rows(posLen: posLen, gameID: tag | Int64(g.index), shortTermFactor: player.settings.shortTermValueFactor) {
          file.append(row)
        }
      }
      let meta = JSONValue.object([
        "games": .int(group.count), "generator": .string(options.generator),
        "source": .string("selfplay"), "writer": .string("tengen selfplay"),
      ])
      try store.commit(group, rows: file, sgf: group.map { $0.sgfText(generator: options.generator) }, meta: meta)
      shared.withLock { s in
        s.playedGames += group.count
        s.playedRows += file.rows.count
      }
    }
  }

  private func report(start: ContinuousClock.Instant, before: EvaluatorCounters?) -> Report {
    var r = Report()
    r.seconds = (ContinuousClock.now - start).inSeconds
    shared.withLock { s in
      r.games = s.playedGames
      r.rows = s.playedRows
      r.visits = s.visits
      r.gameThreadCPUSeconds = s.gameThreadCPU
    }
    r.processCPUSeconds = Self.processCPUSeconds() - processCPUAtStart
    commitLock.lock()
    r.totalGames = store.done.count
    r.totalRows = store.rowCount
    let checked = store.games.filter { $0.wouldHaveResigned != nil }
    commitLock.unlock()
    if let now = counters?(), let before {
      r.positions = now.positions - before.positions
      r.batches = now.batches - before.batches
    }
    r.resignChecked = checked.count
    r.falseResignations = checked.filter { $0.falseResignation == true }.count
    return r
  }

  /// `games 12/100 (+12), rows 240, 1020 games/h, 20400 rows/h, 1890 visits/s, 1700 evals/s, batch 7.9`.
  func progressLine(_ r: Report) -> String {
    var line = "selfplay: games \(r.totalGames)"
    if let total = options.games { line += "/\(total)" }
    line += " (+\(r.games)), rows \(r.totalRows) (+\(r.rows))"
    line += String(
      format: ", %.0f games/h, %.0f rows/h, %.0f visits/s, %.0f evals/s, mean batch %.1f, %.0f s",
      r.gamesPerHour, r.rowsPerHour, r.visitsPerSecond, r.seconds > 0 ? Double(r.positions) / r.seconds : 0,
      r.meanBatch, r.seconds)
    if r.resignChecked > 0 {
      line += ", false resignations \(r.falseResignations)/\(r.resignChecked)"
    }
    return line
  }

  /// CPU seconds the calling thread has used.
  static func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }

  /// CPU seconds the process has used, all threads.
  static func processCPUSeconds() -> Double { cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) }

  private static func cpuSeconds(_ clock: clockid_t) -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}
