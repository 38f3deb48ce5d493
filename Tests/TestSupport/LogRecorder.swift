import Foundation

/// Collects the lines a component logs (an engine's `log`, a runner's `warn`), from any thread,
/// so tests can assert what a user would read on stderr.
public final class LogRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [String] = []

  public init() {}

  /// A logging closure that records each line.
  public var sink: @Sendable (String) -> Void {
    { [self] line in
      lock.lock()
      recorded.append(line)
      lock.unlock()
    }
  }

  /// The lines so far, in order.
  public var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }
}
