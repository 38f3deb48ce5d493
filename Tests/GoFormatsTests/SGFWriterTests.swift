import GoCore
import GoFormats
import Testing

@Suite struct SGFWriterTests {
  @Test func escapesClosingBracketsAndBackslashes() {
    var node = SGFNode()
    node["C"] = "a]b\\c"
    let text = SGFWriter().write(SGFTree(nodes: [node]))
    #expect(text == "(;C[a\\]b\\\\c])\n")
  }

  @Test func writesVariationsInOrder() throws {
    let src = "(;SZ[9];B[aa](;W[bb])(;W[cc];B[dd]))"
    let tree = try SGFParser().parse(src)[0]
    let out = SGFWriter().write(tree)
    #expect(out.filter { !$0.isWhitespace } == src)
  }

  @Test func roundTripKeepsEveryPropertyAndVariation() throws {
    let src = """
      (;GM[1]FF[4]CA[UTF-8]SZ[19:13]KM[6.5]HA[2]RU[Japanese]PB[Black \\] Player]PW[White]
      BR[3d]WR[2k]RE[W+1.5]DT[2024-05-01]AB[dd][pd]AW[aa:bb]C[Comment with \\\\ backslash
      and a line break]
      ;W[qp]C[first](;B[dp];W[]TR[aa][bb]LB[cc:label])(;B[tt];W[pq](;B[oq])(;B[qq]))
      (;B[cq]))
      """
    let tree = try SGFParser().parse(src)[0]
    let written = SGFWriter().write(tree)
    let again = try SGFParser().parse(written)[0]
    #expect(again == tree)
    #expect(SGFWriter().write(again) == written)
    #expect(tree.nodes[0]["PB"] == "Black ] Player")
    #expect(tree.variations.count == 3)
  }

  @Test func wrapsLongRecordsBetweenNodes() {
    var nodes = [SGFNode()]
    for i in 0..<200 {
      var n = SGFNode()
      n[i % 2 == 0 ? "B" : "W"] = "aa"
      nodes.append(n)
    }
    let text = SGFWriter(lineWidth: 40).write(SGFTree(nodes: nodes))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }
}
