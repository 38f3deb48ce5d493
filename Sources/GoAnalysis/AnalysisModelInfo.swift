import GoFormats

/// One loaded network as `query_models` reports it.
public struct AnalysisModelInfo: Sendable, Equatable {
  /// The path as given on the command line.
  public var name: String
  /// The model's own name from its header.
  public var internalName: String
  /// The model format version.
  public var version: Int
  /// Largest batch the evaluator forms.
  public var maxBatchSize: Int
  /// Whether the model takes a human-SL profile.
  public var usesHumanSLProfile: Bool
  /// "true", "false" or "auto".
  public var usingFP16: String

  public init(
    name: String, internalName: String, version: Int, maxBatchSize: Int,
    usesHumanSLProfile: Bool = false, usingFP16: String = "false"
  ) {
    self.name = name
    self.internalName = internalName
    self.version = version
    self.maxBatchSize = maxBatchSize
    self.usesHumanSLProfile = usesHumanSLProfile
    self.usingFP16 = usingFP16
  }

  /// The `models` entry.
  var json: JSONValue {
    .object([
      "name": .string(name), "internalName": .string(internalName), "version": .int(version),
      "maxBatchSize": .int(maxBatchSize), "usesHumanSLProfile": .bool(usesHumanSLProfile),
      "usingFP16": .string(usingFP16),
    ])
  }
}
