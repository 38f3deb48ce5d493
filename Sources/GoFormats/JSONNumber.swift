/// The text of JSON numbers: KataGo's rounded form, the shortest exact form, and the grammar
/// check for text that claims to be a number.
public enum JSONNumber {
  /// `value` rounded to 9 significant digits (KataGo rounds to 10^(⌊log10|x|⌋ − 8)), in the
  /// shortest text that reads back as the rounded value. Integral values keep a `.0`, as a C++
  /// JSON library prints doubles; non-finite values print as 0 (JSON has no NaN).
  ///
  /// The analysis protocol's numbers (`docs/ANALYSIS.md`): clients and golden outputs compare
  /// this text, so it must not change.
  public static func kataGoText(_ value: Double) -> String {
    guard value.isFinite, abs(value) >= 1e-250 else { return "0.0" }
    let magnitude = log10Floor(abs(value)) - 8
    let rounded: Double
    if magnitude < 0 {
      let scale = pow10(-magnitude)
      rounded = (value * scale).rounded() / scale
    } else {
      let scale = pow10(magnitude)
      rounded = (value / scale).rounded() * scale
    }
    return shortestText(rounded) ?? "0.0"
  }

  /// The shortest text that reads back as exactly `value` (Swift's own printing: `0.1`,
  /// `5.0`, `1e-05`, `1e+16`, all valid JSON), or nil for an infinity or NaN.
  public static func shortestText(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    let text = "\(value)"
    return text.contains(".") || text.contains("e") ? text : text + ".0"
  }

  /// Whether `text` is exactly one number of RFC 8259's grammar: an optional `-`, an integer
  /// part without leading zeros, an optional fraction and an optional exponent.
  public static func isValid(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    return scan(&bytes) == nil && bytes.isEmpty
  }

  /// Reads one number off the front of `bytes` (which starts with `-` or a digit); nil when it
  /// is well formed, or else why not.
  static func scan(_ bytes: inout ArraySlice<UInt8>) -> String? {
    func digits(_ bytes: inout ArraySlice<UInt8>) -> Int {
      let n = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
      bytes.removeFirst(n)
      return n
    }
    if bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
    let first = bytes.first
    let n = digits(&bytes)
    guard n > 0 else { return "invalid number" }
    guard n == 1 || first != UInt8(ascii: "0") else { return "invalid number; leading zero" }
    if bytes.first == UInt8(ascii: ".") {
      bytes.removeFirst()
      guard digits(&bytes) > 0 else { return "invalid number; expected digit after '.'" }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes.removeFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
      guard digits(&bytes) > 0 else { return "invalid number; expected digit in exponent" }
    }
    return nil
  }

  /// ⌊log10(x)⌋ for a positive finite `x`, by repeated scaling (no libm needed).
  static func log10Floor(_ x: Double) -> Int {
    var e = 0
    var y = x
    while y >= 10 {
      y /= 10
      e += 1
    }
    while y < 1 {
      y *= 10
      e -= 1
    }
    return e
  }

  /// 10^n for n ≥ 0.
  static func pow10(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<n { r *= 10 }
    return r
  }
}
