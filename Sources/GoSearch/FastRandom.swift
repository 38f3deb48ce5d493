import Foundation

/// A small, fast, seedable generator (wyrand) for playouts and tie breaks.
///
/// Not cryptographic. Deterministic for a given seed on every platform.
public struct FastRandom: RandomNumberGenerator, Sendable {
  @usableFromInline var state: UInt64

  public init(seed: UInt64) { state = seed ^ 0xA076_1D64_78BD_642F }

  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0xA076_1D64_78BD_642F
    let m = state.multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
    return m.high ^ m.low
  }

  /// A uniform integer in `0..<n`.
  /// - Precondition: n > 0.
  @inlinable
  public mutating func below(_ n: Int) -> Int {
    Int(truncatingIfNeeded: UInt64(n).multipliedFullWidth(by: next()).high)
  }

  /// A uniform Double in [0, 1).
  @inlinable
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal sample (Box–Muller; draws two `unit()` values).
  public mutating func normal() -> Double {
    let u1 = max(unit(), 1e-300)
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
