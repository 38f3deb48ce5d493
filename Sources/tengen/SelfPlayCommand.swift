import ArgumentParser
import Foundation
import GoCore
import GoFeatures
import GoFormats
import GoNeuralNet
import GoNeuralNetCPU
import GoSearch
import GoSelfPlay
import Synchronization

/// Read-only batches shared by the replay threads.
private struct ReplayInputs: @unchecked Sendable {
  let inputs: [Int: NNInputBatch]
  init(_ inputs: [Int: NNInputBatch]) { self.inputs = inputs }
}

/// `tengen selfplay`: plays games against itself with a network and writes training rows and
/// SGF records to a resumable folder (`docs/SELFPLAY.md`).
struct SelfPlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selfplay",
    abstract: "Self-play games that write training rows (.npz) and SGF records; rerun to resume.")

  @Option(help: "The network that plays (KataGo format).") var model: String?
  @Option(help: "Output folder (created; a folder of an earlier run with the same settings resumes).")
  var out: String?
  @Option(help: "Total games the folder should hold.") var games: Int?
  @Option(help: "Stop starting games after this many hours.") var hours: Double?
  @Option(help: "Config file of 'name = value' lines: self-play settings and search parameters.")
  var config: String?
  @Option(help: "Overrides, name=value,name=value (any self-play setting or search parameter).")
  var set: String?
  @Option(help: "Games played at once (they share the network's batches).") var parallelGames = 16
  @Option(help: "Threads of the network's CPU backend, in all.") var nnThreads = 2
  @OptionGroup var backendOptions: BackendOptions
  @Option(
    help: ArgumentHelp(
      "Network batches run at once, each on nn-threads / nn-servers threads (default: nn-threads).",
      discussion: "Small networks run faster as whole batches side by side on single threads."))
  var nnServers: Int?
  @Option(
    help: "Afterwards, time the bare backend on this run's batch sizes for this many seconds and compare.")
  var compareBackend: Double?
  @Option(help: "Largest network batch (default: the number of parallel games).") var nnBatch: Int?
  @Option(help: "Seed of the run: game k is a function of (seed, k).") var seed: UInt64 = 1
  @Option(help: "Seconds between progress lines on stderr.") var progressInterval = 10.0
  @Flag(help: "Print every setting with its value (after --config and --set) and exit.")
  var listSettings = false

  func validate() throws {
    if !listSettings {
      guard model != nil else { throw ValidationError("--model is required") }
      guard out != nil else { throw ValidationError("--out is required") }
      guard games != nil || hours != nil else { throw ValidationError("give --games or --hours (or both)") }
    }
    if let games, games < 0 { throw ValidationError("--games must be at least 0") }
    if let hours, !(hours > 0) { throw ValidationError("--hours must be positive") }
    try CountLimits.check(parallelGames, "--parallel-games", in: CountLimits.concurrent)
    try CountLimits.check(nnThreads, "--nn-threads", in: CountLimits.threads)
    if let nnBatch { try CountLimits.check(nnBatch, "--nn-batch", in: CountLimits.batch) }
    if let nnServers, nnServers < 1 || nnServers > nnThreads {
      throw ValidationError("--nn-servers must be between 1 and --nn-threads")
    }
  }

  func run() throws {
    var parameters = ParameterSettings()
    do {
      if let config {
        let text: String
        do {
          text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
          throw ValidationError("cannot read --config \(config): \(error.localizedDescription)")
        }
        try parameters.addConfig(text, file: config)
      }
      if let set { try parameters.addOverrides(set) }
    } catch let e as ParameterError {
      throw ValidationError(e.message)
    }
    var settings = SelfPlaySettings()
    var search = SelfPlaySettings.defaultSearch()
    do {
      for w in try settings.apply(parameters, search: &search) { warn(w) }
    } catch {
      throw ValidationError(error.message)
    }
    if listSettings {
      for (name, value) in settings.values { print("\(name) = \(value)") }
      return
    }
    OpenBLASCoreType.ensure()
    guard let model, let out else { return }
    let description = try NetworkEvaluator.load(model)
    let servers = nnServers ?? nnThreads
    let backend = try NetworkEvaluator.probed(
      backendOptions.make(model: description, threads: nnThreads / servers, lanes: servers), path: model)
    let evaluator = BatchingEvaluator(
      backend: backend,
      maxBatchSize: nnBatch ?? parallelGames, symmetryMode: .hashed, policyOptimism: 0,
      nodePolicyOptimism: 0)
    let player = SelfPlayGamePlayer(settings: settings, search: search, evaluator: evaluator)
    let store: SelfPlayStore
    do {
      store = try SelfPlayStore(directory: out, header: header(settings, player, description))
    } catch let e as SelfPlayError {
      throw ValidationError(e.description)
    }
    var options = SelfPlayRunner.Options()
    options.games = games
    options.hours = hours
    options.parallelGames = parallelGames
    options.seed = seed
    options.progressInterval = progressInterval
    options.generator = "Tengen 0.1.0 selfplay, network \(description.name)"
    let runner = SelfPlayRunner(player: player, store: store, options: options) {
      let s = evaluator.stats
      return SelfPlayRunner.EvaluatorCounters(positions: s.positionsEvaluated, batches: s.batches)
    }
    warn(
      "selfplay: \(out): \(store.done.count) games, \(store.rowCount) rows already; network \(description.name); "
        + "\(parallelGames) games at once, " + Self.describe(backend))
    let before = evaluator.stats.batchSizeCounts
    let report: SelfPlayRunner.Report
    do {
      report = try runner.run()
    } catch let e as SelfPlayError {
      throw ValidationError(e.description)
    }
    if let compareBackend, report.seconds > 0 {
      let counts = evaluator.stats.batchSizeCounts.enumerated().map { b, n in n - (b < before.count ? before[b] : 0) }
      let size = settings.boardSizes.max { $0.weight < $1.weight }?.value ?? 9
      let raw = try Self.replay(backend, counts: counts, size: size, seconds: compareBackend)
      warn(
        String(
          format: "selfplay: search %.0f visits/s, %.0f evals/s; bare backend on the same batch sizes (mean %.2f, %dx%d, %d at once): %.0f evals/s; visits/raw %.3f, evals/raw %.3f",
          report.visitsPerSecond, Double(report.positions) / report.seconds, report.meanBatch, size, size,
          backend.concurrentEvaluations, raw, report.visitsPerSecond / raw, Double(report.positions) / report.seconds / raw))
    }
  }

  /// Positions per second of the bare backend running batches of the sizes in `counts`
  /// (`counts[b]` batches of size `b`, interleaved and repeated) for `seconds`, as many at once
  /// as the backend runs.
  /// "2 network batches at once on 1 thread(s) each" (CPU) or "the cuda backend, 1 batch at once".
  static func describe(_ backend: any NeuralNetBackend) -> String {
    if let cpu = backend as? CPUBackend {
      return "\(cpu.concurrentEvaluations) network batches at once on \(cpu.threadsPerLane) thread(s) each"
    }
    return "the \(backend.backendName) backend, \(backend.concurrentEvaluations) network batch(es) at once"
  }

  static func replay(_ backend: any NeuralNetBackend, counts: [Int], size: Int, seconds: Double) throws -> Double {
    // The batch sizes in the order a run mixes them.
    var order: [Int] = []
    var remaining = counts
    var progress = true
    while progress {
      progress = false
      for b in remaining.indices where b > 0 && remaining[b] > 0 {
        order.append(b)
        remaining[b] -= 1
        progress = true
      }
    }
    guard !order.isEmpty else { return 0 }
    let game = NNGame(SearchBenchmark.samplePosition(size: size))
    var inputs: [Int: NNInputBatch] = [:]
    for b in Set(order) {
      inputs[b] = NNInputBatch(
        games: Array(repeating: game, count: b), symmetries: (0..<b).map { Symmetry($0 % 8) },
        nnXLen: size, nnYLen: size, options: InputFeatures.Options(modelVersion: backend.model.version))
    }
    for b in Set(order) { _ = try backend.evaluate(inputs[b]!) }
    let next = Mutex(0)
    let positions = Mutex(0)
    let failure = Mutex<(any Error)?>(nil)
    let start = ContinuousClock.now
    let deadline = start + .seconds(saturating: seconds)
    let lanes = backend.concurrentEvaluations
    let box = ReplayInputs(inputs)
    let sizes = order
    DispatchQueue.concurrentPerform(iterations: lanes) { _ in
      while ContinuousClock.now < deadline {
        let b = next.withLock { k -> Int in
          defer { k += 1 }
          return sizes[k % sizes.count]
        }
        do {
          _ = try backend.evaluate(box.inputs[b]!)
        } catch {
          failure.withLock { $0 = error }
          return
        }
        positions.withLock { $0 += b }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    let elapsed = (ContinuousClock.now - start).inSeconds
    return Double(positions.withLock { $0 }) / elapsed
  }

  /// What the folder's games depend on: the seed, the network, every setting.
  func header(_ settings: SelfPlaySettings, _ player: SelfPlayGamePlayer, _ model: ModelDescription) -> JSONValue {
    let engine = PUCTEngine(evaluator: player.evaluator, params: player.search)
    func object(_ values: [(name: String, value: String)]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: values.map { ($0.name, .string($0.value)) }))
    }
    return .object([
      "format": .string("tengen-selfplay"), "version": .int(1), "seed": .string("\(seed)"),
      "model": .string(model.name), "pos_len": .int(settings.rowGrid),
      "settings": object(settings.values),
      "search": object(engine.parameterValues.filter { $0.name != "numSearchThreads" }),
    ])
  }

  func warn(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}
