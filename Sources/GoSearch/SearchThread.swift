#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts the threads a search runs on, and says when the system refuses one.
///
/// Foundation's `Thread.start()` cannot fail: when the system refuses the thread its body
/// simply never runs, and whoever waits for it waits for ever (reliability audit F5: a query
/// asking for 400 threads under an address-space limit hung the analysis server). This starts
/// a detached POSIX thread and throws instead.
enum SearchThread {
  /// The stack of every search thread: the ladder search recurses deeply.
  static let stackSize = 16 << 20

  /// Runs `body` on a new detached thread with a `stackSize`-byte stack.
  /// - Throws: `SearchThreadError` when the thread could not be created; `body` is then never
  ///   run (the caller still holds everything it captured).
  static func start(
    stackSize: Int = SearchThread.stackSize, _ body: @escaping @Sendable () -> Void
  ) throws(SearchThreadError) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t? = nil
    #else
      var thread = pthread_t()
    #endif
    let code = pthread_create(&thread, &attributes, { SearchThread.run($0) }, context)
    guard code == 0 else {
      Unmanaged<Body>.fromOpaque(context).release()
      throw SearchThreadError(code: code, reason: String(cString: strerror(code)))
    }
  }

  /// The new thread's entry: takes the body back from its context pointer and runs it.
  private static func run(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<Body>.fromOpaque(context).takeRetainedValue().body()
    return nil
  }

  /// The body, boxed so that its pointer can cross `pthread_create`.
  private final class Body {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
