/// The shared settings by name, with their ranges and docs: one definition for both engines'
/// parameter tables (`kata-list-params`, `--config`, `--set`, match specs, JSON
/// `overrideSettings`), which all set them through the same checks.
extension SearchBudget {
  /// True for the words that unset an optional limit: `none`, or a number ≤ 0 (KataGo's -1).
  static func isUnset(_ text: String) -> Bool {
    text.lowercased() == "none" || Double(text).map { $0 <= 0 } == true
  }

  /// Every shared setting but the time manager's, in listing order, under their own names.
  /// `unsetText` is how an unset `maxTime` prints (`-1` as KataGo, or `none`).
  static func ownSpecs(unsetText: String) -> [SettingSpec<SearchBudget>] {
    [
      .int("threads", \.threads, min: 1, max: maxThreads, doc: "Search threads"),
      SettingSpec(
        name: "maxTime",
        range: "\(unsetText) (no limit) or a number from 0 to \(SettingSpec<SearchBudget>.text(maxSeconds)) (0: no limit)",
        doc: "Seconds per move at most; \(unsetText): from the clock, else defaultMoveTime (--time)",
        get: { $0.maxTime.map { "\($0)" } ?? unsetText },
        set: { b, v in
          if isUnset(v) {
            b.maxTime = nil
            return true
          }
          guard let x = Double(v), x.isFinite, x <= maxSeconds else { return false }
          b.maxTime = x
          return true
        }),
      .double("defaultMoveTime", \.defaultMoveTime, in: 0...maxSeconds,
              doc: "Seconds per move when neither a limit nor a clock says otherwise"),
      SettingSpec(
        name: "seed", range: "an integer from 0 to 18446744073709551615",
        doc: "Seed of the search's random choices (one thread and a visit limit: deterministic) (--seed)",
        get: { "\($0.seed)" },
        set: { b, v in
          guard let s = UInt64(v) else { return false }
          b.seed = s
          return true
        }),
      .int("maxNodes", \.maxNodes, min: 1000, max: 1_000_000_000,
           doc: "Tree nodes at most (memory); past it the tree stops growing"),
      .double("resignThreshold", \.resignThreshold, in: 0...1,
              doc: "Resign when the best move's win rate is under this (0: never) (--resign-threshold)"),
      .bool("reuseTree", \.reuseTree, doc: "Keep the matching subtree between moves"),
    ]
  }

  /// The shared settings but the time manager's, on an engine's parameters that hold the
  /// budget at `path`: `names` renames some (PUCT's `numSearchThreads`), `docs` describes some
  /// as that engine uses them.
  public static func settingSpecs<Root>(
    at path: WritableKeyPath<Root, SearchBudget> & Sendable, unsetText: String,
    names: [String: String] = [:], docs: [String: String] = [:]
  ) -> [SettingSpec<Root>] {
    ownSpecs(unsetText: unsetText).map { $0.lifted(to: path, name: names[$0.name], doc: docs[$0.name]) }
  }

  /// The time manager's settings on an engine's parameters that hold the budget at `path`.
  public static func timeSettingSpecs<Root>(
    at path: WritableKeyPath<Root, SearchBudget> & Sendable
  ) -> [SettingSpec<Root>] {
    TimeParameters.settingSpecs.map { $0.lifted(to: \SearchBudget.time).lifted(to: path) }
  }
}
