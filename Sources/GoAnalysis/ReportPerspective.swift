public import GoCore

/// Whose point of view signed values are reported from (`reportAnalysisWinratesAs`).
public enum ReportPerspective: String, Sendable, CaseIterable {
  case black = "BLACK"
  case white = "WHITE"
  case sideToMove = "SIDETOMOVE"

  /// Parses KataGo's spelling, case-insensitively (`B`/`W` accepted too).
  public init?(text: String) {
    switch text.uppercased() {
    case "BLACK", "B": self = .black
    case "WHITE", "W": self = .white
    case "SIDETOMOVE": self = .sideToMove
    default: return nil
    }
  }

  /// +1 to keep values that are from `toMove`'s point of view, −1 to flip them.
  public func sign(toMove: Player) -> Double {
    switch self {
    case .black: toMove == .black ? 1 : -1
    case .white: toMove == .white ? 1 : -1
    case .sideToMove: 1
    }
  }
}
