/// One command line after GTP preprocessing: optional id, command name and arguments.
public struct GTPRequest: Equatable, Sendable {
  /// The numeric id the response must echo.
  public var id: Int?
  /// The command name (case as sent).
  public var name: String
  /// The arguments, split at spaces.
  public var arguments: [String]

  public init(id: Int? = nil, name: String, arguments: [String] = []) {
    self.id = id
    self.name = name
    self.arguments = arguments
  }

  /// The request on a raw input line, or nil when the line is empty after preprocessing.
  ///
  /// Preprocessing follows GTP v2: control characters other than tab and line feed are
  /// removed, tabs become spaces, everything from `#` on is a comment, and lines that are
  /// then blank are ignored. A leading run of digits is the id.
  public init?(line: String) {
    var cleaned: [Unicode.Scalar] = []
    for s in line.unicodeScalars {
      if s == "#" { break }
      if s == "\t" {
        cleaned.append(" ")
      } else if s.value >= 32 && s.value != 127 {
        cleaned.append(s)
      }
    }
    var words: [String] = []
    var current = ""
    for s in cleaned {
      if s == " " {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.unicodeScalars.append(s)
      }
    }
    if !current.isEmpty { words.append(current) }
    guard let first = words.first else { return nil }
    var rest = words.dropFirst()
    if first.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let id = Int(first) {
      self.id = id
      self.name = rest.popFirst() ?? ""
    } else {
      self.id = nil
      self.name = first
    }
    self.arguments = Array(rest)
  }
}
