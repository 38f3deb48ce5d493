import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet

/// Reliability audit F7: an output that is not a finite number is an error, at the load-time
/// probe and at every evaluation, never a NaN win rate passed to the search (a model whose
/// weights overflowed once made `genmove` pass with "winrate nan").
@Suite("Non-finite network outputs")
struct NonFiniteOutputTests {
  @Test("a non-finite output fails post-processing, naming the output")
  func nonFiniteOutputs() throws {
    let model = try ModelLoader.load(path: Fixtures.path("tiny-v17-mixed.bin.gz"))
    let cases: [(String, @Sendable (inout NNRawOutputBatch) -> Void)] = [
      ("policy sum", { $0.policy[3] = .infinity }),
      ("policy sum", { $0.policy[5] = .nan }),
      ("policy sum", { $0.pass[0] = .nan }),
      ("value", { $0.value[1] = .nan }),
      ("score", { $0.score[0] = .infinity }),
      ("ownership", { $0.ownership[7] = .nan }),
    ]
    for (output, rig) in cases {
      let backend = RiggedBackend(model: model, rig: rig)
      #expect(throws: NNOutputError(output: output)) { try backend.probe() }
      // At run time too: the evaluator's error, never a NaN win rate.
      let evaluator = BatchingEvaluator(backend: backend, maxBatchSize: 1)
      #expect(throws: NNOutputError(output: output)) {
        try evaluator.evaluate(NNGame(GameState(size: 9, rules: .chinese)))
      }
    }
    // Finite outputs, however large, pass.
    try RiggedBackend(model: model) { $0.policy[3] = 3e38; $0.value[0] = -3e38 }.probe()
    #expect(NNOutputError(output: "value").description.hasPrefix("the network's value is not finite"))
  }

  @Test("every fixture model passes the probe", arguments: Fixtures.models + Fixtures.oldModels)
  func fixturesPassTheProbe(_ file: String) throws {
    try ReferenceBackend(model: try ModelLoader.load(path: Fixtures.path(file))).probe()
  }
}
