import GoCore
import GoFormats
import Testing

@Suite struct SGFParserTests {
  let parser = SGFParser()

  @Test func parsesNodesPropertiesAndValues() throws {
    let trees = try parser.parse("(;GM[1]FF[4]SZ[9]KM[6.5];B[ee];W[cc])")
    #expect(trees.count == 1)
    let t = trees[0]
    #expect(t.nodes.count == 3)
    #expect(t.nodes[0]["SZ"] == "9")
    #expect(t.nodes[0]["KM"] == "6.5")
    #expect(t.nodes[1]["B"] == "ee")
    #expect(t.nodes[2]["W"] == "cc")
    #expect(t.variations.isEmpty)
  }

  @Test func removesEscapesAndSoftLineBreaks() throws {
    let t = try parser.parse("(;C[a \\] b \\\\ c \\: d\\\ne\nf])")[0]
    #expect(t.nodes[0]["C"] == "a ] b \\ c : de\nf")
  }

  @Test func readsMultipleValuesAndWhitespaceBetweenTokens() throws {
    let t = try parser.parse("  junk before ( ; AB [aa] [bb]\n [cc:dd] ; W [] )\n")[0]
    #expect(t.nodes[0].property("AB")?.values == ["aa", "bb", "cc:dd"])
    #expect(t.nodes[1]["W"] == "")
  }

  @Test func keepsOnlyCapitalsOfOldStyleIdentifiers() throws {
    let t = try parser.parse("(;AddBlack[aa]CoPyright[x])")[0]
    #expect(t.nodes[0].property("AB")?.values == ["aa"])
    #expect(t.nodes[0]["CP"] == "x")
  }

  @Test func buildsVariationsWithTheMainLineFirst() throws {
    let t = try parser.parse("(;SZ[9];B[aa](;W[bb];B[cc])(;W[dd](;B[ee])(;B[ff])))")[0]
    #expect(t.nodes.count == 2)
    #expect(t.variations.count == 2)
    #expect(t.variations[1].variations.count == 2)
    #expect(t.mainLine.compactMap { $0["B"] ?? $0["W"] } == ["aa", "bb", "cc"])
    #expect(t.nodeCount == 7)
    #expect(t.depth == 3)
  }

  @Test func readsCollectionsOfSeveralGames() throws {
    let trees = try parser.parse("(;GM[1];B[aa])\n(;GM[1];B[bb])")
    #expect(trees.count == 2)
    #expect(trees[1].nodes[1]["B"] == "bb")
  }

  @Test func mergesRepeatedIdentifiersInOneNode() throws {
    let t = try parser.parse("(;AB[aa]AW[bb]AB[cc])")[0]
    #expect(t.nodes[0].property("AB")?.values == ["aa", "cc"])
  }

  /// Each malformed text with the line and column its error must name.
  @Test(arguments: [
    ("", 1, 1, "no game tree"),
    ("(;B[aa]", 1, 8, "not closed"),
    ("(;B[aa", 1, 7, "unterminated property value opened at line 1, column 4"),
    ("(;GM[1]\n;B[aa]\n;W[bb)\n", 4, 1, "unterminated"),
    ("(B[aa])", 1, 2, "expected ';'"),
    ("(;B[aa]x)", 1, 8, "no capital letter"),
    ("(;B[aa]1)", 1, 8, "unexpected '1' between nodes"),
    ("(;B)", 1, 4, "has no value"),
    ("(;SZ[9]\n  ;B[aa]\n  ())", 3, 3, "empty game tree"),
    ("(;B[aa](;W[bb]);B[cc])", 1, 16, "node after variations"),
    ("(;B[aa]\n;W[bb]\n;B[cc]", 3, 7, "not closed"),
    ("((;B[aa]))", 1, 2, "must start with a node"),
  ] as [(String, Int, Int, String)])
  func reportsLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
    #expect {
      _ = try parser.parse(text)
    } throws: { error in
      guard let e = error as? SGFError else { return false }
      return e.line == line && e.column == column && e.message.contains(message)
    }
  }

  @Test func countsColumnsInCharactersAndCRLFAsOneLineBreak() {
    #expect {
      _ = try parser.parse("(;C[héllo]\r\n;ÉB[aa])")
    } throws: { error in
      guard let e = error as? SGFError else { return false }
      return e.line == 2 && e.column == 2
    }
  }

  @Test func refusesNestingBeyondTheDepthLimit() {
    let deep = String(repeating: "(;B[aa]", count: 600) + String(repeating: ")", count: 600)
    #expect(throws: SGFError.self) { try parser.parse(deep) }
    let ok = String(repeating: "(;B[aa]", count: 200) + String(repeating: ")", count: 200)
    #expect((try? parser.parse(ok))?.first?.depth == 200)
  }

  @Test func refusesTooManyPropertiesInOneNode() {
    var text = "(;"
    var ident = [UInt8](repeating: 65, count: 3)
    for _ in 0..<1001 {
      text += String(decoding: ident, as: UTF8.self) + "[x]"
      var i = 2
      while ident[i] == 90 { ident[i] = 65; i -= 1 }
      ident[i] += 1
    }
    text += ")"
    #expect(throws: SGFError.self) { try parser.parse(text) }
  }

  @Test func refusesOversizedInput() {
    let small = SGFParser(limits: .init(maxBytes: 10))
    #expect(throws: SGFError.self) { try small.parse("(;C[this is longer than ten bytes])") }
  }
}
