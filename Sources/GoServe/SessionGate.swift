import Foundation

/// The cap on concurrent sessions (open game and analysis WebSockets): a session enters before
/// its engine is made and leaves when its socket closes. Thread-safe.
final class SessionGate: @unchecked Sendable {
  /// Sessions allowed at once.
  let capacity: Int
  private var open = 0
  private let lock = NSLock()

  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// Takes a place and returns true, or returns false when every place is taken.
  func enter() -> Bool {
    lock.withLock {
      guard open < capacity else { return false }
      open += 1
      return true
    }
  }

  /// Gives back a place taken by `enter()`.
  func leave() {
    lock.withLock { open = max(0, open - 1) }
  }

  /// Sessions open now.
  var count: Int { lock.withLock { open } }
}
