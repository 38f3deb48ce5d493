import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Time and nominal FLOPs spent per layer kind, accumulated over evaluations when profiling.
public final class LayerProfile: @unchecked Sendable {
  /// Seconds per layer kind.
  public private(set) var seconds: [String: Double] = [:]
  /// Nominal floating-point operations per layer kind (2 per multiply-add).
  public private(set) var flops: [String: Double] = [:]

  /// An empty profile.
  public init() {}

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// Adds one measurement.
  func add(_ kind: String, seconds s: Double, flops f: Double) {
    seconds[kind, default: 0] += s
    flops[kind, default: 0] += f
  }

  /// Clears all counters.
  public func reset() {
    seconds = [:]
    flops = [:]
  }

  /// One line per kind: seconds, share of the total and GFLOP/s.
  public var report: String {
    // Indented kinds ("  (thread 0) ...") break down another kind and are not in the total.
    let total = seconds.filter { !$0.key.hasPrefix(" ") }.values.reduce(0, +)
    return seconds.sorted { $0.value > $1.value }.map { kind, s in
      let f = flops[kind] ?? 0
      let g = f > 0 ? String(format: "%7.1f GFLOP/s", f / s / 1e9) : "        -      "
      return String(format: "  %-28@ %8.3f s %5.1f%%  ", kind as NSString, s, 100 * s / max(total, 1e-12)) + g
    }.joined(separator: "\n")
  }
}
