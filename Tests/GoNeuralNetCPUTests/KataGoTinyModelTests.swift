import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

@Suite("Tiny models vs real KataGo")
struct KataGoTinyModelTests {
  /// Once per kernel instruction set this CPU runs (what TENGEN_CPU_ISA chooses from).
  @Test(
    "kata-raw-nn outputs match KataGo's recorded ones (input versions V3-V7), every instruction set",
    arguments: Fixtures.models + Fixtures.oldModels, CPUInstructionSet.supported)
  func matchesKataGo(_ file: String, isa: CPUInstructionSet) throws {
    let fixture = try KataGoReference(
      positionsPath: Fixtures.path(Fixtures.positions(for: file)),
      outputsPath: Fixtures.path("katago-\(file.prefix { $0 != "." }).json"))
    #expect(fixture.positions.count == 25 && fixture.skipped.isEmpty, "skipped: \(fixture.skipped)")
    let model = try tinyModel(file)
    let evaluator = RawNNEvaluator(backend: CPUBackend(model: model, threads: 2, isa: isa))
    var worst: [String: Double] = [:]
    for p in fixture.positions {
      let e = try evaluator.evaluate(p.game, symmetries: [Symmetry(p.symmetry)])[0]
      for (k, d) in KataGoReference.differences(e, p.expected) {
        worst[k] = max(worst[k] ?? 0, d)
        #expect(d <= KataGoReference.tolerance(k), "\(file) \(isa) \(p.id) \(k) differs by \(d)")
      }
    }
    print("worst differences \(file) \(isa): \(worst.sorted { $0.key < $1.key })")
  }
}

@Suite("kata-raw-nn reply")
struct RawNNReplyTests {
  @Test("the reply has KataGo's layout and rounds like KataGo's printf")
  func layout() throws {
    let model = try tinyModel("tiny-v15-transformer.bin.gz")
    let game = try NNGame(
      xSize: 9, ySize: 9, rules: .trompTaylor, komi: 7.5, setup: [], moves: [("B", "E5")])
    let reply = try RawNNEvaluator(backend: CPUBackend(model: model)).kataRawNNReply(game, symmetry: 0)
    let lines = reply.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "= symmetry 0")
    #expect(lines[1].hasPrefix("whiteWin 0.") && lines[1].count == "whiteWin 0.123456".count)
    #expect(lines[10] == "policy")
    // E5 is occupied: NAN in row 4 (from the top), column 4.
    let row4 = lines[11 + 4]
    #expect(row4.split(separator: " ")[4] == "NAN")
    #expect(lines[20].hasPrefix("policyPass "))
    #expect(lines[21] == "whiteOwnership")
    #expect(reply.hasSuffix("\n\n") && !reply.hasSuffix(" \n\n"))
    let all = try RawNNEvaluator(backend: CPUBackend(model: model)).kataRawNNReply(game, symmetry: nil)
    #expect(all.components(separatedBy: "symmetry ").count == 9)
  }
}

@Suite("GTP kata-raw-nn handler")
struct RawNNGTPHandlerTests {
  @Test("the handler answers for a GoCore game, honouring colour and optimism")
  func handler() throws {
    let model = try tinyModel("tiny-v15-transformer.bin.gz")
    let handler = RawNNEvaluator(backend: CPUBackend(model: model)).gtpHandler()
    var state = GameState(size: 9, rules: .trompTaylor)
    try state.play(.play(Point(x: 4, y: 4)), by: .black)
    let body = try handler(state, nil, 0, nil)
    #expect(body.hasPrefix("symmetry 0\nwhiteWin "))
    #expect(!body.hasSuffix("\n"))
    let game = try NNGame(xSize: 9, ySize: 9, rules: .trompTaylor, komi: 7.5, setup: [], moves: [("B", "E5")])
    let direct = try RawNNEvaluator(backend: CPUBackend(model: model)).kataRawNNReply(game, symmetry: 0)
    #expect("= " + body + "\n\n" == direct)
    #expect(try handler(state, .black, 0, nil) != body)
    #expect(try handler(state, nil, 0, 1.0) != body)
  }
}
