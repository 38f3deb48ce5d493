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
    func rounded(_ x: Double) -> JSONValue { .double((x * 10).rounded() / 10) }
    let ci = s.scoreInterval
    let elo = s.eloEstimate
    var object: [String: JSONValue] = [
      "a": .string(a), "b": .string(b), "games": .int(s.games), "wins": .int(s.wins),
      "losses": .int(s.losses), "draws": .int(s.draws), "score": .double(s.score),
      "score_low": .double(ci.low), "score_high": .double(ci.high),
      "elo": rounded(elo.elo), "elo_low": rounded(elo.low), "elo_high": rounded(elo.high),
    ]
    if let sprt {
      object["sprt"] = .object([
        "elo0": .double(sprt.elo0), "elo1": .double(sprt.elo1),
        "llr": .double(s.sprtLLR(elo0: sprt.elo0, elo1: sprt.elo1)),
        "decision": s.sprtDecision(elo0: sprt.elo0, elo1: sprt.elo1).map { .string($0) } ?? .null,
      ])
    }
    let data = Data((JSONValue.object(object).prettyText + "\n").utf8)
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
    var options: [(key: String, value: String)] = []
    for item in spec.dropFirst(7).split(separator: ",") where !item.isEmpty {
      let kv = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard kv.count == 2 else { throw ValidationError("bad engine option '\(item)'") }
      options.append((kv[0], kv[1]))
    }
    // model=none is the rollout player, as `--model none` is for `tengen gtp`.
    if let k = options.lastIndex(where: { $0.key == "model" }) {
      let model = options[k].value
      options.removeAll { $0.key == "model" }
      if model.lowercased() != BundledNetworks.noneWord {
        return try networkPlayer(spec, model: model, options: options)
      }
    }
    var p = RolloutParameters()
    p.threads = ProcessInfo.processInfo.activeProcessorCount
    let engine = RolloutEngine(params: p)
    try apply(settings(options, aliases: rolloutKeys, spec), to: engine, spec)
    return EngineMatchPlayer(
      name: "Tengen(\(spec))", displayName: TengenVersion.displayName + " rollouts", engine: engine)
  }

  /// The rollout player's short spec keys and the parameters they name.
  static let rolloutKeys = [
    "threads": "threads", "playouts": "maxPlayouts", "time": "maxTime", "seed": "seed",
    "resign": "resignThreshold", "policy": "policy",
  ]
  /// The network player's short spec keys and the parameters they name.
  static let networkKeys = [
    "visits": "maxVisits", "time": "maxTime", "searchthreads": "numSearchThreads", "seed": "seed",
    "resign": "resignThreshold", "thinking": "thinking",
  ]

  /// A spec's engine options as parameter settings (short keys translated by `aliases`, any
  /// other key a `kata-list-params` name), in the spec's order: they are set as `kata-set-param`
  /// sets them, so a bad value (`threads=abc`) or an unknown key is an error, never a default.
  static func settings(
    _ options: [(key: String, value: String)], aliases: [String: String], _ spec: String
  ) throws -> ParameterSettings {
    var settings = ParameterSettings()
    for (key, value) in options {
      do {
        try settings.addOverrides("\(aliases[key] ?? key)=\(value)", source: "option \(key)")
      } catch {
        throw ValidationError("engine '\(spec)': \(error.message)")
      }
    }
    return settings
  }

  /// Sets the options that name engine parameters (`kata-list-params`) on `engine`.
  static func apply(_ settings: ParameterSettings, to engine: any AnalyzingEngine, _ spec: String) throws {
    do {
      _ = try settings.apply(to: engine)
    } catch {
      throw ValidationError("engine '\(spec)': \(error.message)")
    }
  }

  /// An integer option of the network player's evaluator within `range`.
  static func evaluatorOption(_ key: String, _ value: String, _ range: ClosedRange<Int>, _ spec: String) throws -> Int {
    guard let n = Int(value), range.contains(n) else {
      throw ValidationError(
        "engine '\(spec)': Invalid value for \(key): \(value) (an integer from \(range.lowerBound) to \(range.upperBound))")
    }
    return n
  }

  /// A PUCT player over a network: its evaluator's keys model, nnthreads, batch and symmetry
  /// (random, KataGo's default, or 0-7); the short keys of `networkKeys`; any other key a
  /// `kata-list-params` name.
  static func networkPlayer(_ spec: String, model: String, options: [(key: String, value: String)]) throws
    -> any MatchPlayer
  {
    var nnThreads = 2
    var batch = 16
    var symmetry = SymmetryMode.random
    var search: [(key: String, value: String)] = []
    for (key, value) in options {
      switch key {
      case "nnthreads": nnThreads = try evaluatorOption(key, value, 1...256, spec)
      case "batch": batch = try evaluatorOption(key, value, 1...1024, spec)
      case "symmetry":
        if value == "random" {
          symmetry = .random
        } else if let k = Int(value), (0..<8).contains(k) {
          symmetry = .fixed(k)
        } else {
          throw ValidationError("engine '\(spec)': symmetry must be random or 0-7, not '\(value)'")
        }
      default: search.append((key, value))
      }
    }
    let settings = try settings(search, aliases: networkKeys, spec)
    let evaluator = try NetworkEvaluator.make(
      path: model, nnThreads: nnThreads, maxBatchSize: batch, symmetry: symmetry)
    let engine = PUCTEngine(evaluator: evaluator, params: PUCTParameters())
    try apply(settings, to: engine, spec)
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
