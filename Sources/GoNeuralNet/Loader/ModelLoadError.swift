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
  /// The file, or its decompressed data, is larger than any model could be (`limit` bytes:
  /// `ModelLoader.maxFileBytes`, `ModelLoader.decompressedLimit`).
  case tooLarge(what: String, limit: Int)

  /// A human-readable explanation. Text taken from the file (a token, a layer name) appears
  /// as a short excerpt with anything but printable ASCII escaped, never as raw bytes.
  public var description: String {
    switch self {
    case .io(let path, let reason): return "cannot read model file \(path): \(reason)"
    case .unsupportedFileName(let name):
      return "unsupported model file name \(name) (expected .bin.gz, .bin, .txt.gz, .txt or .gz)"
    case .decompression(let reason): return "corrupt gzip data in model file: \(reason)"
    case .truncated(let expected, let offset, let layer):
      return "model file truncated at byte \(offset) while reading \(expected) of \(Self.excerpt(layer))"
    case .malformed(let expected, let found, let offset, let layer):
      return "model file malformed at byte \(offset) in \(Self.excerpt(layer)): expected \(expected), found '\(Self.excerpt(found, limit: 24))'"
    case .nonFinite(let layer, let index, let offset):
      return "model file has a NaN or infinite weight in \(Self.excerpt(layer)) (element \(index), byte \(offset))"
    case .unsupportedVersion(let version):
      return "unsupported model version \(version) (this loader accepts 3 to 17)"
    case .invalid(let layer, let reason): return "invalid model in \(Self.excerpt(layer)): \(reason)"
    case .trailingData(let offset): return "unexpected data after the value head at byte \(offset)"
    case .tooLarge(let what, let limit):
      return "\(what) is larger than \(limit) bytes, more than any model needs: not a model file"
    }
  }

  /// At most `limit` characters of `text` for a message: printable ASCII as it is, anything
  /// else (control bytes, bytes that were not UTF-8, other characters) as `\u{hex}`, and `…`
  /// when text was left out.
  static func excerpt(_ text: String, limit: Int = 48) -> String {
    var out = ""
    var shown = 0
    for scalar in text.unicodeScalars {
      guard shown < limit else { return out + "…" }
      shown += 1
      if (0x20...0x7E).contains(scalar.value) && scalar != "\\" {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      }
    }
    return out
  }
}
