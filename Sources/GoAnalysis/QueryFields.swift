import GoFormats

/// Typed access to a query's fields, with KataGo's error texts for wrong values.
struct QueryFields {
  let values: [String: JSONValue]

  init(_ values: [String: JSONValue]) { self.values = values }

  subscript(key: String) -> JSONValue? {
    if case .null? = values[key] { return nil }
    return values[key]
  }

  /// An integer in `range`, or nil when absent.
  func int(_ key: String, in range: ClosedRange<Int>) throws(AnalysisMessage) -> Int? {
    guard let v = self[key] else { return nil }
    guard let i = v.integer, range.contains(i) else {
      throw AnalysisMessage(
        field: key, "Must be an integer from \(range.lowerBound) to \(range.upperBound)")
    }
    return i
  }

  /// A number in `range`, or nil when absent.
  func double(_ key: String, in range: ClosedRange<Double>) throws(AnalysisMessage) -> Double? {
    guard let v = self[key] else { return nil }
    guard let d = v.double, range.contains(d) else {
      throw AnalysisMessage(
        field: key,
        "Must be a number from \(JSONNumber.kataGoText(range.lowerBound)) to \(JSONNumber.kataGoText(range.upperBound))"
      )
    }
    return d
  }

  /// A boolean, or nil when absent.
  func bool(_ key: String) throws(AnalysisMessage) -> Bool? {
    guard let v = self[key] else { return nil }
    guard let b = v.bool else { throw AnalysisMessage(field: key, "Must be a boolean") }
    return b
  }

  /// `analyzeTurns`, validated against the number of moves (default: the final position).
  /// An empty array is refused: a query that analyses nothing would get no line at all, and a
  /// client waiting for its id would wait for ever (reliability audit F6).
  func turnNumbers(moveCount: Int) throws(AnalysisMessage) -> [Int] {
    guard let v = self["analyzeTurns"] else { return [moveCount] }
    guard let list = v.array else {
      throw AnalysisMessage(field: "analyzeTurns", "Must specify an array of integers")
    }
    guard !list.isEmpty else {
      throw AnalysisMessage(field: "analyzeTurns", "Must specify at least one turn number")
    }
    var turns: [Int] = []
    for e in list {
      guard let t = e.integer else {
        throw AnalysisMessage(field: "analyzeTurns", "Must specify an array of integers")
      }
      guard t >= 0 && t <= moveCount else {
        throw AnalysisMessage(field: "analyzeTurns", "Invalid turn number: \(t)")
      }
      turns.append(t)
    }
    return turns
  }

  /// The priority of each turn: `priorities`, else `priority` for all, else 0.
  func priorities(count: Int) throws(AnalysisMessage) -> [Int] {
    let limit = 1 << 62
    if self["priorities"] != nil {
      guard self["priority"] == nil else {
        throw AnalysisMessage(field: "priorities", "Cannot specify both priority and priorities")
      }
      guard let list = self["priorities"]?.array else {
        throw AnalysisMessage(field: "priorities", "Must specify an array of integers")
      }
      guard list.count == count else {
        throw AnalysisMessage(
          field: "priorities", "Must specify an array of the same length as analyzeTurns")
      }
      var result: [Int] = []
      for e in list {
        guard let p = e.integer, p >= -limit, p <= limit else {
          throw AnalysisMessage(
            field: "priorities", "Must be an integer from \(-limit) to \(limit)")
        }
        result.append(p)
      }
      return result
    }
    let p = try int("priority", in: -limit...limit) ?? 0
    return Array(repeating: p, count: count)
  }
}
