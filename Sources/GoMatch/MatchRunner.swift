import Foundation
public import GoCore
import GoFormats
import GoSearch

/// Plays games between two players and records every result, resumably.
///
/// Colours alternate; game pairs share the same opening (random or from an `OpeningBook`) with
/// colours swapped. Each game's record goes to `results.jsonl` (one JSON object per line, with
/// the engines' full specs) and an SGF file (`MatchRunner+SGF.swift`: the engines' own names,
/// no command lines), so an interrupted match resumes where it stopped.
public final class MatchRunner {
  /// Settings of a match.
  public struct Configuration: Sendable {
    public var width = 9
    public var height = 9
    public var rules = Rules.chinese
    public var games = 2
    public var timeControl = TimeControl.none
    /// Random opening moves played for variety before the engines take over (per pair).
    public var openingMoves = 2
    /// Fixed openings (pair `i` plays `openings[i % count]`); when given, no random ones.
    public var openings: [[Move]] = []
    public var maxMoves = 0
    public var seed: UInt64 = 1
    public var outputDirectory = "match"
    /// Stop early when an SPRT between these Elo hypotheses (for player A) decides.
    public var sprt: (elo0: Double, elo1: Double)?

    public init() {}
  }

  /// The outcome of one game, as stored in `results.jsonl`.
  public struct GameRecord: Codable, Sendable {
    public var game: Int
    public var black: String
    public var white: String
    /// `B+3.5`, `W+R`, `W+T`, `B+F` (forfeit), `0`.
    public var result: String
    /// `A`, `B` or nil for a draw.
    public var winner: String?
    public var reason: String
    public var moves: Int
    public var blackScore: String?
    public var whiteScore: String?
    /// The referee's area count (Tengen's rules core) with the dead stones both engines
    /// agreed on; after a cleanup play-out, with only the stones both still call dead.
    public var refereeScore: String?
    /// Whether the engines named the same dead stones when both first passed (nil when one
    /// could not say).
    public var deadStonesAgree: Bool?
    /// Moves of the cleanup play-out that settled a dispute over dead stones (nil: none).
    public var cleanupMoves: Int?
    public var sgf: String
    /// Seconds each colour (`B`, `W`) spent over the game.
    public var seconds: [String: Double]
    /// Seconds each colour's moves took, in order (the clock was charged exactly these).
    public var moveSeconds: [String: [Double]]?
    /// Each colour's moves begun in overtime (byo-yomi or Canadian), as indices into
    /// `moveSeconds`; empty with no overtime.
    public var overtimeMoves: [String: [Int]]?
    /// The match's clock as `tengen match --time-control` writes it (`none`, `absolute:20`).
    public var timeControl: String?
  }

