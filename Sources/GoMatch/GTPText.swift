public import GoCore

/// GTP spellings of colours, vertices, numbers and rules used when talking to engines.
public enum GTPText {
  /// `B` or `W`.
  public static func color(_ p: Player) -> String { p == .black ? "B" : "W" }

  /// `D4`, `pass`: column letters skip I; rows count from the bottom.
  public static func vertex(_ move: Move, height: Int) -> String {
    guard case .play(let p) = move else { return "pass" }
    return String(Board.columnLetters[p.x]) + String(height - p.y)
  }

  /// The move written as `text`, or nil.
  public static func move(_ text: String, height: Int) -> Move? {
    let t = text.uppercased()
    if t == "PASS" { return .pass }
    guard let letter = t.first, let x = Board.columnLetters.firstIndex(of: letter),
      let row = Int(t.dropFirst()), row >= 1, row <= height
    else { return nil }
    return .play(Point(x: x, y: height - row))
  }

  /// A number without a needless `.0`.
  public static func number(_ v: Double) -> String {
    v == v.rounded() ? String(Int(v)) : String(v)
  }

  /// The rules as a `kata-set-rules` JSON object.
  public static func rulesJSON(_ r: Rules) -> String {
    "{\"ko\":\"\(r.ko.rawValue)\",\"scoring\":\"\(r.scoring.rawValue)\",\"tax\":\"\(r.tax.rawValue)\","
      + "\"suicide\":\(r.multiStoneSuicideLegal),\"hasButton\":\(r.hasButton),"
      + "\"whiteHandicapBonus\":\"\(r.whiteHandicapBonus.rawValue)\","
      + "\"friendlyPassOk\":\(r.friendlyPassOk)}"
  }
}
