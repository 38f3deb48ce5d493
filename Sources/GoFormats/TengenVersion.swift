/// Tengen's version, in one place: `tengen version`, the GTP `version` reply, SGF `AP` and match
/// records all read it here.
public enum TengenVersion {
  /// The version number (`0.1.0`).
  public static let number = "0.1.0"

  /// SGF's `AP` value, application name and version: `Tengen:0.1.0`.
  public static var sgfApplication: String { "Tengen:" + number }

  /// A short name for records and logs: `Tengen 0.1.0`.
  public static var displayName: String { "Tengen " + number }
}
