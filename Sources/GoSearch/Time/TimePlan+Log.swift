import Foundation

/// The per-move time line both engines write on stderr.
extension TimePlan {
  /// `time: budget 1.20 s (limit 2.40 s, main time, 27.5 own moves left), used 1.22 s,
  /// stopped: planned time` — the plan (or `no time budget`), the seconds the search took and
  /// why it stopped.
  public static func logLine(_ plan: TimePlan?, used seconds: Double, stop: StopReason?) -> String {
    "time: \(plan?.description ?? "no time budget"), used \(String(format: "%.2f", seconds)) s, "
      + "stopped: \(stop?.rawValue ?? "-")"
  }
}
