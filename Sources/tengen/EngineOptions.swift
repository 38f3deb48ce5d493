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

  /// The search parameters these options describe.
  func parameters(cores: Int) throws -> RolloutParameters {
    var p = RolloutParameters()
    p.threads = max(1, threads ?? cores)
    p.maxPlayouts = playouts
    p.maxTime = moveTime
    p.time.lagBuffer = lagBuffer
    p.seed = seed
    p.resignThreshold = resignThreshold
    switch policy {
    case "standard": p.policy = .standard
    case "light": p.policy = .light
    default: throw ValidationError("unknown policy '\(policy)' (standard, light)")
    }
    return p
  }
}
