import GoFeatures
import Testing

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

@Suite("Tiny models vs real KataGo")
struct KataGoTinyModelTests {
  @Test("kata-raw-nn outputs match KataGo's recorded ones", arguments: Fixtures.models)
  func matchesKataGo(_ file: String) throws {
    let fixture = try KataGoReference(
      positionsPath: Fixtures.path("positions-tiny.json"), outputsPath: Fixtures.path("katago-\(file.prefix { $0 != "." }).json"))
    #expect(fixture.positions.count >= 15)
    let model = try ModelLoader.load(path: Fixtures.path(file))
    let evaluator = RawNNEvaluator(backend: CPUBackend(model: model, threads: 2))
    var worst: [String: Double] = [:]
    for p in fixture.positions {
      let e = try evaluator.evaluate(p.game, symmetries: [NNSymmetry(p.symmetry)])[0]
      for (k, d) in KataGoReference.differences(e, p.expected) {
        worst[k] = max(worst[k] ?? 0, d)
        #expect(d <= KataGoReference.tolerance(k), "\(file) \(p.id) \(k) differs by \(d)")
      }
    }
    print("worst differences \(file): \(worst.sorted { $0.key < $1.key })")
  }
}
