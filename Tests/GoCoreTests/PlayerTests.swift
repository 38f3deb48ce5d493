import GoCore
import Testing

@Test func opponentIsAnInvolution() {
  for p in Player.allCases {
    #expect(p.opponent != p)
    #expect(p.opponent.opponent == p)
    #expect(Stone(p).player == p)
  }
}
