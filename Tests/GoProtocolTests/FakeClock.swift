/// A clock that only moves when told to.
final class FakeClock {
  var seconds = 1000.0
  func advance(_ s: Double) { seconds += s }
}
