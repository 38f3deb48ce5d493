#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A floating-point type rotary angles are computed in (`AttentionBlock.ropeAngle`): `Float`
/// with single-precision libm, as the CPU backend's tables, or `Double`, as the reference
/// backend and the GPU backend's tables.
public protocol RotaryScalar: BinaryFloatingPoint {
  /// `base` raised to `exponent` with this type's libm `pow` (`powf` for `Float`).
  static func power(_ base: Self, _ exponent: Self) -> Self
}

extension Float: RotaryScalar {
  /// `powf(base, exponent)`.
  @inlinable
  public static func power(_ base: Float, _ exponent: Float) -> Float { powf(base, exponent) }
}

extension Double: RotaryScalar {
  /// `pow(base, exponent)`.
  @inlinable
  public static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
}
