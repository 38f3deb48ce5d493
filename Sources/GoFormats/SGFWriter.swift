/// Writes game trees as SGF text.
///
/// Values are escaped (`\` and `]`), and the output is wrapped at node boundaries so lines stay
/// short. The writer walks the tree with an explicit stack, so deep variation trees are safe.
public struct SGFWriter {
  /// Longest line the writer aims for (a node longer than this gets a line of its own).
  public var lineWidth: Int

  public init(lineWidth: Int = 78) {
    self.lineWidth = lineWidth
  }

  /// The SGF text of a collection of trees, ending with a newline.
  public func write(_ trees: [SGFTree]) -> String {
    var out = ""
    for t in trees { out += write(t) }
    return out
  }

  /// The SGF text of one tree, ending with a newline.
  public func write(_ tree: SGFTree) -> String {
    enum Step {
      case open(SGFTree)
      case close
    }
    var out = ""
    var lineLength = 0
    var afterOpen = false
    func emit(_ text: String, breakBefore: Bool) {
      // Never break between "(" and the node it opens.
      if breakBefore && !afterOpen && lineLength > 0 && lineLength + text.count > lineWidth {
        out += "\n"
        lineLength = 0
      }
      out += text
      lineLength += text.count
      afterOpen = text == "("
    }
    var stack: [Step] = [.open(tree)]
    while let step = stack.popLast() {
      switch step {
      case .close:
        emit(")", breakBefore: false)
      case .open(let t):
        emit("(", breakBefore: true)
        for node in t.nodes { emit(nodeText(node), breakBefore: true) }
        stack.append(.close)
        for v in t.variations.reversed() { stack.append(.open(v)) }
      }
    }
    return out + "\n"
  }

  /// One node as text: `;` and its properties.
  public func nodeText(_ node: SGFNode) -> String {
    var s = ";"
    for p in node.properties {
      s += p.identifier
      for v in p.values { s += "[" + SGFWriter.escape(v) + "]" }
    }
    return s
  }

  /// A value with `\` and `]` escaped.
  public static func escape(_ value: String) -> String {
    guard value.contains(where: { $0 == "\\" || $0 == "]" }) else { return value }
    var s = ""
    for c in value {
      if c == "\\" || c == "]" { s.append("\\") }
      s.append(c)
    }
    return s
  }
}
