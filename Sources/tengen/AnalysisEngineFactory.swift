import ArgumentParser
import GoAnalysis
import GoNeuralNet
import GoSearch

/// What `tengen analysis` analyses with: a maker of engine instances (one per worker thread,
/// all sharing one batching evaluator when there is a network) and the `query_models` list.
struct AnalysisEngineFactory {
  var makeEngine: () -> any AnalyzingEngine
  var models: [AnalysisModelInfo]
}

/// The engine factory for `tengen analysis`: PUCT over the chosen network (`--model`, else the
/// bundled one nearest 19×19; see `BundledNetworks`), else the rollout engine.
///
/// - Parameters:
///   - searchThreads: PUCT search threads per engine; with several analysis threads their
///     leaves meet in the shared evaluator's batches.
func makeAnalysisEngineFactory(
  model: String?, params: RolloutParameters, nnThreads: Int, maxBatchSize: Int,
  searchThreads: Int = 8, backend: BackendOptions = .defaults
) throws -> AnalysisEngineFactory {
  let choice = BundledNetworks.choice(model: model, boardSize: 19)
  if let player = try NetworkEvaluator.makePlayer(
    choice: choice, nnThreads: nnThreads, maxBatchSize: maxBatchSize, symmetry: .random, backend: backend)
  {
    let evaluator = player.evaluator
    let description = player.primary.backend.model
    var p = PUCTParameters()
    p.threads = max(1, searchThreads)
    p.seed = params.seed
    p.resignThreshold = 0
    p.reuseTree = false
    return AnalysisEngineFactory(
      makeEngine: { PUCTEngine(evaluator: evaluator, params: p) },
      models: [
        AnalysisModelInfo(
          name: choice.path ?? "", internalName: description.name, version: description.version,
          maxBatchSize: max(1, maxBatchSize))
      ])
  }
  let probe: any GoEngine = RolloutEngine(params: params)
  guard probe is any AnalyzingEngine else {
    throw ValidationError(
      "the rollout engine cannot analyse yet (it does not conform to AnalyzingEngine in this build)"
    )
  }
  return AnalysisEngineFactory(
    makeEngine: {
      let engine: any GoEngine = RolloutEngine(params: params)
      return engine as! any AnalyzingEngine
    },
    models: [])
}
