extension Int {
  /// `x` rounded towards zero, clamped to `Int`'s range instead of trapping; NaN gives 0.
  ///
  /// For counts computed in floating point from settings (visits times a factor, a rate times
  /// seconds), where `Int(x)` would trap on an out-of-range product.
  public init(saturating x: Double) {
    if x.isNaN {
      self = 0
    } else if x >= 0x1p63 {
      self = .max
    } else if x < -0x1p63 {
      self = .min
    } else {
      self = Int(x)
    }
  }
}
