public import Foundation
public import GoFormats

/// A set of rows that become one `.npz` file of `docs/FORMATS.md` §1 (format version 2).
public struct TrainingRowFile: Sendable {
  /// The format version written.
  public static let formatVersion: Int32 = 2
  /// The grid side L.
  public let posLen: Int
  /// The rows so far.
  public private(set) var rows: [TrainingRow] = []

  /// An empty file on a `posLen` grid.
  public init(posLen: Int) {
    precondition((2...32).contains(posLen), "pos_len must be 2...32")
    self.posLen = posLen
  }

  /// Adds a row (its arrays must fit `posLen`).
  public mutating func append(_ row: TrainingRow) {
    let a = posLen * posLen
    precondition(row.packedPlanes.count == 22 * TrainingRow.packedLength(posLen: posLen))
    precondition(row.globalInputs.count == 19 && row.policyTarget.count == a + 1)
    precondition(row.valueTarget.count == 3 && row.scoreTargets.count == 3)
    precondition(row.ownershipTarget.count == a && row.targetWeights.count == 6)
    precondition(row.policyTargetNext.isEmpty || row.policyTargetNext.count == a + 1)
    precondition(row.shortTermTargets.count == 4)
    rows.append(row)
  }

  /// Removes every row.
  public mutating func removeAll() { rows.removeAll(keepingCapacity: true) }

  /// The archive bytes, with `meta` (what wrote the rows, from what) as `meta_json`, in
  /// compact JSON text.
  public func npzBytes(meta: JSONValue) throws -> [UInt8] {
    let n = rows.count
    let a = posLen * posLen
    var z = NpzWriter()
    try z.add("format_version", NpyArray(int32: [Self.formatVersion], shape: []))
    try z.add("pos_len", NpyArray(int32: [Int32(posLen)], shape: []))
    try z.add("meta_json", NpyArray(string: meta.text))
    try z.add(
      "binary_input_planes",
      NpyArray(
        uint8: rows.flatMap(\.packedPlanes),
        shape: [n, 22, TrainingRow.packedLength(posLen: posLen)]))
    try z.add("global_inputs", NpyArray(float32: rows.flatMap(\.globalInputs), shape: [n, 19]))
    try z.add("policy_target", NpyArray(float32: rows.flatMap(\.policyTarget), shape: [n, a + 1]))
    try z.add("value_target", NpyArray(float32: rows.flatMap(\.valueTarget), shape: [n, 3]))
    try z.add("score_targets", NpyArray(float32: rows.flatMap(\.scoreTargets), shape: [n, 3]))
    try z.add("ownership_target", NpyArray(int8: rows.flatMap(\.ownershipTarget), shape: [n, a]))
    try z.add("target_weights", NpyArray(float32: rows.flatMap(\.targetWeights), shape: [n, 6]))
    try z.add("sample_weight", NpyArray(float32: rows.map(\.sampleWeight), shape: [n]))
    try z.add("game_id", NpyArray(int64: rows.map(\.gameID), shape: [n]))
    try z.add("move_number", NpyArray(int32: rows.map(\.moveNumber), shape: [n]))
    try z.add(
      "board_size", NpyArray(int32: rows.flatMap { [$0.boardSize.0, $0.boardSize.1] }, shape: [n, 2]))
    try z.add("pla", NpyArray(int8: rows.map(\.pla), shape: [n]))
    try z.add("komi", NpyArray(float32: rows.map(\.komi), shape: [n]))
    let none = [Float](repeating: 0, count: a + 1)
    try z.add(
      "policy_target_next",
      NpyArray(float32: rows.flatMap { $0.policyTargetNext.isEmpty ? none : $0.policyTargetNext }, shape: [n, a + 1]))
    try z.add("short_term_targets", NpyArray(float32: rows.flatMap(\.shortTermTargets), shape: [n, 4]))
    try z.add("short_term_weight", NpyArray(float32: rows.map(\.shortTermWeight), shape: [n]))
    return try z.bytes()
  }

  /// Writes the file atomically (temporary file in the same folder, then rename).
  public func write(to url: URL, meta: JSONValue) throws {
    let bytes = try npzBytes(meta: meta)
    let tmp = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(UInt32.random(in: 0...UInt32.max))")
    try Data(bytes).write(to: tmp)
    do {
      if FileManager.default.fileExists(atPath: url.path) {
        _ = try FileManager.default.replaceItemAt(url, withItemAt: tmp)
      } else {
        try FileManager.default.moveItem(at: tmp, to: url)
      }
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw error
    }
  }
}
