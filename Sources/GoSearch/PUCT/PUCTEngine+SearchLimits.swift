/// When one PUCT search ends.
extension PUCTEngine {
  /// The limits of one search: visits, seconds or a time plan, and `auto` thinking's stops.
  struct SearchLimits {
    /// Root visits (kept tree included).
    var maxVisits: Int?
    /// Wall-clock seconds (analysis; `genmove` plans its time with `plan`).
    var seconds: Double?
    /// `genmove`'s time plan from the root's ownership and the visits kept; a `SearchTimer`
    /// then decides when to stop (early, at the target, or later for an unclear move).
    var plan: (@Sendable ([Float], Int) -> TimePlan)?
    /// Also stop early when the position looks clear (`auto` thinking).
    var auto = false
  }
}
