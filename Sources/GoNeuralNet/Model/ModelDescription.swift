/// A complete KataGo-format network: header, trunk and heads.
public struct ModelDescription: Sendable {
  /// Model name (first token of the file).
  public var name: String
  /// Model version (3...17).
  public var version: Int
  /// Number of spatial input planes.
  public var numInputChannels: Int
  /// Number of global inputs.
  public var numInputGlobalChannels: Int
  /// Output multipliers.
  public var postProcess: PostProcessParams
  /// 0 = no metadata encoder, 1 = SGF metadata encoder present.
  public var metaEncoderVersion: Int
  /// Whether area features should treat multi-stone suicide as legal.
  public var preferPassAliveUnderSuicideRules: Bool
  /// The trunk.
  public var trunk: Trunk
  /// The policy head.
  public var policyHead: PolicyHead
  /// The value head.
  public var valueHead: ValueHead

  /// Number of score outputs of the value head (1, 2, 4 or 6).
  public var numScoreOutputs: Int { valueHead.sv3Mul.outChannels }
  /// Number of policy channels (1, 2 or 4).
  public var numPolicyChannels: Int { policyHead.outChannels }
  /// The trunk channel count.
  public var trunkChannels: Int { trunk.channels }
}