  public let configuration: Configuration
  let a: any MatchPlayer
  let b: any MatchPlayer
  public private(set) var records: [GameRecord] = []
  /// Writes one warning line (stderr by default): what the match could not record.
  public var warn: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data(("warning: " + line + "\n").utf8))
  }

  public init(configuration: Configuration, a: any MatchPlayer, b: any MatchPlayer) {
    self.configuration = configuration
    self.a = a
    self.b = b
  }

  /// Results so far from player A's side.
  public var statistics: MatchStatistics {
    var s = MatchStatistics()
    for r in records {
      switch r.winner {
      case "A": s.wins += 1
      case "B": s.losses += 1
      default: s.draws += 1
      }
    }
    return s
  }

  var resultsPath: String { configuration.outputDirectory + "/results.jsonl" }

  /// Loads the games already recorded in the output directory.
  ///
  /// A last line without its newline is a record torn by a crash in mid-write: it is cut off
  /// the file (`warn` says so) and its game is played again. Any other line that is not a
  /// record of the next game stops the resume with its line number, since skipping it would
  /// renumber the games after it and overwrite their SGF files.
  /// - Throws: `MatchError` for such a line, or when the file cannot be read or repaired.
  public func loadExisting() throws {
    try FileManager.default.createDirectory(
      atPath: configuration.outputDirectory, withIntermediateDirectories: true)
    guard FileManager.default.fileExists(atPath: resultsPath) else { return }
    guard let data = FileManager.default.contents(atPath: resultsPath) else {
      throw MatchError("cannot read \(resultsPath)")
    }
    var complete = data
    if let last = data.last, last != UInt8(ascii: "\n") {
      let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
      complete = data[data.startIndex..<keep]
      do {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: resultsPath))
        try handle.truncate(atOffset: UInt64(keep - data.startIndex))
        try handle.close()
      } catch {
        throw MatchError("cannot cut the torn last line off \(resultsPath): \(error)")
      }
      warn("\(resultsPath): cut off a torn last line (\(data.count - keep + data.startIndex) bytes); that game is played again")
    }
    let decoder = JSONDecoder()
    var loaded: [GameRecord] = []
    let lines = complete.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
    for (i, line) in lines.enumerated() {
      let record: GameRecord
      do {
        record = try decoder.decode(GameRecord.self, from: Data(line))
      } catch {
        throw MatchError("\(resultsPath):\(i + 1) is not a game record (\(error)); repair or delete that line to resume")
      }
      guard record.game == loaded.count else {
        throw MatchError("\(resultsPath):\(i + 1) records game \(record.game + 1) where game \(loaded.count + 1) belongs; repair the file to resume")
      }
      loaded.append(record)
    }
    records = loaded
  }

  /// Plays the remaining games, calling `progress` after each.
  public func run(progress: (GameRecord, MatchStatistics) -> Void) throws {
    try loadExisting()
    while records.count < configuration.games {
      let record = playGame(index: records.count)
      records.append(record)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let line = try encoder.encode(record)
      if !FileManager.default.fileExists(atPath: resultsPath) {
        _ = FileManager.default.createFile(atPath: resultsPath, contents: nil)
      }
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: resultsPath))
      try handle.seekToEnd()
      try handle.write(contentsOf: line + Data("\n".utf8))
      try handle.synchronize()
      try handle.close()
      progress(record, statistics)
      if let sprt = configuration.sprt,
        statistics.sprtDecision(elo0: sprt.elo0, elo1: sprt.elo1) != nil
      {
        break
      }
    }
  }

  /// The opening moves of game pair `pair`: the configured openings in turn, or else random
  /// points away from the edge.
  func opening(pair: Int) -> [Move] {
    if !configuration.openings.isEmpty {
      return configuration.openings[pair % configuration.openings.count]
    }
    var rng = FastRandom(seed: configuration.seed &+ UInt64(pair) &* 0x9E37)
    var state = GameState(
      width: configuration.width, height: configuration.height, rules: configuration.rules)
    var moves: [Move] = []
    let margin = min(configuration.width, configuration.height) >= 9 ? 2 : 0
    for _ in 0..<configuration.openingMoves {
      for _ in 0..<100 {
        let x = margin + rng.below(max(1, configuration.width - 2 * margin))
        let y = margin + rng.below(max(1, configuration.height - 2 * margin))
        let m = Move.play(Point(x: x, y: y))
        if state.isLegal(m) {
          try? state.play(m)
          moves.append(m)
          break
        }
      }
    }
    return moves
  }

  /// Plays game `index`: A is Black in even games.
  func playGame(index: Int) -> GameRecord {
    let c = configuration
    let aIsBlack = index % 2 == 0
    let black = aIsBlack ? a : b
    let white = aIsBlack ? b : a
    var state = GameState(width: c.width, height: c.height, rules: c.rules)
    let started = Date()
    var openingMoves = 0
    var seconds: [String: Double] = ["B": 0, "W": 0]
    var moveSeconds: [String: [Double]] = ["B": [], "W": []]
    var overtimeMoves: [String: [Int]] = ["B": [], "W": []]
    let clock = ContinuousClock()
    var clocks: [Player: ClockState] = [
      .black: ClockState(start: c.timeControl), .white: ClockState(start: c.timeControl),
    ]
    func finish(_ result: String, winner: Player?, reason: String, scores: Scores? = nil)
      -> GameRecord
    {
      let winnerName: String? = winner.map { ($0 == .black) == aIsBlack ? "A" : "B" }
      let file = String(format: "game%04d.sgf", index)
      let sgf = sgfRecord(
        state, black: recordName(black), white: recordName(white), result: result, reason: reason,
        date: started, openingMoves: openingMoves)
      writeSGF(sgf, name: file)
      return GameRecord(
        game: index, black: black.name, white: white.name, result: result, winner: winnerName,
        reason: reason, moves: state.moves.count, blackScore: scores?.black,
        whiteScore: scores?.white, refereeScore: scores?.referee,
        deadStonesAgree: scores?.deadAgree, cleanupMoves: scores?.cleanupMoves, sgf: file, seconds: seconds,
        moveSeconds: moveSeconds, overtimeMoves: overtimeMoves,
        timeControl: Self.text(of: c.timeControl))
    }
    // An engine that cannot start the game forfeits it.
    for (player, side) in [(Player.black, black), (Player.white, white)] {
      do {
        try side.newGame(width: c.width, height: c.height, rules: c.rules, timeControl: c.timeControl)
      } catch {
        return finish(
          "\(colorText(player.opponent))+F", winner: player.opponent,
          reason: "\(side.name) failed to start the game: \(error)")
      }
    }
    do {
      for m in opening(pair: index / 2) {
        let p = state.toMove
        try state.play(m)
        try black.play(m, by: p, height: c.height)
        try white.play(m, by: p, height: c.height)
        openingMoves += 1
      }
    } catch {
      return finish("0", winner: nil, reason: "setup failed: \(error)")
    }
    let maxMoves = c.maxMoves > 0 ? c.maxMoves : c.width * c.height * 3
    /// Plays until the game ends or `limit` moves are on the record; a finished record when a
    /// player forfeits, resigns or loses on time.
    func playOut(until limit: Int, cleanup: Bool) -> GameRecord? {
      while !state.isOver {
        let p = state.toMove
        let mover = p == .black ? black : white
        let other = p == .black ? white : black
        if state.moves.count >= limit {
          return nil
        }
        let start = clock.now
        let before = clocks[p]!
        let decision: MoveDecision
        do {
          decision = try mover.generateMove(p, clock: clocks[p]!, height: c.height, cleanup: cleanup)
        } catch {
          return finish(
            "\(colorText(p.opponent))+F", winner: p.opponent,
            reason: "\(mover.name) failed: \(error)")
        }
        let dt = (clock.now - start).inSeconds
        seconds[colorText(p), default: 0] += dt
        if before.inOvertime || (before.mainTime <= 0 && c.timeControl.hasOvertime) {
          overtimeMoves[colorText(p), default: []].append(moveSeconds[colorText(p)]?.count ?? 0)
        }
        moveSeconds[colorText(p), default: []].append(dt)
        let after = clocks[p]!.after(move: dt, under: c.timeControl)
        clocks[p] = after
        if Self.flagFell(after, c.timeControl) {
          return finish(
            "\(colorText(p.opponent))+T", winner: p.opponent, reason: "\(mover.name) lost on time")
        }
        guard case .move(let move) = decision else {
          return finish(
            "\(colorText(p.opponent))+R", winner: p.opponent, reason: "\(mover.name) resigned")
        }
        if let why = state.illegality(move) {
          return finish(
            "\(colorText(p.opponent))+F", winner: p.opponent,
            reason: "\(mover.name) played illegal \(GTPVertex.text(move, height: c.height)) (\(why))")
        }
        try? state.play(move)
        do { try other.play(move, by: p, height: c.height) } catch {
          return finish(
            "\(colorText(p))+F", winner: p,
            reason: "\(other.name) refused \(GTPVertex.text(move, height: c.height)): \(error)")
        }
      }
      return nil
    }
    if let ended = playOut(until: maxMoves, cleanup: false) { return ended }
    var scores = adjudicate(state, black: black, white: white)
    var reason = state.isOver ? "both passed" : "move limit"
    if scores.deadAgree != true && state.isOver && !state.isNoResult {
      // The engines disagree on what is dead: neither judgement is the referee's. As on KGS,
      // the game resumes with both engines capturing what they call dead (`kgs-genmove_cleanup`),
      // and what stands when both pass again counts as alive unless both call it dead.
      let first = scores
      let resumedAt = state.moves.count
      state.resume()
      if let ended = playOut(until: resumedAt + c.width * c.height * 2, cleanup: true) { return ended }
      scores = adjudicate(state, black: black, white: white, afterCleanup: true)
      scores.deadAgree = first.deadAgree
      scores.cleanupMoves = state.moves.count - resumedAt
      reason = "dead stones disputed; \(scores.cleanupMoves!) cleanup moves, then "
        + (state.isOver ? "both passed" : "cleanup move limit")
    }
    let margin = scores.margin
    let winner: Player? = margin > 0 ? .black : (margin < 0 ? .white : nil)
    return finish(scores.referee ?? "0", winner: winner, reason: reason, scores: scores)
  }

  /// `control` as `--time-control` spells it: `none`, `absolute:20`, `byoyomi:0:5:3`, ...
  public static func text(of control: TimeControl) -> String {
    func n(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
    switch control {
    case .none: return "none"
    case .absolute(let m): return "absolute:\(n(m))"
    case .byoyomi(let m, let p, let k): return "byoyomi:\(n(m)):\(n(p)):\(k)"
    case .canadian(let m, let p, let k): return "canadian:\(n(m)):\(n(p)):\(k)"
    case .fischer(let m, let i): return "fischer:\(n(m)):\(n(i))"
    }
  }

  /// True if a clock has run out.
  static func flagFell(_ clock: ClockState, _ control: TimeControl) -> Bool {
    switch control {
    case .none: return false
    case .absolute, .fischer: return clock.mainTime < 0
    case .canadian: return clock.inOvertime && clock.periodTime < 0
    case .byoyomi: return clock.inOvertime && clock.count <= 0
    }
  }

  /// Both players' counts and the referee's.
  struct Scores {
    var black: String?
    var white: String?
    var referee: String?
    var deadAgree: Bool?
    var margin: Double
    var cleanupMoves: Int? = nil
  }

  /// Counts a finished game: asks both players for dead stones and scores; the referee counts
  /// with the dead stones both name. A player that cannot answer is reported (`warn`) and its
  /// answer left out (nil in the record), never taken as "no dead stones". When they differ
  /// (`deadAgree` not true) the caller plays a cleanup and asks again with `afterCleanup`: then
  /// only the stones both call dead are removed, and a player that cannot answer removes none.
  func adjudicate(
    _ state: GameState, black: any MatchPlayer, white: any MatchPlayer, afterCleanup: Bool = false
  ) -> Scores {
    let h = state.height
    func ask<T>(_ player: any MatchPlayer, _ what: String, _ question: () throws -> T?) -> T? {
      do {
        return try question()
      } catch {
        warn("\(player.name) could not give its \(what): \(error)")
        return nil
      }
    }
    let deadB = ask(black, "dead stones") { try black.deadStones(height: h) }
    let deadW = ask(white, "dead stones") { try white.deadStones(height: h) }
    let agree: Bool? = (deadB != nil && deadW != nil) ? deadB == deadW : nil
    let dead = afterCleanup || agree != true ? (deadB ?? []).intersection(deadW ?? []) : deadB ?? []
    let referee = state.score(dead: dead)
    return Scores(
      black: ask(black, "final score") { try black.finalScore() },
      white: ask(white, "final score") { try white.finalScore() },
      referee: referee.resultString, deadAgree: agree, margin: referee.margin)
  }
}
