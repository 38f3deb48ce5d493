/// Why a model file could not be loaded; every case names what is wrong and where.
public enum ModelLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be read.
  case io(path: String, reason: String)
  /// The file name has no supported suffix (.bin.gz, .bin, .txt.gz, .txt, .gz).
  case unsupportedFileName(String)
  /// The gzip stream is corrupt or truncated.
  case decompression(String)
  /// The data ended while reading `expected`.
  case truncated(expected: String, offset: Int, layer: String)
  /// A token or marker did not have the expected form.
  case malformed(expected: String, found: String, offset: Int, layer: String)
  /// A stored float is NaN or infinite.
  case nonFinite(layer: String, index: Int, offset: Int)
  /// The model version is outside 3...17.
  case unsupportedVersion(Int)
  /// A value, shape or combination that is invalid or not supported.
  case invalid(layer: String, reason: String)
  /// Non-whitespace data follows the value head.
  case trailingData(offset: Int)

  /// A human-readable explanation.
  public var description: String {
    switch self {
    case .io(let path, let reason): return "cannot read model file \(path): \(reason)"
    case .unsupportedFileName(let name):
      return "unsupported model file name \(name) (expected .bin.gz, .bin, .txt.gz, .txt or .gz)"
    case .decompression(let reason): return "corrupt gzip data in model file: \(reason)"
    case .truncated(let expected, let offset, let layer):
      return "model file truncated at byte \(offset) while reading \(expected) of \(layer)"
    case .malformed(let expected, let found, let offset, let layer):
      return "model file malformed at byte \(offset) in \(layer): expected \(expected), found '\(found)'"
    case .nonFinite(let layer, let index, let offset):
      return "model file has a NaN or infinite weight in \(layer) (element \(index), byte \(offset))"
    case .unsupportedVersion(let version):
      return "unsupported model version \(version) (this loader accepts 3 to 17)"
    case .invalid(let layer, let reason): return "invalid model in \(layer): \(reason)"
    case .trailingData(let offset): return "unexpected data after the value head at byte \(offset)"
    }
  }
}
