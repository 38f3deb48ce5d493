import ArgumentParser

/// The bounds of the command line's count options (threads, batch sizes, games or sessions at
/// once). A value outside is a usage error that names the option, checked before anything
/// starts: a typo such as `--nn-threads 200000` must not make the process try to start that
/// many threads or allocate that many batch slots.
enum CountLimits {
  /// Threads of one kind (network backend, search, analysis).
  static let threads = 1...1024
  /// Positions in one network batch (the CUDA backend's largest).
  static let batch = 1...1024
  /// Games, queries or sessions in flight at once.
  static let concurrent = 1...4096

  /// Throws a `ValidationError` naming `option` unless `value` lies in `range`.
  static func check(_ value: Int, _ option: String, in range: ClosedRange<Int>) throws {
    guard range.contains(value) else {
      throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
    }
  }
}
