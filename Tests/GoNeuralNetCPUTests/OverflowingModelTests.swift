import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

/// Reliability audit F7 on the fast backend: a model whose weights are finite but whose
/// float outputs overflow loads, then the load-time probe refuses it, and an evaluation of it
/// is an error (it once played "pass, winrate nan").
@Suite struct OverflowingModelTests {
  @Test func theProbeAndEveryEvaluationRefuseIt() throws {
    let model = try tinyModel("hostile/overflow-v17.bin.gz")
    let backend = CPUBackend(model: model, threads: 1)
    #expect(throws: NNOutputError(output: "policy sum")) { try backend.probe() }
    let evaluator = BatchingEvaluator(backend: backend, maxBatchSize: 1)
    #expect(throws: NNOutputError(output: "policy sum")) {
      try evaluator.evaluate(NNGame(GameState(size: 9, rules: .chinese)))
    }
  }

  @Test func theFixtureModelsPassTheProbe() throws {
    for file in Fixtures.models + Fixtures.oldModels {
      try CPUBackend(model: try tinyModel(file), threads: 1).probe()
    }
  }
}
