extension Duration {
  /// The duration in seconds as a `Double` (clocks in GTP and `ClockState` count seconds).
  public var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }

  /// The longest duration `seconds(saturating:)` gives: 10¹² seconds (about 31,700 years), far
  /// beyond any search yet small enough that an instant plus it never overflows.
  public static let saturationSeconds: Double = 1e12

  /// `seconds` as a duration that never traps: NaN is zero, and values beyond
  /// ±`saturationSeconds` (infinities included) are clamped to it.
  ///
  /// `Duration.seconds(_:)` and `Int64(seconds * 1000)` trap for values past about 10²⁰ and
  /// 9.2·10¹⁵ seconds; every time a user or a clock can make large goes through this instead.
  public static func seconds(saturating seconds: Double) -> Duration {
    guard !seconds.isNaN else { return .zero }
    return .seconds(min(max(seconds, -saturationSeconds), saturationSeconds))
  }
}
