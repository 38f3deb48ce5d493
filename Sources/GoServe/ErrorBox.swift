import Foundation

/// The error a background task ended with, read by the thread that waited for it.
final class ErrorBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?

  /// Keeps `error`.
  func set(_ error: any Error) { lock.withLock { stored = error } }

  /// The error kept, if any.
  var error: (any Error)? { lock.withLock { stored } }
}
