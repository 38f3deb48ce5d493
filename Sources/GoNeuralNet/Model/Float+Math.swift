#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Float {
  /// log(1 + exp(x)) computed with libm.
  @inlinable
  static func log1pExp(_ x: Float) -> Float { log1pf(expf(x)) }

  /// tanh from libm (named for call-site clarity; it is exact to libm precision).
  @inlinable
  static func tanhApprox(_ x: Float) -> Float { tanhf(x) }

  /// exp from libm.
  @inlinable
  static func expApprox(_ x: Float) -> Float { expf(x) }
}
