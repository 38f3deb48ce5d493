#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CTengenCPU
import Foundation

/// A persistent pool of worker threads that run the tasks of one parallel loop at a time; the
/// calling thread takes part, so a pool of N threads starts N − 1 workers.
public final class ThreadPool: @unchecked Sendable {
  /// Threads taking part in each loop (workers + caller).
  public let threadCount: Int
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let wake: UnsafeMutablePointer<pthread_cond_t>
  private let done: UnsafeMutablePointer<pthread_cond_t>
  // All fields below are guarded by `mutex`.
  private var job: JobBox?
  private var generation = 0
  private var nextTask = 0
  private var taskCount = 0
  private var busyWorkers = 0
  private var stopping = false

  /// One loop's body, shared by reference with the workers while the loop runs.
  private final class JobBox: @unchecked Sendable {
    let body: (Int, Int) -> Void
    init(_ body: @escaping (Int, Int) -> Void) { self.body = body }
  }

  /// Starts `threadCount − 1` workers.
  public init(threadCount: Int) {
    self.threadCount = max(1, threadCount)
    mutex = .allocate(capacity: 1)
    wake = .allocate(capacity: 1)
    done = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(wake, nil)
    pthread_cond_init(done, nil)
    for worker in 1..<self.threadCount {
      let t = Thread { [self] in self.workerLoop(worker) }
      t.stackSize = 1 << 20
      t.start()
    }
  }

  deinit {
    pthread_mutex_destroy(mutex)
    pthread_cond_destroy(wake)
    pthread_cond_destroy(done)
    mutex.deallocate()
    wake.deallocate()
    done.deallocate()
  }

  /// Stops the workers; the pool must not be used afterwards.
  public func shutdown() {
    pthread_mutex_lock(mutex)
    stopping = true
    pthread_cond_broadcast(wake)
    pthread_mutex_unlock(mutex)
  }

  /// Runs `body(task, thread)` for task in 0..<count, spread over the pool; returns when all
  /// tasks are done. `thread` is in 0..<threadCount and unique among concurrently running tasks.
  public func run(_ count: Int, _ body: (_ task: Int, _ thread: Int) -> Void) {
    if count <= 0 { return }
    if threadCount == 1 || count == 1 {
      for i in 0..<count { body(i, 0) }
      return
    }
    withoutActuallyEscaping(body) { escapable in
      let box = JobBox(escapable)
      pthread_mutex_lock(mutex)
      job = box
      nextTask = 0
      taskCount = count
      busyWorkers = threadCount - 1
      generation += 1
      pthread_cond_broadcast(wake)
      pthread_mutex_unlock(mutex)
      drain(box, thread: 0)
      pthread_mutex_lock(mutex)
      while busyWorkers > 0 { pthread_cond_wait(done, mutex) }
      job = nil
      pthread_mutex_unlock(mutex)
    }
  }

  private func drain(_ box: JobBox, thread: Int) {
    while true {
      pthread_mutex_lock(mutex)
      let i = nextTask
      nextTask += 1
      pthread_mutex_unlock(mutex)
      if i >= taskCount { return }
      box.body(i, thread)
    }
  }

  private func workerLoop(_ worker: Int) {
    // Denormals are orders of magnitude slower on x86 and irrelevant to network outputs.
    tengen_flush_denormals()
    var seen = 0
    while true {
      pthread_mutex_lock(mutex)
      while generation == seen && !stopping { pthread_cond_wait(wake, mutex) }
      if stopping {
        pthread_mutex_unlock(mutex)
        return
      }
      seen = generation
      pthread_mutex_unlock(mutex)
      runCurrentJob(worker)
      finish()
    }
  }

  /// Takes part in the current loop; the job reference is dropped when this returns.
  private func runCurrentJob(_ worker: Int) {
    pthread_mutex_lock(mutex)
    let box = job
    pthread_mutex_unlock(mutex)
    if let box { drain(box, thread: worker) }
  }

  private func finish() {
    pthread_mutex_lock(mutex)
    busyWorkers -= 1
    if busyWorkers == 0 { pthread_cond_signal(done) }
    pthread_mutex_unlock(mutex)
  }

  /// Splits 0..<total into at most `threadCount` contiguous ranges (multiples of `align`).
  public func ranges(_ total: Int, align: Int = 1) -> [Range<Int>] {
    let parts = min(threadCount, max(1, total / max(align, 1)))
    var out: [Range<Int>] = []
    var start = 0
    for p in 0..<parts {
      var end = total * (p + 1) / parts
      if p < parts - 1 { end = (end / align) * align }
      if end > start { out.append(start..<end) }
      start = max(start, end)
    }
    return out
  }
}
