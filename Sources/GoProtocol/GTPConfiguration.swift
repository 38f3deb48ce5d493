public import GoCore

/// Start-up settings of a GTP session (from the command line or a config file).
public struct GTPConfiguration: Sendable {
  /// The `name` reply. Must not start with "KataGo" until the kata dialect is complete,
  /// because Lizzie switches protocols on that prefix.
  public var name: String
  /// The `version` reply.
  public var version: String
  /// Board width at start-up and after `clear_board` until `boardsize` changes it.
  public var width: Int
  /// Board height at start-up.
  public var height: Int
  /// Rules (komi included) at start-up.
  public var rules: Rules
  /// Answers `kata-raw-nn` for a position: (game, colour to evaluate for, symmetry or nil for
  /// all, policy optimism) → the reply text. Nil when no network is loaded.
  public var rawNN: (@Sendable (GameState, Player?, Int?, Double?) throws -> String)?

  public init(
    name: String = "Tengen", version: String = "0.1.0", width: Int = 19, height: Int = 19,
    rules: Rules = .trompTaylor
  ) {
    self.name = name
    self.version = version
    self.width = width
    self.height = height
    self.rules = rules
  }
}
