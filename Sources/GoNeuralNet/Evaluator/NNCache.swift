/// A bounded map from input-feature hashes to evaluations, evicting the oldest entries first.
struct NNCache: Sendable {
  private var entries: [UInt64: NNEvaluation] = [:]
  private var order: [UInt64] = []
  private var head = 0
  /// Maximum number of entries.
  let capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 0)
    order.reserveCapacity(self.capacity)
  }

  /// The cached evaluation for `key`, if any.
  func get(_ key: UInt64) -> NNEvaluation? { entries[key] }

  /// Stores an evaluation, evicting the oldest entry when full.
  mutating func put(_ key: UInt64, _ value: NNEvaluation) {
    guard capacity > 0, entries[key] == nil else { return }
    if order.count < capacity {
      order.append(key)
    } else {
      entries[order[head]] = nil
      order[head] = key
      head = (head + 1) % capacity
    }
    entries[key] = value
  }

  /// Forgets every entry.
  mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
    order.removeAll(keepingCapacity: true)
    head = 0
  }

  /// Number of cached evaluations.
  var count: Int { entries.count }
}
