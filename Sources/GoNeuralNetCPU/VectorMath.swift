/// Vectorised transcendental functions for the activation and softmax kernels.
enum VectorMath {
  /// exp(x) for 8 lanes (Cephes-style range reduction and polynomial; ~2 ulp). Rounding and
  /// the exponent use the float "magic number" trick so that every step stays in vector
  /// registers.
  @inline(__always)
  static func exp(_ x0: SIMD8<Float>) -> SIMD8<Float> {
    let x = x0.clamped(lowerBound: SIMD8(repeating: -87.3), upperBound: SIMD8(repeating: 88.3))
    let magic = SIMD8<Float>(repeating: 12_582_912)  // 1.5 · 2^23
    let t = x * 1.442_695_04 + magic
    let n = t - magic
    var r = x - n * 0.693_359_375
    r = r - n * -2.121_944_4e-4
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    let e = p * r * r + r + 1
    // The low mantissa bits of t hold n; shift n + 127 into the exponent field.
    let ni = unsafeBitCast(t, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
    let scale = unsafeBitCast((ni &+ 127) &<< 23, to: SIMD8<Float>.self)
    return e * scale
  }

  /// exp(x) for one value, via the vector path (same rounding as the lanes).
  @inline(__always)
  static func exp(_ x: Float) -> Float { exp(SIMD8(repeating: x))[0] }

  /// Applies `kind` to 8 lanes.
  @inline(__always)
  static func activate(_ x: SIMD8<Float>, _ kind: ActivationCode) -> SIMD8<Float> {
    switch kind {
    case .identity: return x
    case .relu: return x.replacing(with: 0, where: x .< 0)
    case .silu: return x / (1 + exp(-x))
    case .mish:
      let e = exp(x.replacing(with: 20, where: x .> 20))
      let n = e * (e + 2)
      let y = x * n / (n + 2)
      return y.replacing(with: x, where: x .> 20)
    }
  }

  /// Applies `kind` to one value.
  @inline(__always)
  static func activate(_ x: Float, _ kind: ActivationCode) -> Float {
    activate(SIMD8(repeating: x), kind)[0]
  }
}

/// Activation kinds as the CPU kernels see them.
enum ActivationCode: Sendable {
  case identity, relu, mish, silu

  /// The kind number of the C kernels.
  var code: Int32 {
    switch self {
    case .identity: return 0
    case .relu: return 1
    case .mish: return 2
    case .silu: return 3
    }
  }
}
