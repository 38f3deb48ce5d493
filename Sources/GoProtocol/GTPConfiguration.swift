public import GoCore
import GoFormats

/// Start-up settings of a GTP session (from the command line or a config file).
public struct GTPConfiguration: Sendable {
  /// The default `version` reply: `0.17.0+tengen.` and Tengen's version.
  ///
  /// Lizzie takes any engine whose `name` does not start with "KataGo" for Leela Zero and
  /// reads the second number of the first word of `version` as Leela Zero's minor version; it
  /// shows a modal "requires version 0.15 or later" dialog below 15 (and fails on a word
  /// without two dot-separated numbers). `0.17.0` is the Leela Zero release whose
  /// `lz-analyze` lines (with `lcb` and `order`) Tengen writes; the semver build metadata
  /// after `+` carries Tengen's own version. Sabaki and KaTrain do not read the reply.
  public static let gtpVersion = "0.17.0+tengen." + TengenVersion.number

  /// The `name` reply. Must not start with "KataGo" until the kata dialect is complete,
  /// because Lizzie switches protocols on that prefix.
  public var name: String
  /// The `version` reply (see `gtpVersion`).
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

  /// The rules of a session that sets none: Chinese (area scoring, komi 7.5, simple ko, no
  /// suicide, passing with dead stones on the board allowed).
  ///
  /// GUIs (Sabaki, GoGui, Lizzie, Kigo, qGo) send `komi` at most, never rules, so these are
  /// the rules GUI users play. They are chosen so that Tengen and the GUI agree on every move
  /// and on the end: GUIs check simple ko and forbid suicide, so with simple ko Tengen accepts
  /// every move a GUI accepts (under superko a GUI could send a move Tengen refuses) and with
  /// no suicide it never plays one a GUI refuses (Tromp-Taylor, KataGo's example-config rules,
  /// allows multi-stone suicide); area scoring counts the same whoever judges dead stones
  /// within a point, and a friendly pass ends the game when both pass instead of making
  /// Tengen capture every dead stone first. Komi 7.5 is KataGo's and the area-scoring norm.
  public static let defaultRules = Rules.chinese

  public init(
    name: String = "Tengen", version: String = GTPConfiguration.gtpVersion, width: Int = 19,
    height: Int = 19, rules: Rules = GTPConfiguration.defaultRules
  ) {
    self.name = name
    self.version = version
    self.width = width
    self.height = height
    self.rules = rules
  }
}
