import ArgumentParser
import Foundation
import GoAnalysis
import GoSearch

/// `tengen analysis`: KataGo's JSON analysis protocol on stdin/stdout (for KaTrain and other
/// tools); see `docs/ANALYSIS.md`.
struct AnalysisSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analysis",
    abstract: "Answer KataGo-style JSON analysis queries on stdin/stdout (diagnostics on stderr).")

  @OptionGroup var engine: EngineOptions

  @Option(
    name: [.long, .customLong("model", withSingleDash: true)],
    help: ArgumentHelp(
      "A KataGo-format network (.bin.gz, .bin, .txt.gz, .txt), or `none` for rollouts (default: the bundled network).",
      valueName: "file|none"))
  var model: String?

  /// KataGo's launch options that KaTrain passes (`-config`, `-override-config`,
  /// `-human-model`): accepted so KaTrain can start Tengen as it starts KataGo, then ignored.
  @Option(name: .customLong("config", withSingleDash: true), help: .hidden)
  var katagoConfig: String?
  @Option(name: .customLong("override-config", withSingleDash: true), help: .hidden)
  var katagoOverrideConfig: String?
  @Option(name: .customLong("human-model", withSingleDash: true), help: .hidden)
  var katagoHumanModel: String?

  @Option(help: "Queries analysed at the same time (one engine each).")
  var analysisThreads: Int = 2

  @Option(help: "Threads of the network's CPU backend.")
  var nnThreads: Int = 2

  @OptionGroup var backend: BackendOptions

  @Option(help: "Largest batch of network evaluations shared by the analysis threads.")
  var nnMaxBatchSize: Int = 16

  @Option(help: "Visits per analysis when a query sets neither maxVisits nor maxTime.")
  var maxVisits: Int = 500

  @Option(help: "Seconds per analysis at most (default: no limit).")
  var maxTime: Double?

  @Option(help: "Perspective of win rates, scores and ownership: BLACK, WHITE or SIDETOMOVE.")
  var reportAnalysisWinratesAs: String = "BLACK"

  @Option(help: "Largest board side accepted (2 to 25; KataGo accepts 19).")
  var maxBoardSize: Int = 19

  @Option(help: "Moves in each principal variation after the first.")
  var analysisPVLen: Int = 15

  @Flag(help: "Do not warn about unknown query fields.")
  var noWarnUnusedFields = false

  func run() throws {
    try CountLimits.check(analysisThreads, "--analysis-threads", in: CountLimits.threads)
    try CountLimits.check(nnThreads, "--nn-threads", in: CountLimits.threads)
    try CountLimits.check(nnMaxBatchSize, "--nn-max-batch-size", in: CountLimits.batch)
    guard maxVisits >= 1 else { throw ValidationError("--max-visits must be at least 1") }
    if let maxTime, !(0...SearchBudget.maxSeconds).contains(maxTime) {
      throw ValidationError("--max-time must be a number from 0 to \(Int(SearchBudget.maxSeconds))")
    }
    guard (2...25).contains(maxBoardSize) else {
      throw ValidationError("--max-board-size must be between 2 and 25")
    }
    guard let perspective = ReportPerspective(text: reportAnalysisWinratesAs) else {
      throw ValidationError("--report-analysis-winrates-as must be BLACK, WHITE or SIDETOMOVE")
    }
    // One note for all of them: KaTrain passes -config and -override-config on every start.
    let ignored = [
      ("-config", katagoConfig), ("-override-config", katagoOverrideConfig),
      ("-human-model", katagoHumanModel),
    ].filter { $0.1 != nil }.map(\.0)
    if !ignored.isEmpty {
      FileHandle.standardError.write(Data(
        "tengen analysis: ignoring KataGo's \(ignored.joined(separator: ", ")) (settings come from options)\n".utf8))
    }
    var config = AnalysisConfiguration()
    config.threads = analysisThreads
    config.maxVisits = maxVisits
    config.maxTime = maxTime
    config.perspective = perspective
    config.maxBoardSize = maxBoardSize
    config.pvLength = max(1, analysisPVLen)
    config.warnUnusedFields = !noWarnUnusedFields
    // Analyses run side by side: each engine gets a share of the cores.
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let params = try engine.parameters(cores: max(1, cores / analysisThreads))
    let factory = try makeAnalysisEngineFactory(
      model: model, params: params, nnThreads: nnThreads, maxBatchSize: nnMaxBatchSize, backend: backend)
    config.models = factory.models
    AnalysisServer.run(configuration: config, makeEngine: factory.makeEngine)
  }
}
