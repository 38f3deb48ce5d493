import ArgumentParser
import GoAnalysis
import GoSearch

/// What `tengen analysis` analyses with: a maker of engine instances (one per worker thread;
/// with a network they are meant to share one batching evaluator) and the `query_models` list.
struct AnalysisEngineFactory {
  var makeEngine: () -> any AnalyzingEngine
  var models: [AnalysisModelInfo]
}

/// The engine factory for `tengen analysis`.
///
/// Without a model: the rollout engine, once it conforms to `AnalyzingEngine` (checked at run
/// time, so no change is needed here when it does). With a model: the network PUCT engine,
/// which is wired in here when it lands (until then a clear error).
func makeAnalysisEngineFactory(
  model: String?, params: RolloutParameters, nnThreads: Int, maxBatchSize: Int
) throws -> AnalysisEngineFactory {
  if let model {
    throw ValidationError(
      "--model \(model): the network engine (PUCTEngine) is not part of this build yet; "
        + "run without --model to analyse with the rollout engine")
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
