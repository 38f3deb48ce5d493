import GoCore

extension GTPCommand {
  /// Commands answered but not listed by `list_commands` (as in KataGo).
  static let unlistedTable: [(name: String, parse: Parser)] = [
    ("analyze", { a throws(GTPError) in try parseAnalyze(&a, .sabaki) }),
    ("genmove_analyze", { a throws(GTPError) in try parseGenmoveAnalyze(&a, .sabaki, .play) }),
    ("kata-get-params", { _ throws(GTPError) in .analysis(.getParams) }),
    ("kata-set-params", { a throws(GTPError) in .analysis(.setParams(a.rest())) }),
  ]

  /// `lz-analyze`, `kata-analyze`, `analyze`.
  static func parseAnalyze(
    _ a: inout GTPArguments, _ dialect: GTPAnalysisCommand.Dialect
  ) throws(GTPError) -> GTPCommand {
    let (player, options) = try GTPAnalysisOptions.parse(a.all(), kata: dialect != .lz)
    return .analysis(.analyze(dialect, player, options))
  }

  /// The `*genmove_analyze` and `kata-search_analyze*` commands.
  static func parseGenmoveAnalyze(
    _ a: inout GTPArguments, _ dialect: GTPAnalysisCommand.Dialect,
    _ mode: GTPAnalysisCommand.SearchMode
  ) throws(GTPError) -> GTPCommand {
    let (player, options) = try GTPAnalysisOptions.parse(a.all(), kata: dialect != .lz)
    return .analysis(.genmoveAnalyze(dialect, player, options, mode))
  }

  /// `kata-search [color]`, `kata-search_cancellable [color]`.
  static func parseSearch(
    _ a: inout GTPArguments, cancellable: Bool
  ) throws(GTPError) -> GTPCommand {
    .analysis(.search(a.remaining > 0 ? try a.color() : nil, cancellable: cancellable))
  }
}
