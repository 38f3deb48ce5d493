extension Duration {
  /// The duration in seconds as a `Double` (clocks in GTP and `ClockState` count seconds).
  public var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
