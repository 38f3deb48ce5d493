/// Why a command to an external GTP engine (`GTPClient`) failed.
public enum GTPClientError: Error, CustomStringConvertible {
  /// The engine's process could not be started.
  case launch(String)
  /// The engine answered `?` (or something that is not a GTP reply).
  case engineError(String)
  /// No reply within the time allowed.
  case timeout(String)
  /// The engine's process ended before it answered.
  case closed(String)

  public var description: String {
    switch self {
    case .launch(let s): return "could not start engine: \(s)"
    case .engineError(let s): return "engine error: \(s)"
    case .timeout(let s): return "no response in time to: \(s)"
    case .closed(let s): return "engine exited while answering: \(s)"
    }
  }
}
