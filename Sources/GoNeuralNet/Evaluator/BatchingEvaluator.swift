import Foundation
import GoCore
import GoFeatures

/// The one object search talks to: evaluates positions on a backend, gathering concurrent
/// requests into batches, caching results by the exact network input, and selecting or
/// averaging symmetries.
public final class BatchingEvaluator: @unchecked Sendable {
  /// The backend.
  public let backend: any NeuralNetBackend
  /// Largest batch sent to the backend.
  public let maxBatchSize: Int
  /// Symmetry handling.
  public let symmetryMode: SymmetryMode
  /// Post-processing settings (its policy optimism applies at the search root).
  public let postProcessor: PostProcessor
  /// Policy optimism for positions inside the search tree (KataGo: 1.0; nil = the root's).
  public let nodePolicyOptimism: Float?
  /// Feature options (history hiding, PDA, ...; the input version is the model's).
  public let featureOptions: InputFeatures.Options
  /// Counters since creation.
  public struct Stats: Sendable, Equatable {
    /// Evaluations requested.
    public var requests = 0
    /// Requests answered from the cache.
    public var cacheHits = 0
    /// Backend calls.
    public var batches = 0
    /// Positions sent to the backend.
    public var positionsEvaluated = 0
    /// Backend calls by batch size: `batchSizeCounts[b]` calls carried `b` requests.
    public var batchSizeCounts: [Int] = []
    /// Wall-clock seconds spent inside backend calls (permuting the encoded inputs, network, post-processing).
    public var backendSeconds = 0.0
  }

  private let queue: NNBatchQueue
  /// Guards the cache and the symmetry generator.
  private let lock = NSLock()
  private var cache: NNCache
  private var rng = SystemRandomNumberGenerator()

  /// Creates an evaluator over `backend`.
  public init(
    backend: any NeuralNetBackend, maxBatchSize: Int = 16, cacheCapacity: Int = 1 << 16,
    symmetryMode: SymmetryMode = .fixed(0), policyOptimism: Float = 0.2,
    nodePolicyOptimism: Float? = nil,
    featureOptions: InputFeatures.Options = InputFeatures.Options()
  ) {
    self.nodePolicyOptimism = nodePolicyOptimism
    self.backend = backend
    self.maxBatchSize = max(1, maxBatchSize)
    self.symmetryMode = symmetryMode
    postProcessor = PostProcessor(model: backend.model, policyOptimism: policyOptimism)
    var options = featureOptions
    options.version = InputFeatureVersion(modelVersion: backend.model.version) ?? .v7
    options.preferPassAliveUnderSuicide =
      options.preferPassAliveUnderSuicide || backend.model.preferPassAliveUnderSuicideRules
    self.featureOptions = options
    cache = NNCache(capacity: cacheCapacity)
    let processor = postProcessor
    queue = NNBatchQueue(maxBatchSize: self.maxBatchSize, runners: backend.concurrentEvaluations) { batch in
      Self.run(batch, backend: backend, postProcessor: processor)
    }
  }

  deinit { queue.stop() }

  /// Counters since creation.
  public var stats: Stats { queue.stats }

  /// Evaluations in the cache now, and the most it keeps (the oldest go first beyond that).
  public var cacheFill: (entries: Int, capacity: Int) {
    lock.lock()
    defer { lock.unlock() }
    return (cache.count, cache.capacity)
  }

  /// Forgets every cached evaluation (`clear_cache`).
  public func clearCache() {
    lock.lock()
    cache.removeAll()
    lock.unlock()
  }

  /// Evaluates `game` for its side to move; blocks until done. Concurrent callers are batched.
  ///
  /// `isRoot` selects KataGo's root behaviour: with `conservativePassAtRoot` in the feature
  /// options, history is hidden at the search root when the opponent just passed; inside the
  /// tree (`isRoot` false) it never is.
  ///
  /// `historyFloor`: moves before this index are not shown as history (KataGo's
  /// `ignorePreRootHistory`).
  public func evaluate(_ game: NNGame, isRoot: Bool = true, historyFloor: Int = 0) throws
    -> NNEvaluation
  {
    var options = featureOptions
    if !isRoot { options.conservativePassAtRoot = false }
    options.historyFloor = historyFloor
    let optimism =
      isRoot ? postProcessor.policyOptimism : (nodePolicyOptimism ?? postProcessor.policyOptimism)
    let input = EncodedPosition(game, options: options)
    var key = input.hash
    if optimism != postProcessor.policyOptimism {
      key = (key ^ UInt64(optimism.bitPattern)) &* 0x9E37_79B9_7F4A_7C15
    }
    lock.lock()
    let hit = cache.get(key)
    let symmetries = hit == nil ? chooseSymmetries(key: input.hash) : []
    lock.unlock()
    queue.countRequest(cacheHit: hit != nil)
    if let hit { return hit }
    let request = NNBatchQueue.Request(
      game: game, input: input, symmetries: symmetries, optimism: optimism)
    let result = queue.submit(request)
    if case .success(let e) = result {
      lock.lock()
      cache.put(key, e)
      lock.unlock()
    }
    return try result.get()
  }

