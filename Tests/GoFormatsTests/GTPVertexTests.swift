import GoCore
import GoFormats
import Testing

@Suite struct GTPVertexTests {
  @Test func convertsBothWaysOnEveryBoardSize() {
    for size in [2, 9, 13, 19, 25] {
      for y in 0..<size {
        for x in 0..<size {
          let p = Point(x: x, y: y)
          let text = GTPVertex.text(p, height: size)
          #expect(GTPVertex.point(text, width: size, height: size) == p)
          #expect(GTPVertex.point(text.lowercased(), width: size, height: size) == p)
        }
      }
    }
  }

  @Test func skipsTheLetterIAndCountsRowsFromTheBottom() {
    #expect(GTPVertex.text(Point(x: 0, y: 18), height: 19) == "A1")
    #expect(GTPVertex.text(Point(x: 8, y: 0), height: 19) == "J19")
    #expect(GTPVertex.text(Point(x: 18, y: 0), height: 19) == "T19")
    #expect(GTPVertex.text(Point(x: 24, y: 0), height: 25) == "Z25")
    #expect(GTPVertex.point("I5", width: 19, height: 19) == nil)
    #expect(GTPVertex.text(.pass, height: 9) == "pass")
    #expect(GTPVertex.move("PASS", width: 9, height: 9) == .pass)
    #expect(GTPVertex.point("D4", width: 19, height: 13) == Point(x: 3, y: 9))
  }

  @Test(arguments: ["", "A", "A0", "A01", "K20", "U1", "11", "AA1", "A-1", "A1x", "pas", "Ä1"])
  func refusesMalformedOrOffBoardVertices(_ text: String) {
    #expect(GTPVertex.move(text, width: 19, height: 19) == nil)
  }
}
