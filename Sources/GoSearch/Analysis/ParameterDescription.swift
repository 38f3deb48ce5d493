/// One search parameter as a user reads about it: name, current value, accepted values and
/// meaning (from an engine's `SettingSpec` table); and the config-file text of a list of them.
public struct ParameterDescription: Sendable, Equatable {
  public var name: String
  /// The current value as text, as `kata-set-param` takes it.
  public var value: String
  /// The values it accepts, in words.
  public var range: String
  /// What it does, in one line.
  public var doc: String

  public init(name: String, value: String, range: String, doc: String) {
    self.name = name
    self.value = value
    self.range = range
    self.doc = doc
  }

  /// A section of a config file (`--config`): a heading, comment lines, then per parameter its
  /// doc and accepted values as a comment and `# name = value` commented out, so that the
  /// section sets nothing until a user uncomments a line.
  public static func configSection(
    title: String, comments: [String], _ parameters: [ParameterDescription]
  ) -> String {
    var lines = ["", "# " + String(repeating: "=", count: 78), "# " + title]
    lines += comments.map { $0.isEmpty ? "#" : "# " + $0 }
    lines.append("# " + String(repeating: "=", count: 78))
    for p in parameters {
      lines += ["", "# \(p.doc) [\(p.range)]", "# \(p.name) = \(p.value)"]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
