import Dispatch
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import GoCore

/// Measures playouts per second from the empty board.
public enum PlayoutBenchmark {
  /// One measurement.
  public struct Result: Sendable {
    public var boardSize: Int
    public var threads: Int
    public var playouts: Int
    public var seconds: Double
    public var movesPerPlayout: Double
    /// CPU seconds the threads used (less than threads × seconds on a busy machine).
    public var cpuSeconds: Double
    /// Playouts per second over all threads.
    public var rate: Double { Double(playouts) / seconds }
    /// Playouts per CPU second: the speed of one core, whatever else the machine runs.
    public var ratePerCPUSecond: Double { Double(playouts) / max(cpuSeconds, 1e-9) }
  }

  /// Runs playouts from the empty `size`×`size` board on `threads` threads for about `seconds`.
  /// With `count`, each thread stops after that many playouts instead (for instruction counts).
  public static func run(
    size: Int, policy: PlayoutPolicy, threads: Int, seconds: Double, seed: UInt64 = 1,
    count: Int? = nil
  ) -> Result {
    let playout = Playout(policy: policy)
    let empty = Board(size: size)
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: threads * 16)
    counts.initialize(repeating: 0)
    defer { counts.deallocate() }
    let start = ContinuousClock.now
    let deadline = start + .seconds(saturating: seconds)
    let countsBase = UnsafeMutablePointer<Int>(counts.baseAddress!)
    nonisolated(unsafe) let base = countsBase
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      let cpuStart = threadCPUSeconds()
      var rng = FastRandom(seed: seed &+ UInt64(t) &* 7919)
      var done = 0
      var moves = 0
      var sink = 0
      while true {
        for _ in 0..<64 {
          var b = empty
          var m = 0
          sink &+= playout.run(&b, toMove: .black, lastMove: .none, rng: &rng, moveCount: &m)
          moves += m
        }
        done += 64
        if let count, done >= count { break }
        if count == nil && ContinuousClock.now >= deadline { break }
      }
      base[t * 16] = done
      base[t * 16 + 1] = moves
      base[t * 16 + 2] = sink
      base[t * 16 + 3] = Int((threadCPUSeconds() - cpuStart) * 1e9)
    }
    let elapsed = (ContinuousClock.now - start).inSeconds
    var total = 0
    var moves = 0
    var cpuNanos = 0
    for t in 0..<threads {
      total += counts[t * 16]
      moves += counts[t * 16 + 1]
      cpuNanos += counts[t * 16 + 3]
    }
    return Result(
      boardSize: size, threads: threads, playouts: total, seconds: elapsed,
      movesPerPlayout: Double(moves) / Double(max(total, 1)), cpuSeconds: Double(cpuNanos) / 1e9)
  }

  /// CPU time used by the calling thread, in seconds.
  static func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
