import ArgumentParser
import GoNeuralNet
import GoNeuralNetCPU

/// Builds the batching evaluator every network player uses: the model on the CPU backend,
/// KataGo's in-tree policy optimism (1.0).
enum NetworkEvaluator {
  /// Loads `path` and wraps it; a bad file becomes a `ValidationError` naming it.
  static func make(
    path: String, nnThreads: Int, maxBatchSize: Int, symmetry: SymmetryMode
  ) throws -> BatchingEvaluator {
    let description: ModelDescription
    do {
      description = try ModelLoader.load(path: path)
    } catch {
      throw ValidationError("cannot load model \(path): \(error)")
    }
    return BatchingEvaluator(
      backend: CPUBackend(model: description, threads: max(1, nnThreads)),
      maxBatchSize: max(1, maxBatchSize), symmetryMode: symmetry, nodePolicyOptimism: 1)
  }
}
