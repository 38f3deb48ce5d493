/// KataGo's input-feature versions (`docs/KATAGO.md` §1.4): which planes and global values a
/// model reads.
public enum InputFeatureVersion: Int, Sendable, Hashable, CaseIterable {
  /// Models v3–4: 22 planes, 14 globals.
  case v3 = 3
  /// Model v5: V3 with the area planes restricted to pass-alive area.
  case v4 = 4
  /// Model v6: 13 planes, 12 globals (no liberty, ladder or area planes).
  case v5 = 5
  /// Model v7: 22 planes, 16 globals (general rules: tax, encore moved to globals 12/13).
  case v6 = 6
  /// Models v8–17: 22 planes, 19 globals.
  case v7 = 7

  /// The input version a model of `modelVersion` consumes; nil outside 3–17.
  public init?(modelVersion: Int) {
    switch modelVersion {
    case 3, 4: self = .v3
    case 5: self = .v4
    case 6: self = .v5
    case 7: self = .v6
    case 8...17: self = .v7
    default: return nil
    }
  }

  /// Whether the models reading this version know the general rules (tax, territory scoring,
  /// simple ko, button): V6 and V7 (models v7+). Older models only play area scoring with
  /// superko (`docs/KATAGO.md` §5.4).
  public var supportsGeneralRules: Bool { self == .v6 || self == .v7 }

  /// Spatial plane count.
  public var spatialCount: Int { self == .v5 ? 13 : 22 }

  /// Global value count.
  public var globalCount: Int {
    switch self {
    case .v3, .v4: return 14
    case .v5: return 12
    case .v6: return 16
    case .v7: return 19
    }
  }
}
