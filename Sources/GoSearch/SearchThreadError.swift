/// The system refused to start a search thread (`pthread_create` failed: too many threads, or
/// no address space left for the thread's stack).
public struct SearchThreadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The error number `pthread_create` returned (`EAGAIN`, `ENOMEM`, ...).
  public var code: Int32
  /// The system's text for `code`.
  public var reason: String

  public init(code: Int32, reason: String) {
    self.code = code
    self.reason = reason
  }

  public var description: String { "cannot start a search thread: \(reason)" }
}
