/// Number text for the analysis protocol's output.
enum JSONNumber {
  /// `value` rounded to 9 significant digits (KataGo rounds to 10^(⌊log10|x|⌋ − 8)), in the
  /// shortest text that reads back as the rounded value. Integral values keep a `.0`, as a C++
  /// JSON library prints doubles; non-finite values print as 0 (JSON has no NaN).
  static func format(_ value: Double) -> String {
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
    let text = "\(rounded)"
    return text.contains(".") || text.contains("e") ? text : text + ".0"
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
