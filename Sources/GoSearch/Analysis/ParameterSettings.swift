import Foundation

/// Search parameters set by name at start-up: a KataGo-style config file (`name = value`
/// lines) and `name=value,...` overrides, applied as `kata-set-param` would apply them.
public struct ParameterSettings: Sendable, Equatable {
  /// One setting and where it came from (for error messages).
  public struct Entry: Sendable, Equatable {
    public var name: String
    public var value: String
    public var source: String
  }

  /// The settings in order; a later one overrides an earlier one of the same name.
  public var entries: [Entry] = []
  /// Names that may be unknown to the engine without an error (a shared config file can set
  /// keys another engine reads); they are reported as warnings instead.
  public var optionalNames: Set<String> = []

  public init() {}

  /// Adds the lines of a config file: `name = value`, `#` to the end of a line is a comment,
  /// blank lines are skipped. Names the engine does not know only warn.
  /// - Throws: `ParameterError` naming the line for a line without `=` or a name.
  public mutating func addConfig(_ text: String, file: String) throws(ParameterError) {
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = Substring(raw)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty { continue }
      let source = "\(file):\(i + 1)"
      guard let eq = trimmed.firstIndex(of: "=") else {
        throw ParameterError("\(source): expected 'name = value', not '\(trimmed)'")
      }
      let name = trimmed[..<eq].trimmingSpaces
      let value = trimmed[trimmed.index(after: eq)...].trimmingSpaces
      guard !name.isEmpty, !value.isEmpty else {
        throw ParameterError("\(source): expected 'name = value', not '\(trimmed)'")
      }
      entries.append(Entry(name: name, value: value, source: source))
      optionalNames.insert(name)
    }
  }

  /// Adds `name=value,name=value` overrides (KataGo's `-override-config` form); every name
  /// must be known to the engine. `source` names them in errors (`--set`, a match spec).
  /// - Throws: `ParameterError` for an item without `=` or a name.
  public mutating func addOverrides(_ text: String, source: String = "--set") throws(ParameterError) {
    for item in text.split(separator: ",") {
      let trimmed = item.trimmingSpaces
      if trimmed.isEmpty { continue }
      guard let eq = trimmed.firstIndex(of: "="), eq != trimmed.startIndex,
        trimmed.index(after: eq) != trimmed.endIndex
      else { throw ParameterError("expected name=value, not '\(trimmed)'") }
      let name = trimmed[..<eq].trimmingSpaces
      entries.append(Entry(name: name, value: trimmed[trimmed.index(after: eq)...].trimmingSpaces, source: source))
      optionalNames.remove(name)
    }
  }

  /// Sets every entry on `engine` in order; returns warnings for unknown config-file names.
  /// - Throws: `ParameterError` (with the entry's source) for a bad value or an unknown name
  ///   given as an override; settings before it stay applied.
  public func apply(to engine: any AnalyzingEngine) throws(ParameterError) -> [String] {
    let known = Set(engine.parameterValues.map(\.name))
    var warnings: [String] = []
    for e in entries {
      if !known.contains(e.name) && optionalNames.contains(e.name) {
        warnings.append("\(e.source): unused key '\(e.name)' (not a parameter of this engine)")
        continue
      }
      do {
        try engine.setParameter(e.name, e.value)
      } catch {
        throw ParameterError("\(e.source): \(error.message)")
      }
    }
    return warnings
  }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