  /// Evaluates several games in one call (lc0-style minibatches from a single search thread).
  public func evaluate(batch games: [NNGame], isRoot: Bool = false) throws -> [NNEvaluation] {
    if games.count <= 1 { return try games.map { try evaluate($0, isRoot: isRoot) } }
    return try evaluateConcurrently(games, isRoot: isRoot)
  }

  private func evaluateConcurrently(_ games: [NNGame], isRoot: Bool) throws -> [NNEvaluation] {
    let results = UnsafeMutableBufferPointer<Result<NNEvaluation, Error>?>.allocate(capacity: games.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let box = UnsafeTransfer(results)   // each iteration writes only its own slot
    DispatchQueue.concurrentPerform(iterations: games.count) { i in
      box.value[i] = Result { try self.evaluate(games[i], isRoot: isRoot) }
    }
    return try results.map { try $0!.get() }
  }

  private func chooseSymmetries(key: UInt64) -> [Symmetry] {
    switch symmetryMode {
    case .fixed(let s): return [Symmetry(s)]
    case .random: return [Symmetry(Int.random(in: 0..<8, using: &rng))]
    case .hashed: return [Symmetry(Int((key &* 0x9E37_79B9_7F4A_7C15) >> 61))]
    case .average(let list): return list.map(Symmetry.init)
    }
  }

  /// Runs one batch (all symmetries of all requests) on the backend, one call per grid shape.
  static func run(
    _ batch: [NNBatchQueue.Request], backend: any NeuralNetBackend, postProcessor: PostProcessor
  ) -> [Result<NNEvaluation, Error>] {
    var groups: [Int: [(Int, Int)]] = [:]  // grid shape -> (request, symmetry index)
    for (i, r) in batch.enumerated() {
      let key = r.input.width * 1000 + r.input.height
      for j in r.symmetries.indices { groups[key, default: []].append((i, j)) }
    }
    var evals = batch.map { [NNEvaluation?](repeating: nil, count: $0.symmetries.count) }
    var failure: Error?
    for (_, members) in groups {
      let input = NNInputBatch(
        encoded: members.map { batch[$0.0].input },
        symmetries: members.map { batch[$0.0].symmetries[$0.1] })
      do {
        let raw = try backend.evaluate(input)
        var processor = postProcessor
        for (k, m) in members.enumerated() {
          processor.policyOptimism = batch[m.0].optimism
          evals[m.0][m.1] = try processor.process(
            raw, index: k, game: batch[m.0].game!, symmetry: batch[m.0].symmetries[m.1])
        }
      } catch {
        failure = error
      }
    }
    return evals.map { list in
      if let failure { return .failure(failure) }
      return .success(Self.average(list.compactMap { $0 }))
    }
  }

  /// The mean of several symmetries' post-processed outputs.
  static func average(_ list: [NNEvaluation]) -> NNEvaluation {
    guard list.count > 1 else { return list[0] }
    var out = list[0]
    let n = Float(list.count)
    func mean(_ f: (NNEvaluation) -> Float) -> Float { list.reduce(0) { $0 + f($1) } / n }
    out.passProbability = mean { $0.passProbability }
    out.whiteWin = mean { $0.whiteWin }
    out.whiteLoss = mean { $0.whiteLoss }
    out.noResult = mean { $0.noResult }
    out.whiteLead = mean { $0.whiteLead }
    out.whiteScoreMean = mean { $0.whiteScoreMean }
    out.whiteScoreMeanSq = mean { $0.whiteScoreMeanSq }
    out.varTimeLeft = mean { $0.varTimeLeft }
    out.shorttermWinlossError = mean { $0.shorttermWinlossError }
    out.shorttermScoreError = mean { $0.shorttermScoreError }
    for i in out.policy.indices where out.policy[i] >= 0 { out.policy[i] = mean { $0.policy[i] } }
    for i in out.whiteOwnership.indices { out.whiteOwnership[i] = mean { $0.whiteOwnership[i] } }
    return out
  }

  /// A 64-bit hash of the exact network input of `game` (symmetry 0, `options.version`).
  public static func inputHash(_ game: NNGame, options: InputFeatures.Options) -> UInt64 {
    EncodedPosition(game, options: options).hash
  }
}
