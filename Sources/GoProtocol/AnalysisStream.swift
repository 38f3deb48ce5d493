import Dispatch
import Foundation
import Synchronization

/// A `GTPStream` over a piece of work that emits lines: an analysis that runs until stopped,
/// or a search that ends with its `play` line.
///
/// Work of `.completion` streams runs inside `start` on the caller's thread; the others run on
/// a thread of their own, which `stop` cancels and waits for.
final class AnalysisStream: GTPStream, @unchecked Sendable {
  /// Does the stream's work: emits lines, and may ask whether `stop` was called.
  typealias Work = @Sendable (
    _ emit: @escaping @Sendable (String) -> Void, _ isCancelled: @escaping @Sendable () -> Bool
  ) -> Void

  let ending: GTPStreamEnding
  let sharesHeaderLine: Bool
  private let work: Work
  private let cancel: @Sendable () -> Void
  private let cancelled = Atomic<Bool>(false)
  private let running = DispatchGroup()

  /// A stream doing `work`; `cancel` asks it to finish early (it is called repeatedly until
  /// the work returns, so a search that has not started yet is stopped too).
  init(
    ending: GTPStreamEnding, sharesHeaderLine: Bool = false, work: @escaping Work,
    cancel: @escaping @Sendable () -> Void
  ) {
    self.ending = ending
    self.sharesHeaderLine = sharesHeaderLine
    self.work = work
    self.cancel = cancel
  }

  func start(emit: @escaping @Sendable (String) -> Void) {
    let isCancelled: @Sendable () -> Bool = { [self] in cancelled.load(ordering: .acquiring) }
    // An empty line would end the reply early.
    let nonEmpty: @Sendable (String) -> Void = { if !$0.isEmpty { emit($0) } }
    guard ending != .completion else {
      work(nonEmpty, isCancelled)
      return
    }
    running.enter()
    let (work, running) = (self.work, self.running)
    Thread {
      work(nonEmpty, isCancelled)
      running.leave()
    }.start()
  }

  func stop() {
    cancelled.store(true, ordering: .releasing)
    repeat { cancel() } while running.wait(timeout: .now() + .milliseconds(20)) == .timedOut
  }

  func waitUntilFinished() { running.wait() }
}
