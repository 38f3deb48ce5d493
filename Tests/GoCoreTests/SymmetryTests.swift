import GoCore
import Testing

@Suite struct SymmetryTests {
  @Test func symmetriesArePermutationsWithInverses() {
    for s in Symmetry.allCases {
      var images: Set<Point> = []
      for y in 0..<7 {
        for x in 0..<7 {
          let p = s.apply(Point(x: x, y: y), width: 7, height: 7)
          images.insert(p)
          #expect(s.inverse.apply(p, width: 7, height: 7) == Point(x: x, y: y))
        }
      }
      #expect(images.count == 49)
    }
  }

  @Test func numberingFollowsKataGo() {
    // bit 0 flips y, bit 1 flips x, bit 2 transposes after the flips.
    #expect(Symmetry(1).apply(x: 1, y: 0, width: 5, height: 5) == (1, 4))
    #expect(Symmetry(2).apply(x: 1, y: 0, width: 5, height: 5) == (3, 0))
    #expect(Symmetry(4).apply(x: 1, y: 0, width: 5, height: 5) == (0, 1))
    #expect(Symmetry(5).apply(x: 1, y: 0, width: 5, height: 5) == (4, 1))
    #expect(Symmetry(5).inverse == Symmetry(6))
    #expect(Symmetry(3).inverse == Symmetry(3))
  }
}
