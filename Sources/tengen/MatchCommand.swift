import ArgumentParser
import Foundation
import GoCore
import GoFormats
import GoMatch
import GoNeuralNet
import GoNeuralNetCPU
import GoSearch

/// `tengen match`: plays two engines against each other and reports the result.
struct MatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "Play a match between two engines (Tengen or any GTP engine).",
    discussion: """
      An engine is `tengen[:key=value,...]` (in-process; keys: threads, playouts, time, seed, \
      policy, resign (model=none: this rollout player); with model=FILE a PUCT network player with keys visits, time, nnthreads, \
      batch, searchthreads, symmetry, thinking, seed, resign; any other key is a parameter name \
      as kata-list-params lists it, e.g. searchFactorWhenWinning=1) or `gtp:<command line>` \
      (any GTP engine). \
      With --time-control both engines play on that clock (GTP engines get time_settings and \
      time_left; `time` then only caps a move), a fallen flag loses the game, and each move's \
      seconds are recorded. \
      Results go to OUT/results.jsonl and one SGF per game; an interrupted match resumes from there.
      Example: tengen match --a tengen:threads=2,time=5 \
      --b "gtp:/usr/games/gnugo --mode gtp --level 10 --chinese-rules" --games 40
      """)

  @Option(help: "Engine A (the one the statistics are for).")
  var a: String

  @Option(help: "Engine B.")
  var b: String

  @Option(help: "Games to play (colours alternate).")
  var games: Int = 2

  @Option(help: "Board size.")
  var size: Int = 9

  @Option(help: "Rules preset.")
  var rules: String = "chinese"

  @Option(help: "Komi (default: the rules' komi).")
  var komi: Double?

  @Option(help: "Clock: none, absolute:MAIN, byoyomi:MAIN:PERIOD:PERIODS, canadian:MAIN:PERIOD:STONES, fischer:MAIN:INC.")
  var timeControl: String = "none"

  @Option(help: "Random opening moves before the engines play (shared by each colour-swapped pair).")
  var opening: Int = 2

  @Option(
    help: ArgumentHelp(
      "Opening file: one opening per line as GTP vertices from Black; pair i plays line i (cycling). Replaces --opening.",
      discussion: "scripts/make_openings.py writes balanced ones."))
  var openings: String?

  @Option(help: "Output directory.")
  var out: String = "runs/match"

  @Option(help: "Stop early by SPRT between two Elo values for A, e.g. 0,50.")
  var sprt: String?

  @Option(help: "Seed for openings.")
  var seed: UInt64 = 1

  func run() throws {
    guard let preset = Rules(preset: rules) else {
      throw ValidationError("unknown rules '\(rules)'")
    }
    var config = MatchRunner.Configuration()
    config.width = size
    config.height = size
    config.rules = komi.map { preset.withKomi($0) } ?? preset
    config.games = games
    config.timeControl = try Self.parseTimeControl(timeControl)
    config.openingMoves = opening
    if let openings {
      do {
        config.openings = try OpeningBook(
          path: openings, width: size, height: size, rules: config.rules
        ).openings
      } catch {
        throw ValidationError("--openings \(openings): \(error)")
      }
    }
    config.outputDirectory = out
    config.seed = seed
    if let sprt {
      let parts = sprt.split(separator: ",").compactMap { Double($0) }
      guard parts.count == 2 else { throw ValidationError("--sprt takes ELO0,ELO1") }
      config.sprt = (parts[0], parts[1])
    }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let playerA = try Self.player(a, name: "A", logDir: out)
    let playerB = try Self.player(b, name: "B", logDir: out)
    defer {
      playerA.close()
      playerB.close()
    }
    let runner = MatchRunner(configuration: config, a: playerA, b: playerB)
    try runner.run { record, stats in
      let line =
        "game \(record.game + 1): \(record.black) (B) vs \(record.white) (W): \(record.result)"
        + " [\(record.reason)] — A: \(stats.report)\n"
      FileHandle.standardError.write(Data(line.utf8))
    }
    print("A = \(a)")
    print("B = \(b)")
    print("A: \(runner.statistics.report)")
    try Self.writeSummary(runner.statistics, sprt: config.sprt, a: a, b: b, to: out + "/summary.json")
    let disagreements = runner.records.filter { $0.deadStonesAgree == false }
    if !disagreements.isEmpty {
      print("dead-stone disagreements in games: \(disagreements.map { $0.game + 1 })")
    }
  }

  /// Writes the match's statistics for programs (the training loop's gating and ratings):
  /// games, wins, losses, draws, score and Elo with their 95% intervals (null where infinite),
  /// and the SPRT's log-likelihood ratio and decision when one was asked for.
  static func writeSummary(
    _ s: MatchStatistics, sprt: (elo0: Double, elo1: Double)?, a: String, b: String, to path: String
  ) throws {
    func finite(_ x: Double) -> Any { x.isFinite ? (x * 10).rounded() / 10 : NSNull() }
    let ci = s.scoreInterval
    let elo = s.eloEstimate
    var object: [String: Any] = [
      "a": a, "b": b, "games": s.games, "wins": s.wins, "losses": s.losses, "draws": s.draws,
      "score": s.score, "score_low": ci.low, "score_high": ci.high,
      "elo": finite(elo.elo), "elo_low": finite(elo.low), "elo_high": finite(elo.high),
    ]
    if let sprt {
      object["sprt"] = [
        "elo0": sprt.elo0, "elo1": sprt.elo1, "llr": s.sprtLLR(elo0: sprt.elo0, elo1: sprt.elo1),
        "decision": s.sprtDecision(elo0: sprt.elo0, elo1: sprt.elo1).map { $0 as Any } ?? NSNull(),
      ]
    }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    let tmp = path + ".tmp"
    try data.write(to: URL(fileURLWithPath: tmp))
    guard rename(tmp, path) == 0 else { throw ValidationError("cannot write \(path)") }
  }

  /// Builds a player from an engine spec.
  static func player(_ spec: String, name: String, logDir: String) throws -> any MatchPlayer {
    if spec.hasPrefix("gtp:") {
      let command = String(spec.dropFirst(4))
      return try GTPMatchPlayer(
        name: command, commandLine: command, stderrPath: logDir + "/engine-\(name).log")
    }
    guard spec == "tengen" || spec.hasPrefix("tengen:") else {
      throw ValidationError("an engine is tengen[:options] or gtp:<command>, not '\(spec)'")
    }
    var options: [String: String] = [:]
    for item in spec.dropFirst(7).split(separator: ",") where !item.isEmpty {
      let kv = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard kv.count == 2 else { throw ValidationError("bad engine option '\(item)'") }
      options[kv[0]] = kv[1]
    }
    // model=none is the rollout player, as `--model none` is for `tengen gtp`.
    if let model = options.removeValue(forKey: "model"), model.lowercased() != BundledNetworks.noneWord {
      return try networkPlayer(spec, model: model, options: options)
    }
    var p = RolloutParameters()
    p.threads = ProcessInfo.processInfo.activeProcessorCount
    var extra = ParameterSettings()
    for (key, value) in options.sorted(by: { $0.key < $1.key }) {
      switch key {
      case "threads": p.threads = Int(value) ?? p.threads
      case "playouts": p.maxPlayouts = Int(value)
      case "time": p.maxTime = Double(value)
      case "seed": p.seed = UInt64(value) ?? p.seed
      case "resign": p.resignThreshold = Double(value) ?? p.resignThreshold
      case "policy": p.policy = value == "light" ? .light : .standard
      default: try extra.addOverrides("\(key)=\(value)")  // any kata-set-param name
      }
    }
    let engine = RolloutEngine(params: p)
    try apply(extra, to: engine, spec)
    return EngineMatchPlayer(
      name: "Tengen(\(spec))", displayName: TengenVersion.displayName + " rollouts", engine: engine)
  }

  /// Sets the options that name engine parameters (`kata-list-params`) on `engine`.
  static func apply(_ settings: ParameterSettings, to engine: any AnalyzingEngine, _ spec: String) throws {
    do {
      _ = try settings.apply(to: engine)
    } catch {
      throw ValidationError("engine '\(spec)': \(error.message)")
    }
  }

  /// A PUCT player over a network: keys model, visits, time, nnthreads, batch, searchthreads,
  /// symmetry (random, KataGo's default, or 0-7), thinking, seed, resign.
  static func networkPlayer(_ spec: String, model: String, options: [String: String]) throws
    -> any MatchPlayer
  {
    var p = PUCTParameters()
    var nnThreads = 2
    var batch = 16
    var symmetry = SymmetryMode.random
    var extra = ParameterSettings()
    for (key, value) in options.sorted(by: { $0.key < $1.key }) {
      switch key {
      case "visits": p.maxVisits = Int(value)
      case "time": p.maxTime = Double(value)
      case "nnthreads": nnThreads = Int(value) ?? nnThreads
      case "batch": batch = Int(value) ?? batch
      case "searchthreads": p.threads = Int(value) ?? p.threads
      case "symmetry":
        if value == "random" {
          symmetry = .random
        } else if let k = Int(value), (0..<8).contains(k) {
          symmetry = .fixed(k)
        } else {
          throw ValidationError("symmetry must be random or 0-7")
        }
      case "seed": p.seed = UInt64(value) ?? p.seed
      case "resign": p.resignThreshold = Double(value) ?? p.resignThreshold
      case "thinking":
        guard let m = PUCTParameters.ThinkingMode(rawValue: value) else {
          throw ValidationError("unknown thinking mode '\(value)'")
        }
        p.thinking = m
      default: try extra.addOverrides("\(key)=\(value)")  // any kata-set-param name
      }
    }
    let evaluator = try NetworkEvaluator.make(
      path: model, nnThreads: nnThreads, maxBatchSize: batch, symmetry: symmetry)
    let engine = PUCTEngine(evaluator: evaluator, params: p)
    try apply(extra, to: engine, spec)
    engine.log = { _ in }
    return EngineMatchPlayer(
      name: "Tengen(\(spec))",
      displayName: TengenVersion.displayName + " " + evaluator.backend.model.name, engine: engine)
  }

  /// Parses `none`, `absolute:60`, `byoyomi:10:5:5`, `canadian:...`, `fischer:60:5`.
  static func parseTimeControl(_ text: String) throws -> TimeControl {
    let parts = text.split(separator: ":").map(String.init)
    let nums = parts.dropFirst().compactMap { Double($0) }
    guard nums.count == parts.count - 1 else { throw ValidationError("bad clock '\(text)'") }
    switch (parts.first ?? "", nums.count) {
    case ("none", 0): return .none
    case ("absolute", 1): return .absolute(main: nums[0])
    case ("byoyomi", 3): return .byoyomi(main: nums[0], period: nums[1], periods: Int(nums[2]))
    case ("canadian", 3): return .canadian(main: nums[0], period: nums[1], stones: Int(nums[2]))
    case ("fischer", 2): return .fischer(main: nums[0], increment: nums[1])
    default: throw ValidationError("bad clock '\(text)'")
    }
  }
}
