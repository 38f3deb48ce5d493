import Foundation

/// A file handle written by several threads, one line at a time.
final class LockedHandle: @unchecked Sendable {
  private let handle: FileHandle
  private let lock = NSLock()
  init(_ handle: FileHandle) { self.handle = handle }
  func write(_ text: String) {
    lock.lock()
    handle.write(Data(text.utf8))
    lock.unlock()
  }
}
