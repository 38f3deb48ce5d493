import ArgumentParser
import Foundation
import GoCore
import GoFormats
import GoNeuralNet
import GoNeuralNetCPU
import GoProtocol
import GoSearch

/// `tengen gtp`: plays over GTP v2 on stdin/stdout (diagnostics on stderr).
///
/// Named `GTPSubcommand` so it does not shadow `GoProtocol.GTPCommand`, the typed command enum.
struct GTPSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gtp", abstract: "Speak GTP on stdin/stdout (for GUIs and servers).")

  @OptionGroup var engine: EngineOptions

  @Option(help: "Rules: a preset (tromp-taylor, chinese, japanese, aga, ...), JSON or compact form.")
  var rules: String = "tromp-taylor"

  @Option(help: "Komi (default: the rules' komi).")
  var komi: Double?

  @Option(help: "Board size at start-up (2 to 25).")
  var size: Int = 19

  @OptionGroup var network: NetworkOptions

  func run() throws {
    guard (2...25).contains(size) else { throw ValidationError("size must be between 2 and 25") }
    var r: Rules
    do {
      r = try RulesText.parse(rules)
    } catch {
      throw ValidationError(error.message)
    }
    if let komi { r.komi = komi }
    let params = try engine.parameters(cores: ProcessInfo.processInfo.activeProcessorCount)
    var config = GTPConfiguration(width: size, height: size, rules: r)
    if network.model != nil {
      OpenBLASCoreType.ensure()
      guard let evaluator = try network.evaluator() else { return }
      config.rawNN = RawNNEvaluator(backend: evaluator.backend).gtpHandler()
      let puct = try network.parameters(engine)
      GTPServer.run(configuration: config) { _ in PUCTEngine(evaluator: evaluator, params: puct) }
      return
    }
    GTPServer.run(configuration: config) { _ in RolloutEngine(params: params) }
  }
}
