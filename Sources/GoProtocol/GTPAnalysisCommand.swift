public import GoCore

/// The analysis and search-parameter commands (`lz-analyze`, `kata-analyze`, `analyze`, the
/// `*genmove_analyze` and `kata-search*` families, `kata-*-param*`), typed.
public enum GTPAnalysisCommand: Equatable, Sendable {
  /// How analysis lines are written.
  public enum Dialect: Sendable {
    /// Leela Zero: win rate, prior and lcb as integers × 10000.
    case lz
    /// KataGo: floats in C++'s default format (6 significant digits, no trailing zeros).
    case kata
    /// Sabaki's `analyze`: the kata fields with C++ `showpoint` (trailing zeros kept).
    case sabaki
  }

  /// What a searching analysis command does with the chosen move.
  public enum SearchMode: Sendable {
    /// `*genmove_analyze`: plays it, like `genmove`.
    case play
    /// `kata-search_analyze`: only reports it.
    case search
    /// `kata-search_analyze_cancellable`: reports it, or `play cancelled` if input arrives.
    case searchCancellable
  }

  /// `lz-analyze`, `kata-analyze`, `analyze`: stream analysis lines until the next input line.
  case analyze(Dialect, Player?, GTPAnalysisOptions)
  /// `lz-/kata-/genmove_analyze`, `kata-search_analyze[_cancellable]`.
  case genmoveAnalyze(Dialect, Player?, GTPAnalysisOptions, SearchMode)
  /// `kata-search [color]`, `kata-search_cancellable [color]`: the move, not played.
  case search(Player?, cancellable: Bool)
  /// `kata-list-params`.
  case listParams
  /// `kata-get-param NAME`.
  case getParam(String)
  /// `kata-set-param NAME VALUE`.
  case setParam(String, String)
  /// `kata-get-params`: every parameter as a JSON object.
  case getParams
  /// `kata-set-params JSON`: several parameters from a JSON object.
  case setParams(String)
}
