import Foundation
import GoFeatures
import Testing

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

@Test("debug dump", .enabled(if: ProcessInfo.processInfo.environment["NN_DEBUG"] != nil))
func debugDump() throws {
  let file = ProcessInfo.processInfo.environment["NN_DEBUG"]!
  let fixture = try KataGoFixture(
    positionsFile: "positions-tiny.json", outputsFile: "katago-\(file.prefix { $0 != "." }).json")
  let model = try ModelLoader.load(path: Fixtures.path(file))
  let evaluator = RawNNEvaluator(backend: CPUBackend(model: model, threads: 1))
  for p in fixture.positions {
    let e = try evaluator.evaluate(p.game, symmetries: [NNSymmetry(p.symmetry)])[0]
    let d = KataGoFixture.differences(e, p.expected)
    let bad = d.filter { $0.value > KataGoFixture.tolerance($0.key) }.map { "\($0.key)=\(String(format: "%.4g", $0.value))" }
    print("DBG \(p.id) rules=\(p.game.rules.koRule),\(p.game.rules.scoring) sym=\(p.symmetry) moves=\(p.game.moves.count) win=\(e.whiteWin)/\(p.expected["whiteWin"]!) lead=\(e.whiteLead)/\(p.expected["whiteLead"]!) var=\(e.varTimeLeft)/\(p.expected["varTimeLeft"]!) st=\(e.shorttermWinlossError)/\(p.expected["shorttermWinlossError"]!) BAD \(bad.sorted())")
  }
  for (id, why) in fixture.skipped { print("DBG skipped \(id): \(why)") }
}
