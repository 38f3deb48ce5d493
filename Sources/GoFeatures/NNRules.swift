/// The rule settings the network sees (KataGo's rules model).
public struct NNRules: Sendable, Hashable {
  /// Ko rules.
  public enum KoRule: Sendable, Hashable { case simple, positional, situational, spight }
  /// Scoring rules.
  public enum ScoringRule: Sendable, Hashable { case area, territory }
  /// Tax rules.
  public enum TaxRule: Sendable, Hashable { case none, seki, all }
  /// White's compensation for handicap stones.
  public enum HandicapBonus: Sendable, Hashable { case zero, n, nMinusOne }

  /// Ko rule.
  public var koRule: KoRule
  /// Scoring rule.
  public var scoring: ScoringRule
  /// Tax rule.
  public var tax: TaxRule
  /// Whether multi-stone suicide is legal.
  public var multiStoneSuicideLegal: Bool
  /// Button Go.
  public var hasButton: Bool
  /// Handicap compensation for White.
  public var whiteHandicapBonus: HandicapBonus

  /// Creates rules from their fields.
  public init(
    koRule: KoRule, scoring: ScoringRule, tax: TaxRule, multiStoneSuicideLegal: Bool,
    hasButton: Bool = false, whiteHandicapBonus: HandicapBonus = .zero
  ) {
    self.koRule = koRule
    self.scoring = scoring
    self.tax = tax
    self.multiStoneSuicideLegal = multiStoneSuicideLegal
    self.hasButton = hasButton
    self.whiteHandicapBonus = whiteHandicapBonus
  }

  /// Tromp-Taylor rules.
  public static let trompTaylor = NNRules(
    koRule: .positional, scoring: .area, tax: .none, multiStoneSuicideLegal: true)

  /// KataGo's named presets (case-insensitive; `-`, `_` and spaces are interchangeable).
  public static func preset(_ name: String) -> NNRules? {
    let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
    switch key {
    case "trompTaylor".lowercased(): return .trompTaylor
    case "chinese":
      return NNRules(koRule: .simple, scoring: .area, tax: .none, multiStoneSuicideLegal: false, whiteHandicapBonus: .n)
    case "chineseogs", "chinesekgs":
      return NNRules(koRule: .positional, scoring: .area, tax: .none, multiStoneSuicideLegal: false, whiteHandicapBonus: .n)
    case "japanese", "korean":
      return NNRules(koRule: .simple, scoring: .territory, tax: .seki, multiStoneSuicideLegal: false)
    case "aga", "bga", "french":
      return NNRules(koRule: .situational, scoring: .area, tax: .none, multiStoneSuicideLegal: false, whiteHandicapBonus: .nMinusOne)
    case "agabutton":
      return NNRules(koRule: .situational, scoring: .area, tax: .none, multiStoneSuicideLegal: false, hasButton: true, whiteHandicapBonus: .nMinusOne)
    case "newzealand", "nz":
      return NNRules(koRule: .situational, scoring: .area, tax: .none, multiStoneSuicideLegal: true)
    case "stonescoring", "ancientarea":
      return NNRules(koRule: .simple, scoring: .area, tax: .all, multiStoneSuicideLegal: false)
    case "ancientterritory":
      return NNRules(koRule: .simple, scoring: .territory, tax: .all, multiStoneSuicideLegal: false)
    case "goe", "ing":
      return NNRules(koRule: .positional, scoring: .area, tax: .none, multiStoneSuicideLegal: true)
    default: return nil
    }
  }
}
