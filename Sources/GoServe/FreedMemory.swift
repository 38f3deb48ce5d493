#if canImport(Glibc)
  import Glibc
#endif

/// Hands memory that closed sessions freed back to the system.
///
/// A session's search trees and buffers are allocated on its own threads, so glibc keeps them
/// in per-thread arenas after they are freed; without a trim the server's resident memory stays
/// at its high-water mark after every socket has closed (the load test, docs/WEB.md "Load",
/// saw 180 MB kept after six rollout sessions, 42 MB after a trim). `malloc_trim` is glibc's
/// and not in Swift's Glibc module, so it is looked up at run time; elsewhere this does nothing.
enum FreedMemory {
  #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map {
      unsafeBitCast($0, to: Trim.self)
    }
  #endif

  /// Returns free memory at the top of every malloc arena to the system. Takes a few
  /// milliseconds; call it off the server's event loops.
  static func giveBack() {
    #if canImport(Glibc)
      _ = trim?(0)
    #endif
  }
}
