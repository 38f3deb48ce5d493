import Foundation
public import GoCore

/// An SGF `RE` value as training targets: who won and, when the record says, by how much.
public enum GameResult: Sendable, Equatable {
  /// `B+…` / `W+…`; `margin` in points when numeric (`B+3.5`), nil for `R`, `T`, `F`, `+`.
  case win(Player, margin: Double?)
  /// `0`, `Draw`, `Jigo`.
  case draw
  /// `Void`, `?`, empty or anything unrecognised: no value target.
  case unknown

  /// Parses `RE` text (case-insensitive, surrounding spaces ignored).
  public init(_ text: String?) {
    guard let raw = text else {
      self = .unknown
      return
    }
    let t = raw.trimmingCharacters(in: .whitespaces).uppercased()
    if t == "0" || t == "DRAW" || t == "JIGO" || t == "B+0" || t == "W+0" {
      self = .draw
      return
    }
    guard t.count >= 2, let c = t.first, c == "B" || c == "W", t.dropFirst().first == "+" else {
      self = .unknown
      return
    }
    let player: Player = c == "B" ? .black : .white
    let rest = String(t.dropFirst(2))
    if let m = Double(rest), m.isFinite, m > 0 {
      self = .win(player, margin: m)
    } else {
      self = .win(player, margin: nil)
    }
  }

  /// (win, loss, no-result) for `pla`; nil when unknown.
  public func value(for pla: Player) -> [Float]? {
    switch self {
    case .win(let w, _): return w == pla ? [1, 0, 0] : [0, 1, 0]
    case .draw: return [0.5, 0.5, 0]
    case .unknown: return nil
    }
  }

  /// Final score margin for `pla` (komi included); nil when the record gives none.
  public func score(for pla: Player) -> Float? {
    switch self {
    case .win(let w, let m?): return Float(w == pla ? m : -m)
    case .draw: return 0
    default: return nil
    }
  }
}
