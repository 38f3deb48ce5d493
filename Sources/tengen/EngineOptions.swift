import ArgumentParser
import GoCore
import GoSearch

/// Options shared by every command that runs Tengen's own engine.
struct EngineOptions: ParsableArguments {
  @Option(help: "Search threads (default: all cores).")
  var threads: Int?

  @Option(help: "Simulations per move (default: no limit; time decides).")
  var playouts: Int?

  @Option(name: .customLong("time"), help: "Seconds per move at most (default: from the clock, else 5).")
  var moveTime: Double?

  @Option(help: "Seconds kept in reserve per move for lag.")
  var lagBuffer: Double = 0.5

  @Option(help: "Random seed (with --threads 1 and --playouts the engine is deterministic).")
  var seed: UInt64 = 1

  @Option(help: "Resign below this win rate (0 never resigns).")
  var resignThreshold: Double = 0.1

  @Option(help: "Playout policy: standard or light.")
  var policy: String = "standard"

  /// The search parameters these options describe. Each value goes through the parameter's
  /// own setter (`kata-set-param`'s ranges), so an option out of range is refused here, naming
  /// the option, instead of reaching the search (`--time 1e300` once trapped at `genmove`).
  func parameters(cores: Int) throws -> RolloutParameters {
    var p = RolloutParameters()
    p.threads = min(max(1, cores), SearchBudget.maxThreads)
    let set = { (option: String, name: String, value: String?) throws in
      guard let value else { return }
      do {
        try RolloutEngine.setParameter(name, value, in: &p)
      } catch let error as ParameterError {
        throw ValidationError("\(option) \(value): \(error.message)")
      }
    }
    try set("--threads", "threads", threads.map { String($0) })
    try set("--playouts", "maxPlayouts", playouts.map { String($0) })
    try set("--time", "maxTime", moveTime.map { String($0) })
    try set("--lag-buffer", "lagBuffer", String(lagBuffer))
    try set("--seed", "seed", String(seed))
    try set("--resign-threshold", "resignThreshold", String(resignThreshold))
    switch policy {
    case "standard": p.policy = .standard
    case "light": p.policy = .light
    default: throw ValidationError("unknown policy '\(policy)' (standard, light)")
    }
    return p
  }
}
