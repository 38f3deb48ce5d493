/// The rules of a game, as data: ko, scoring, tax, suicide, button, handicap bonus and komi.
///
/// Field meanings and the named presets follow KataGo's rules model (see
/// `docs/RULES.md` and `docs/KATAGO.md` §5).
public struct Rules: Hashable, Sendable {
  /// Which repetitions are forbidden.
  public enum KoRule: String, Sendable, CaseIterable {
    /// Only the immediate recapture of a single-stone ko is forbidden.
    case simple = "SIMPLE"
    /// No move may recreate an earlier board position.
    case positional = "POSITIONAL"
    /// No move may recreate an earlier (board, player to move) state.
    case situational = "SITUATIONAL"
    /// Spight's pass-based cycle handling; played as situational.
    case spight = "SPIGHT"
  }

  /// How the result is counted.
  public enum ScoringRule: String, Sendable, CaseIterable {
    /// Stones plus surrounded empty points.
    case area = "AREA"
    /// Surrounded empty points plus prisoners.
    case territory = "TERRITORY"
  }

  /// Which points are not counted.
  public enum TaxRule: String, Sendable, CaseIterable {
    /// Every surrounded empty point counts.
    case none = "NONE"
    /// Empty points in seki do not count.
    case seki = "SEKI"
    /// As `seki`, and every living group pays two points.
    case all = "ALL"
  }

  /// Extra points White receives in a handicap game.
  public enum WhiteHandicapBonus: String, Sendable, CaseIterable {
    case zero = "0"
    case n = "N"
    case nMinusOne = "N-1"
  }

  public var ko: KoRule
  public var scoring: ScoringRule
  public var tax: TaxRule
  /// Whether multi-stone suicide is legal (single-stone suicide never is).
  public var multiStoneSuicideLegal: Bool
  /// Button Go: the first player to pass receives half a point.
  public var hasButton: Bool
  public var whiteHandicapBonus: WhiteHandicapBonus
  /// Whether passing with capturable dead stones still on the board is acceptable.
  public var friendlyPassOk: Bool
  /// Points given to White.
  public var komi: Double

  public init(
    ko: KoRule = .positional, scoring: ScoringRule = .area, tax: TaxRule? = nil,
    multiStoneSuicideLegal: Bool = true, hasButton: Bool = false,
    whiteHandicapBonus: WhiteHandicapBonus = .zero, friendlyPassOk: Bool = false,
    komi: Double? = nil
  ) {
    self.ko = ko
    self.scoring = scoring
    self.tax = tax ?? (scoring == .territory ? .seki : .none)
    self.multiStoneSuicideLegal = multiStoneSuicideLegal
    self.hasButton = hasButton
    self.whiteHandicapBonus = whiteHandicapBonus
    self.friendlyPassOk = friendlyPassOk
    self.komi = komi ?? (scoring == .territory ? 6.5 : (hasButton ? 7.0 : 7.5))
  }

  /// Tromp-Taylor rules, KataGo's default.
  public static let trompTaylor = Rules()
  /// Chinese rules: simple ko, area scoring, White gets N handicap points.
  public static let chinese = Rules(
    ko: .simple, multiStoneSuicideLegal: false, whiteHandicapBonus: .n, friendlyPassOk: true)
  /// Chinese rules as played on OGS and KGS: positional superko.
  public static let chineseOGS = Rules(
    ko: .positional, multiStoneSuicideLegal: false, whiteHandicapBonus: .n, friendlyPassOk: true)
  /// Japanese (and Korean) rules: territory scoring, no points in seki.
  public static let japanese = Rules(
    ko: .simple, scoring: .territory, tax: .seki, multiStoneSuicideLegal: false)
  /// AGA (and BGA, French) rules: situational superko, area scoring, N-1 handicap points.
  public static let aga = Rules(
    ko: .situational, multiStoneSuicideLegal: false, whiteHandicapBonus: .nMinusOne,
    friendlyPassOk: true)
  /// AGA rules with a button.
  public static let agaButton = Rules(
    ko: .situational, multiStoneSuicideLegal: false, hasButton: true,
    whiteHandicapBonus: .nMinusOne, friendlyPassOk: true)
  /// New Zealand rules: situational superko, suicide legal.
  public static let newZealand = Rules(
    ko: .situational, multiStoneSuicideLegal: true, friendlyPassOk: true, komi: 7.0)
  /// Stone scoring (ancient area rules): every group pays two points.
  public static let stoneScoring = Rules(
    ko: .simple, tax: .all, multiStoneSuicideLegal: false, friendlyPassOk: true)
  /// Ancient territory rules.
  public static let ancientTerritory = Rules(
    ko: .simple, scoring: .territory, tax: .all, multiStoneSuicideLegal: false)
  /// Ing/GOE rules.
  public static let goe = Rules(ko: .positional, multiStoneSuicideLegal: true, friendlyPassOk: true)

  /// The preset named `name` (case-insensitive; KataGo's spellings), or nil.
  public init?(preset name: String) {
    let key = String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    switch key {
    case "tromp-taylor", "tromptaylor": self = .trompTaylor
    case "chinese": self = .chinese
    case "chinese-ogs", "chineseogs", "chinese-kgs", "chinesekgs": self = .chineseOGS
    case "japanese", "korean": self = .japanese
    case "aga", "bga", "french": self = .aga
    case "aga-button", "agabutton": self = .agaButton
    case "new-zealand", "nz", "newzealand": self = .newZealand
    case "stone-scoring", "stonescoring", "ancient-area", "ancientarea": self = .stoneScoring
    case "ancient-territory", "ancientterritory": self = .ancientTerritory
    case "goe", "ing": self = .goe
    default: return nil
    }
  }

  /// The preset names Tengen accepts, in their canonical spelling.
  public static let presetNames = [
    "tromp-taylor", "chinese", "chinese-ogs", "chinese-kgs", "japanese", "korean", "aga", "bga",
    "new-zealand", "stone-scoring", "aga-button", "ancient-territory", "goe",
  ]

  /// True if the final score can be a whole number (a draw is possible).
  public var drawPossible: Bool {
    let integral = komi == komi.rounded()
    return integral != hasButton
  }

  /// The same rules with another komi.
  public func withKomi(_ komi: Double) -> Rules {
    var r = self
    r.komi = komi
    return r
  }
}
