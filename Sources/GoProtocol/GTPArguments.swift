import GoCore
import GoFormats

/// A cursor over a command's arguments with typed readers that throw GTP syntax errors.
struct GTPArguments {
  private var words: ArraySlice<String>

  init(_ words: [String]) { self.words = words[...] }

  /// Arguments not yet read.
  var remaining: Int { words.count }

  /// The next argument as text.
  mutating func word(_ what: String) throws(GTPError) -> String {
    guard let w = words.popFirst() else { throw GTPError.syntax("missing \(what)") }
    return w
  }

  /// Every argument left, joined by single spaces (for JSON and other free text).
  mutating func rest() -> String {
    defer { words = [] }
    return words.joined(separator: " ")
  }

  /// Every argument left, as words.
  mutating func all() -> [String] {
    defer { words = [] }
    return Array(words)
  }

  /// The next argument as an integer.
  mutating func int(_ what: String) throws(GTPError) -> Int {
    let w = try word(what)
    guard let n = Int(w) else { throw GTPError.syntax("\(what) must be an integer, not '\(w)'") }
    return n
  }

  /// The next argument as a finite number.
  mutating func double(_ what: String) throws(GTPError) -> Double {
    let w = try word(what)
    guard let x = Double(w), x.isFinite else {
      throw GTPError.syntax("\(what) must be a number, not '\(w)'")
    }
    return x
  }

  /// The next argument as a non-negative finite number of seconds.
  mutating func seconds(_ what: String) throws(GTPError) -> Double {
    let x = try double(what)
    guard x >= 0, x <= 1e9 else { throw GTPError.syntax("\(what) out of range") }
    return x
  }

  /// The next argument as a player: `b`, `black`, `w`, `white` in any case.
  mutating func color() throws(GTPError) -> Player {
    let w = try word("color")
    switch w.lowercased() {
    case "b", "black": return .black
    case "w", "white": return .white
    default: throw GTPError.syntax("invalid color '\(w)'")
    }
  }

  /// The next argument as a vertex or `pass`.
  mutating func vertex() throws(GTPError) -> GTPCommand.Vertex {
    let w = try word("vertex")
    if w.lowercased() == "pass" { return .pass }
    if w.hasPrefix("(") && w.hasSuffix(")") {
      let inner = w.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
      guard inner.count == 2, let x = Int(inner[0]), let y = Int(inner[1]),
        (0..<100).contains(x), (0..<100).contains(y)
      else { throw GTPError.syntax("invalid vertex '\(w)'") }
      return .grid(x: x, y: y)
    }
    guard let (column, row) = GTPVertex.coordinates(w) else {
      throw GTPError.syntax("invalid vertex '\(w)'")
    }
    return .point(column: column, row: row)
  }

  /// Fails if arguments are left over.
  func finish() throws(GTPError) {
    if let extra = words.first { throw GTPError.syntax("unexpected argument '\(extra)'") }
  }
}
