import GoCore

/// Rules as the networks before model v7 see them.
extension NNGame {
  /// The game under the nearest rules a model before v7 supports (`docs/KATAGO.md` §5.4): simple
  /// or Spight ko becomes situational superko, territory scoring area scoring, no tax, no button.
  public func withPreV7Rules() -> NNGame {
    var game = self
    var rules = game.rules
    if rules.ko == .simple || rules.ko == .spight { rules.ko = .situational }
    rules.scoring = .area
    rules.tax = .none
    rules.hasButton = false
    game.rules = rules
    return game
  }
}
