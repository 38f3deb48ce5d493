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

  @Option(help: "Rules: a preset (chinese, tromp-taylor, japanese, aga, ...), JSON or compact form (default: chinese, komi 7.5; docs/GTP.md says why).")
  var rules: String?

  @Option(help: "Komi (default: the rules' komi).")
  var komi: Double?

  @Option(help: "Board size at start-up (2 to 25).")
  var size: Int = 19

  @OptionGroup var network: NetworkOptions

  @Option(help: ArgumentHelp(
    "A config file of search parameters, `name = value` per line (`#` comments), as `kata-set-param` names them; unknown names only warn.",
    valueName: "file"))
  var config: String?

  @Option(help: ArgumentHelp(
    "Search parameters `name=value,name=value` set at start-up after --config (repeatable; `kata-list-params` lists the names).",
    valueName: "settings"))
  var set: [String] = []

  @Flag(help: ArgumentHelp(
    "Print a config file of every search parameter of both engines (the values these options give, what each accepts and does; all commented out) and exit. configs/gtp_example.cfg is its output with no options."))
  var printConfig = false

  /// The settings of `--config` and `--set`, in that order.
  func settings() throws -> ParameterSettings {
    var s = ParameterSettings()
    do {
      if let config {
        guard let data = FileManager.default.contents(atPath: config),
          let text = String(data: data, encoding: .utf8)
        else { throw ValidationError("cannot read config file '\(config)'") }
        try s.addConfig(text, file: config)
      }
      for item in set { try s.addOverrides(item) }
    } catch let e as ParameterError {
      throw ValidationError(e.message)
    }
    return s
  }

  /// Applies the start-up settings to `engine`, warnings to stderr.
  func configure(_ engine: any AnalyzingEngine, _ settings: ParameterSettings) throws {
    do {
      for w in try settings.apply(to: engine) {
        FileHandle.standardError.write(Data("warning: \(w)\n".utf8))
      }
    } catch {
      throw ValidationError(error.message)
    }
  }

  func run() throws {
    guard (2...25).contains(size) else { throw ValidationError("size must be between 2 and 25") }
    var r = GTPConfiguration.defaultRules
    do {
      if let rules { r = try RulesText.parse(rules) }
    } catch {
      throw ValidationError(error.message)
    }
    if let komi { r.komi = komi }
    if printConfig {
      // One thread per core would make the file depend on the machine: its doc says so instead.
      print(
        ExampleConfig.text(
          puct: try network.parameters(engine), rollout: try engine.parameters(cores: 1)),
        terminator: "")
      return
    }
    let params = try engine.parameters(cores: ProcessInfo.processInfo.activeProcessorCount)
    let settings = try settings()
    var gtp = GTPConfiguration(width: size, height: size, rules: r)
    if let player = try network.player(boardSize: size) {
      gtp.rawNN = player.rawNN
      let puct = PUCTEngine(evaluator: player.evaluator, params: try network.parameters(engine))
      try configure(puct, settings)
      GTPServer.run(engine: puct, configuration: gtp)
      return
    }
    let rollout = RolloutEngine(params: params)
    try configure(rollout, settings)
    GTPServer.run(engine: rollout, configuration: gtp)
  }
}
