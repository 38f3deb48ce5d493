import Dispatch
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
    /// Playouts per second over all threads.
    public var rate: Double { Double(playouts) / seconds }
  }

  /// Runs playouts from the empty `size`×`size` board on `threads` threads for about `seconds`.
  public static func run(
    size: Int, policy: PlayoutPolicy, threads: Int, seconds: Double, seed: UInt64 = 1
  ) -> Result {
    let playout = Playout(policy: policy)
    let empty = Board(size: size)
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: threads * 16)
    counts.initialize(repeating: 0)
    defer { counts.deallocate() }
    let start = DispatchTime.now().uptimeNanoseconds
    let deadline = start + UInt64(seconds * 1e9)
    let countsBase = UnsafeMutablePointer<Int>(counts.baseAddress!)
    nonisolated(unsafe) let base = countsBase
    DispatchQueue.concurrentPerform(iterations: threads) { t in
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
        if DispatchTime.now().uptimeNanoseconds >= deadline { break }
      }
      base[t * 16] = done
      base[t * 16 + 1] = moves
      base[t * 16 + 2] = sink
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var total = 0
    var moves = 0
    for t in 0..<threads {
      total += counts[t * 16]
      moves += counts[t * 16 + 1]
    }
    return Result(
      boardSize: size, threads: threads, playouts: total, seconds: elapsed,
      movesPerPlayout: Double(moves) / Double(max(total, 1)))
  }
}
