import GoCore
import Testing

/// Conversions of user-sized numbers never trap (reliability audit F1–F4: `Int64(seconds *
/// 1000)` and `Int(visits × factor)` once killed the process for huge settings).
@Suite struct SaturatingConversionTests {
  @Test func durationsSaturateInsteadOfTrapping() {
    let cap = Duration.seconds(Duration.saturationSeconds)
    #expect(Duration.seconds(saturating: 1.5) == .milliseconds(1500))
    #expect(Duration.seconds(saturating: 1e16) == cap)
    #expect(Duration.seconds(saturating: 1e300) == cap)
    #expect(Duration.seconds(saturating: .infinity) == cap)
    #expect(Duration.seconds(saturating: -.infinity) == .zero - cap)
    #expect(Duration.seconds(saturating: .nan) == .zero)
    // An instant plus the largest saturated duration is still an instant.
    let later = ContinuousClock.now + .seconds(saturating: .greatestFiniteMagnitude)
    #expect(later > ContinuousClock.now)
  }

  @Test func integersSaturateInsteadOfTrapping() {
    #expect(Int(saturating: 41.9) == 41)
    #expect(Int(saturating: -41.9) == -41)
    #expect(Int(saturating: 1e308) == .max)
    #expect(Int(saturating: 0x1p63) == .max)
    #expect(Int(saturating: -0x1p63) == .min)
    #expect(Int(saturating: -1e308) == .min)
    #expect(Int(saturating: .infinity) == .max)
    #expect(Int(saturating: .nan) == 0)
  }
}
