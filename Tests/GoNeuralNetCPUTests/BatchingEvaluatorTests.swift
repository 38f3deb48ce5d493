import Foundation
import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

@Suite("Batching evaluator")
struct BatchingEvaluatorTests {
  static func game(_ moves: String, size: Int = 9) throws -> NNGame {
    let t = moves.split(separator: " ").map(String.init)
    let pairs = stride(from: 0, to: t.count - 1, by: 2).map { (t[$0], t[$0 + 1]) }
    return try NNGame(
      xSize: size, ySize: size, rules: .trompTaylor, komi: 7.5, setup: [], moves: pairs)
  }

  static let model: ModelDescription = try! ModelLoader.load(
    path: Fixtures.path("tiny-v15-transformer.bin.gz"))

  @Test("in-tree positions use the node policy optimism, the root its own, cached apart")
  func nodeOptimism() throws {
    let backend = CPUBackend(model: Self.model, threads: 1)
    let evaluator = BatchingEvaluator(backend: backend, nodePolicyOptimism: 1)
    let g = try Self.game("B E5 W C3")
    let root = try evaluator.evaluate(g, isRoot: true)
    let node = try evaluator.evaluate(g, isRoot: false)
    let raw0 = try RawNNEvaluator(backend: backend, policyOptimism: 0.2).evaluate(g, symmetries: [Symmetry(0)])[0]
    let raw1 = try RawNNEvaluator(backend: backend, policyOptimism: 1).evaluate(g, symmetries: [Symmetry(0)])[0]
    #expect(root.policy == raw0.policy)
    #expect(node.policy == raw1.policy)
    #expect(node.policy != root.policy)
    #expect(node.whiteWin == root.whiteWin)
    #expect(evaluator.stats.cacheHits == 0)
  }

  @Test("models with older input versions get their own features", arguments: Fixtures.oldModels)
  func olderInputVersions(_ file: String) throws {
    let model = try tinyModel(file)
    let backend = CPUBackend(model: model, threads: 1)
    let evaluator = BatchingEvaluator(backend: backend)
    #expect(evaluator.featureOptions.version == InputFeatureVersion(modelVersion: model.version))
    let g = try Self.game("B E5 W C3")
    let e = try evaluator.evaluate(g)
    let raw = try RawNNEvaluator(backend: backend).evaluate(g, symmetries: [Symmetry(0)])[0]
    #expect(e.policy == raw.policy && e.whiteWin == raw.whiteWin)
  }

  @Test("a history floor hides the moves before it, like hiding all history when it is the end")
  func historyFloor() throws {
    let backend = CPUBackend(model: Self.model, threads: 1)
    let evaluator = BatchingEvaluator(backend: backend)
    var hidden = InputFeatures.Options(modelVersion: Self.model.version)
    hidden.hideHistory = true
    let hiding = BatchingEvaluator(backend: backend, featureOptions: hidden)
    let g = try Self.game("B E5 W C3 B G7")
    let full = try evaluator.evaluate(g, isRoot: false, historyFloor: 0)
    let none = try evaluator.evaluate(g, isRoot: false, historyFloor: 3)
    let partial = try evaluator.evaluate(g, isRoot: false, historyFloor: 2)
    #expect(none == (try hiding.evaluate(g, isRoot: false)))
    #expect(full != none)
    #expect(partial != none && partial != full)
  }

  @Test("matches kata-raw-nn evaluation and answers repeats from the cache")
  func cache() throws {
    let backend = CPUBackend(model: Self.model, threads: 1)
    let evaluator = BatchingEvaluator(backend: backend, symmetryMode: .fixed(3))
    let g = try Self.game("B E5 W C3 B G7")
    let a = try evaluator.evaluate(g)
    let b = try evaluator.evaluate(g)
    let direct = try RawNNEvaluator(backend: backend).evaluate(g, symmetries: [Symmetry(3)])[0]
    #expect(a == direct)
    #expect(a == b)
    #expect(evaluator.stats.cacheHits == 1 && evaluator.stats.positionsEvaluated == 1)
    // A different komi is a different input: no cache hit.
    var h = g
    h.komi = 6.5
    let c = try evaluator.evaluate(h)
    #expect(c.whiteWin != a.whiteWin)
    #expect(evaluator.stats.cacheHits == 1)
  }

  @Test("averaging all symmetries is the mean of the single-symmetry results")
  func averaging() throws {
    let backend = CPUBackend(model: Self.model, threads: 1)
    let g = try Self.game("B C3 W G6 B E4")
    let avg = try BatchingEvaluator(backend: backend, symmetryMode: .average(Array(0..<8))).evaluate(g)
    let singles = try RawNNEvaluator(backend: backend).evaluate(g, symmetries: Symmetry.allCases)
    let meanWin = singles.reduce(Float(0)) { $0 + $1.whiteWin } / 8
    #expect(abs(avg.whiteWin - meanWin) < 1e-6)
    let i = 3 * 9 + 5
    #expect(abs(avg.whiteOwnership[i] - singles.reduce(Float(0)) { $0 + $1.whiteOwnership[i] } / 8) < 1e-6)
    // Symmetries differ from each other on a non-symmetric position.
    #expect(Set(singles.map(\.whiteWin)).count > 1)
  }

  @Test("concurrent requests are batched and each gets its own result")
  func concurrent() throws {
    let backend = CPUBackend(model: Self.model, threads: 1)
    let evaluator = BatchingEvaluator(backend: backend, maxBatchSize: 8, cacheCapacity: 0)
    let openings = ["B E5", "B C3", "B G7", "B D4 W F6", "B E5 W E3", "B C7 W G3", "B F5", "B D5"]
    let games = try openings.map { try Self.game($0) }
    let batched = try evaluator.evaluate(batch: games)
    for (g, e) in zip(games, batched) {
      let single = try RawNNEvaluator(backend: backend).evaluate(g, symmetries: [Symmetry(0)])[0]
      #expect(abs(single.whiteWin - e.whiteWin) < 1e-5)
    }
    let s = evaluator.stats
    #expect(s.positionsEvaluated == 8)
    #expect(s.batches <= 8)
    // The batch-size histogram accounts for every call and every position.
    #expect(s.batchSizeCounts.reduce(0, +) == s.batches)
    #expect(s.batchSizeCounts.enumerated().reduce(0) { $0 + $1.offset * $1.element } == 8)
    #expect(s.backendSeconds > 0)
  }
}

@Suite("Batching evaluator root handling")
struct BatchingEvaluatorRootTests {
  @Test("after an opponent pass, history is hidden only at the root")
  func rootHidesHistory() throws {
    let backend = CPUBackend(model: BatchingEvaluatorTests.model, threads: 1)
    let evaluator = BatchingEvaluator(backend: backend)
    let g = try BatchingEvaluatorTests.game("B E5 W C3 B pass")
    let root = try evaluator.evaluate(g, isRoot: true)
    let inner = try evaluator.evaluate(g, isRoot: false)
    #expect(root.whiteWin != inner.whiteWin)
    var hidden = InputFeaturesV7.Options()
    hidden.hideHistory = true
    #expect(
      BatchingEvaluator.inputHash(g, options: hidden)
        == BatchingEvaluator.inputHash(g, options: InputFeaturesV7.Options()))
  }
}
