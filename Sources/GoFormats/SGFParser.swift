/// Reads SGF text into game trees.
///
/// A hand-written scanner over UTF-8 bytes with an explicit stack, so no input can make it
/// recurse deeply; nesting, file size and value counts are bounded by `Limits`. Every error
/// names the line and column where it was found.
public struct SGFParser {
  /// Bounds that keep hostile input from exhausting memory or the stack.
  public struct Limits: Sendable {
    /// Largest accepted input, in bytes.
    public var maxBytes: Int
    /// Deepest accepted nesting of variations.
    public var maxDepth: Int
    /// Most nodes in one file.
    public var maxNodes: Int
    /// Most distinct properties in one node (merging repeats is linear in this).
    public var maxPropertiesPerNode: Int

    public init(
      maxBytes: Int = 32 << 20, maxDepth: Int = 500, maxNodes: Int = 1_000_000,
      maxPropertiesPerNode: Int = 1000
    ) {
      self.maxBytes = maxBytes
      self.maxDepth = maxDepth
      self.maxNodes = maxNodes
      self.maxPropertiesPerNode = maxPropertiesPerNode
    }
  }

  public var limits: Limits

  public init(limits: Limits = Limits()) {
    self.limits = limits
  }

  /// Whether `bytes` start a game tree the way SGF files do: the first `(` (after any header
  /// text, which `parse` skips) is followed, past whitespace, by the `;` of a node. A file
  /// that does not is not SGF, and callers that read files a peer names (GTP `loadsgf`) say
  /// only that, never where the parse failed inside it.
  public static func looksLikeSGF(_ bytes: [UInt8]) -> Bool {
    guard let open = bytes.firstIndex(of: UInt8(ascii: "(")) else { return false }
    let next = bytes[(open + 1)...].first { !" \t\r\n".utf8.contains($0) }
    return next == UInt8(ascii: ";")
  }

  /// Parses a whole SGF collection.
  /// - Throws: `SGFError` with the line and column of the first problem.
  public func parse(_ text: String) throws(SGFError) -> [SGFTree] {
    try parse(bytes: Array(text.utf8))
  }

  /// Parses a whole SGF collection from UTF-8 bytes.
  /// - Throws: `SGFError` with the line and column of the first problem.
  public func parse(bytes: [UInt8]) throws(SGFError) -> [SGFTree] {
    guard bytes.count <= limits.maxBytes else {
      throw SGFError("file too large (\(bytes.count) bytes, limit \(limits.maxBytes))")
    }
    var scanner = SGFScanner(bytes: bytes)
    var trees: [SGFTree] = []
    // Text before the first "(" and between trees is ignored, as many files carry headers.
    while true {
      scanner.skip { $0 != UInt8(ascii: "(") }
      guard !scanner.atEnd else { break }
      trees.append(try parseTree(&scanner))
    }
    guard !trees.isEmpty else {
      throw SGFError("no game tree found (expected '(')", at: scanner.position)
    }
    return trees
  }

  /// Parses one game tree starting at its "(".
  private func parseTree(_ s: inout SGFScanner) throws(SGFError) -> SGFTree {
    // Each open "(" gets a frame; a frame's tree is finished at its ")".
    var stack: [(tree: SGFTree, open: SGFPosition)] = []
    var nodes = 0
    while true {
      s.skipWhitespace()
      guard let c = s.peek else {
        let open = stack.last?.open ?? s.position
        throw SGFError(
          "unexpected end of file: game tree opened at line \(open.line), column \(open.column) "
            + "is not closed", at: s.position)
      }
      switch c {
      case UInt8(ascii: "("):
        guard stack.count < limits.maxDepth else {
          throw SGFError("variations nested deeper than \(limits.maxDepth)", at: s.position)
        }
        if let top = stack.last, top.tree.nodes.isEmpty {
          throw SGFError("game tree must start with a node (';')", at: s.position)
        }
        stack.append((SGFTree(), s.position))
        s.advance()
      case UInt8(ascii: ")"):
        guard let finished = stack.popLast() else {
          throw SGFError("unexpected ')'", at: s.position)
        }
        if finished.tree.nodes.isEmpty {
          throw SGFError("empty game tree '()'", at: finished.open)
        }
        s.advance()
        if stack.isEmpty { return finished.tree }
        stack[stack.count - 1].tree.variations.append(finished.tree)
      case UInt8(ascii: ";"):
        guard !stack.isEmpty else { throw SGFError("node outside a game tree", at: s.position) }
        if !stack[stack.count - 1].tree.variations.isEmpty {
          throw SGFError("node after variations; expected '(' or ')'", at: s.position)
        }
        nodes += 1
        guard nodes <= limits.maxNodes else {
          throw SGFError("more than \(limits.maxNodes) nodes", at: s.position)
        }
        let node = try parseNode(&s)
        stack[stack.count - 1].tree.nodes.append(node)
      default:
        if stack.last?.tree.nodes.isEmpty ?? true {
          throw SGFError("expected ';' to start a node, found \(s.describe(c))", at: s.position)
        }
        throw SGFError("unexpected \(s.describe(c)) between nodes", at: s.position)
      }
    }
  }

  /// Parses a node starting at its ";".
  private func parseNode(_ s: inout SGFScanner) throws(SGFError) -> SGFNode {
    var node = SGFNode(position: s.position)
    s.advance()
    while true {
      s.skipWhitespace()
      guard let c = s.peek, SGFScanner.isLetter(c) else { return node }
      let start = s.position
      var ident: [UInt8] = []
      while let l = s.peek, SGFScanner.isLetter(l) {
        // FF[3] allowed lower-case letters inside identifiers; only the capitals count.
        if SGFScanner.isUpper(l) { ident.append(l) }
        s.advance()
        guard ident.count <= 16 else {
          throw SGFError("property identifier too long", at: start)
        }
      }
      guard !ident.isEmpty else {
        throw SGFError("property identifier has no capital letter", at: start)
      }
      let name = String(decoding: ident, as: UTF8.self)
      var values: [String] = []
      s.skipWhitespace()
      while s.peek == UInt8(ascii: "[") {
        values.append(try parseValue(&s))
        s.skipWhitespace()
      }
      guard !values.isEmpty else {
        throw SGFError("property \(name) has no value (expected '[')", at: s.position)
      }
      if let i = node.properties.firstIndex(where: { $0.identifier == name }) {
        // Repeated identifiers in one node are invalid FF[4]; merge them, as most readers do.
        node.properties[i].values += values
      } else {
        guard node.properties.count < limits.maxPropertiesPerNode else {
          throw SGFError("more than \(limits.maxPropertiesPerNode) properties in one node", at: start)
        }
        node.properties.append(SGFProperty(name, values, position: start))
      }
    }
  }

  /// Parses one "[...]" value, removing escapes and escaped line breaks.
  private func parseValue(_ s: inout SGFScanner) throws(SGFError) -> String {
    let open = s.position
    s.advance()
    var out: [UInt8] = []
    while true {
      guard let c = s.peek else {
        throw SGFError(
          "unterminated property value opened at line \(open.line), column \(open.column)",
          at: s.position)
      }
      s.advance()
      if c == UInt8(ascii: "]") { break }
      if c == UInt8(ascii: "\\") {
        guard let e = s.peek else { continue }
        s.advance()
        if e == 10 || e == 13 {
          // A soft line break: "\" + newline (any of LF, CR, CRLF, LFCR) is removed.
          if let n = s.peek, (n == 10 || n == 13) && n != e { s.advance() }
          continue
        }
        out.append(e)
      } else {
        out.append(c)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
