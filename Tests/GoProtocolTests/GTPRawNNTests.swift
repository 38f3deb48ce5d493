import GoCore
import GoProtocol
import Testing

@Suite struct GTPRawNNTests {
  @Test func parsesEveryForm() throws {
    #expect(try GTPCommand.parse("kata-raw-nn 0") == .rawNN(color: nil, symmetry: 0, optimism: nil))
    #expect(try GTPCommand.parse("kata-raw-nn all") == .rawNN(color: nil, symmetry: nil, optimism: nil))
    #expect(
      try GTPCommand.parse("kata-raw-nn W 7 0.5") == .rawNN(color: .white, symmetry: 7, optimism: 0.5))
    #expect(throws: GTPError.self) { try GTPCommand.parse("kata-raw-nn 8") }
    #expect(throws: GTPError.self) { try GTPCommand.parse("kata-raw-nn b") }
    #expect(throws: GTPError.self) { try GTPCommand.parse("kata-raw-nn 0 2") }
  }

  @Test func withoutANetworkItFailsAndChangesNothing() {
    let (c, _, _) = makeController()
    _ = c.ok("play b e5")
    let before = ControllerSnapshot(c)
    #expect(c.error("kata-raw-nn 0")?.contains("no neural network") == true)
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func passesThePositionToTheEvaluator() {
    var config = GTPConfiguration(width: 9, height: 9, rules: .trompTaylor)
    config.rawNN = { game, color, symmetry, optimism in
      "moves \(game.moves.count) color \(color.map { "\($0)" } ?? "-") sym \(symmetry ?? -1) opt \(optimism ?? -1)"
    }
    let c = GTPController(engine: TestEngine(), configuration: config)
    _ = c.ok("play b e5")
    #expect(c.ok("kata-raw-nn white all 0.3") == "moves 1 color white sym -1 opt 0.3")
  }
}
