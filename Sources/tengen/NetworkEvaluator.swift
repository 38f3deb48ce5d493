import ArgumentParser
import Foundation
import GoCore
import GoNeuralNet
import GoSearch
import GoNeuralNetGPU

/// Builds the batching evaluator every network player uses: the model on the chosen backend
/// (`BackendOptions`, the CPU one by default), KataGo's in-tree policy optimism (1.0).
enum NetworkEvaluator {
  /// Loads the model at `path`; a bad file becomes a `CommandFailure` naming it and the
  /// problem (no usage line: the option was fine, the file is not).
  static func load(_ path: String) throws -> ModelDescription {
    do {
      return try ModelLoader.load(path: path)
    } catch {
      throw CommandFailure("cannot load model \(path): \(error)")
    }
  }

  /// `backend` after one probe evaluation (`NeuralNetBackend.probe`): a network whose outputs
  /// are not finite is refused at load as a `CommandFailure`, not played with.
  static func probed<B: NeuralNetBackend>(_ backend: B, path: String) throws -> B {
    do {
      try backend.probe()
    } catch {
      throw CommandFailure("cannot use model \(path): \(error)")
    }
    return backend
  }

  /// Loads `path` on the chosen backend, probes it and wraps it; a bad file becomes a
  /// `CommandFailure` naming it, a backend that cannot start (`--backend cuda` without CUDA)
  /// throws its own one-line `GPUError`.
  static func make(
    path: String, nnThreads: Int, maxBatchSize: Int, symmetry: SymmetryMode,
    backend options: BackendOptions = .defaults
  ) throws -> BatchingEvaluator {
    let backend = try probed(options.make(model: try load(path), threads: nnThreads), path: path)
    return BatchingEvaluator(
      backend: backend, maxBatchSize: max(1, maxBatchSize), symmetryMode: symmetry,
      nodePolicyOptimism: 1)
  }

  /// The evaluator for `choice`, or nil for rollouts: a bundled network that is missing or
  /// cannot load warns once on stderr (`BundledNetworks.warnRollouts`) and gives nil; an
  /// explicit one that cannot load throws. Logs the loaded network and its load time.
  static func make(
    choice: BundledNetworks.Choice, nnThreads: Int, maxBatchSize: Int, symmetry: SymmetryMode,
    backend: BackendOptions = .defaults
  ) throws -> BatchingEvaluator? {
    if choice == .noBundledNetwork {
      BundledNetworks.warnRollouts("no bundled network (networks/tengen-NxN.bin.gz) was found")
    }
    guard let path = choice.path else { return nil }
    OpenBLASCoreType.ensure()
    let start = ContinuousClock.now
    let evaluator: BatchingEvaluator
    do {
      evaluator = try make(
        path: path, nnThreads: nnThreads, maxBatchSize: maxBatchSize, symmetry: symmetry, backend: backend)
    } catch let e as GPUError {
      throw e  // the backend asked for cannot run: no fallback to rollouts
    } catch {
      guard case .bundled = choice else { throw error }
      BundledNetworks.warnRollouts("\(error)")
      return nil
    }
    let m = evaluator.backend.model
    FileHandle.standardError.write(Data(String(
      format: "tengen: network %@ (%@) on the %@ backend, loaded in %.2f s\n", path, m.name,
      evaluator.backend.backendName, (ContinuousClock.now - start).inSeconds).utf8))
    return evaluator
  }

  /// What a network player searches with: the evaluator for `choice` (`make(choice:...)`)
  /// and, when that is a bundled network and others are bundled too, those as well behind a
  /// `BoardSizeRoutedEvaluator` (a bundled network that cannot load then only warns); with
  /// the `kata-raw-nn` handler that matches. Nil for rollouts.
  static func makePlayer(
    choice: BundledNetworks.Choice, nnThreads: Int, maxBatchSize: Int, symmetry: SymmetryMode,
    backend: BackendOptions = .defaults
  ) throws -> NetworkPlayer? {
    guard
      let primary = try make(
        choice: choice, nnThreads: nnThreads, maxBatchSize: maxBatchSize, symmetry: symmetry, backend: backend)
    else { return nil }
    let single = NetworkPlayer(
      evaluator: primary, primary: primary, rawNN: RawNNEvaluator(backend: primary.backend).gtpHandler())
    guard case .bundled(let primaryPath) = choice,
      let primarySide = BundledNetworks.side(
        ofFileName: URL(fileURLWithPath: primaryPath).lastPathComponent)
    else { return single }
    var networks = [(side: primarySide, evaluator: primary)]
    for other in BundledNetworks.available() where other.path != primaryPath {
      guard
        let e = try? make(
          choice: .explicit(other.path), nnThreads: nnThreads, maxBatchSize: maxBatchSize,
          symmetry: symmetry, backend: backend)
      else {
        FileHandle.standardError.write(Data(
          "warning: the bundled network \(other.path) cannot be loaded; \(other.side)×\(other.side) boards use \(primaryPath)\n".utf8))
        continue
      }
      networks.append((other.side, e))
    }
    guard networks.count > 1 else { return single }
    let router = BoardSizeRoutedEvaluator(networks.sorted { $0.side < $1.side })
    return NetworkPlayer(evaluator: router, primary: primary, rawNN: router.rawNNHandler())
  }
}
