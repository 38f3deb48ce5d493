import ArgumentParser
import Foundation
import GoCore
import GoNeuralNet
import GoSearch

/// Options of the network player (PUCT search over a KataGo-format model).
struct NetworkOptions: ParsableArguments {
  @Option(help: ArgumentHelp(
    "A KataGo-format network (.bin.gz, .bin, .txt.gz, .txt) to search with, or `none` for rollouts (default: the bundled network for the board size).",
    valueName: "file|none"))
  var model: String?

  @Option(help: "Threads of the network's CPU backend.")
  var nnThreads: Int = 2

  @OptionGroup var backend: BackendOptions

  @Option(help: "Largest batch the network evaluates at once.")
  var nnBatch: Int = 16

  @Option(help: "PUCT search threads (they mostly wait on the network; more fill its batches).")
  var searchThreads: Int = 16

  @Option(help: "Visits per move with a network (default: no limit; time decides).")
  var visits: Int?

  @Option(help: "Thinking mode with a network: fast (raw policy), slow (full search) or auto.")
  var thinking: String = "slow"

  @Option(help: "Keep searching on the opponent's time (GTP).")
  var ponder: Bool = false

  @Option(help: "Network symmetry per evaluation: random (KataGo's nnRandomize) or 0-7 (fixed).")
  var nnSymmetry: String = "random"

  func validate() throws {
    try CountLimits.check(nnThreads, "--nn-threads", in: CountLimits.threads)
    try CountLimits.check(nnBatch, "--nn-batch", in: CountLimits.batch)
    try CountLimits.check(searchThreads, "--search-threads", in: CountLimits.threads)
  }

  /// The symmetry mode `--nn-symmetry` names.
  func symmetryMode() throws -> SymmetryMode {
    if nnSymmetry == "random" { return .random }
    guard let k = Int(nnSymmetry), (0..<8).contains(k) else {
      throw ValidationError("--nn-symmetry must be random or 0-7")
    }
    return .fixed(k)
  }

  /// The network player's evaluator for boards of side `boardSize` (see `BundledNetworks` and
  /// `NetworkEvaluator.makePlayer`: with several bundled networks, each board size gets its
  /// own), or nil for rollouts. A named model that cannot load throws; a bundled one that is
  /// missing or cannot load warns once on stderr and gives nil.
  func player(boardSize: Int) throws -> NetworkPlayer? {
    try NetworkEvaluator.makePlayer(
      choice: BundledNetworks.choice(model: model, boardSize: boardSize),
      nnThreads: nnThreads, maxBatchSize: nnBatch, symmetry: try symmetryMode(), backend: backend)
  }

  /// PUCT settings from these options and the shared engine options, each through the
  /// parameter's own setter and range (an option out of range is refused, naming it).
  func parameters(_ engine: EngineOptions) throws -> PUCTParameters {
    var p = PUCTParameters()
    let set = { (option: String, name: String, value: String?) throws in
      guard let value else { return }
      do {
        try PUCTEngine.setParameter(name, value, in: &p)
      } catch let error as ParameterError {
        throw ValidationError("\(option) \(value): \(error.message)")
      }
    }
    try set("--search-threads", "numSearchThreads", String(searchThreads))
    try set(visits != nil ? "--visits" : "--playouts", "maxVisits", (visits ?? engine.playouts).map { String($0) })
    try set("--time", "maxTime", engine.moveTime.map { String($0) })
    try set("--lag-buffer", "lagBuffer", String(engine.lagBuffer))
    try set("--seed", "seed", String(engine.seed))
    if engine.resignThreshold != 0.1 {
      try set("--resign-threshold", "resignThreshold", String(engine.resignThreshold))
    }
    p.ponder = ponder
    guard let mode = PUCTParameters.ThinkingMode(rawValue: thinking) else {
      throw ValidationError("unknown thinking mode '\(thinking)' (fast, slow, auto)")
    }
    p.thinking = mode
    return p
  }
}
