import CTengenCPU
import GoNeuralNet
import Foundation
import Synchronization

/// The fast CPU backend: NHWC activations, weights transformed once at load, Winograd
/// F(4×4,3×3) for 3×3 convolutions, sgemm for everything else, persistent thread pools.
///
/// With `lanes` > 1, that many `evaluate` calls run at once, each on its own thread pool and
/// activation buffers over the shared weights: small networks gain more from whole batches
/// running side by side on single threads than from splitting each layer across threads.
public final class CPUBackend: NeuralNetBackend {
  /// The model this backend runs.
  public let model: ModelDescription
  /// "cpu".
  public let backendName = "cpu"
  /// The matrix multiplier in use.
  public let gemm: any MatrixMultiplier
  /// The instruction set of the C kernels (attention, norms, activations; and the default
  /// multiplier's products).
  public let isa: CPUInstructionSet
  /// The first lane's thread pool.
  public var pool: ThreadPool { lanes[0].pool }
  /// Threads per evaluation.
  public var threadsPerLane: Int { lanes[0].pool.threadCount }
  /// Evaluations that may run at once.
  public var concurrentEvaluations: Int { lanes.count }
  let trunkBlocks: [CompiledBlock]
  let initialConv: CompiledConv
  let initialMatMul: CompiledMatMul
  let meta: (CompiledMatMul, CompiledMatMul, CompiledMatMul, ActivationCode, ActivationCode)?
  let tipNorm: CompiledNormAct?
  let tipRMS: (gamma: FloatBuffer, beta: FloatBuffer, eps: Float, spatial: Bool)?
  let tipActivation: ActivationCode
  let heads: CompiledHeads
  private let lanes: [Lane]
  /// Indices of the lanes no call is using.
  private let freeLanes: Mutex<[Int]>
  /// Counts the free lanes.
  private let laneSemaphore: DispatchSemaphore
  private let profileState = Mutex<LayerProfile?>(nil)

  /// What one running evaluation owns: its threads and its activation buffers.
  final class Lane: @unchecked Sendable {
    let pool: ThreadPool
    var workspace = Workspace()
    var ropeTables: [Int: RopeTables] = [:]
    init(threads: Int) { pool = ThreadPool(threadCount: threads) }
  }

  /// Starts (or stops, with nil) accumulating per-layer-kind timings into `profile` (the
  /// profile is not synchronised: profile with one lane).
  public func setProfile(_ profile: LayerProfile?) {
    profileState.withLock { $0 = profile }
  }

  /// Compiles `model` for `threads` threads per evaluation and `lanes` concurrent evaluations
  /// using `gemm` (the row-stable kernels of `isa` + OpenBLAS/Accelerate by default) and the C
  /// kernels of `isa`.
  public init(
    model: ModelDescription, threads: Int = 1, lanes: Int = 1, gemm: (any MatrixMultiplier)? = nil,
    isa: CPUInstructionSet = .default
  ) {
    self.model = model
    self.isa = isa
    self.gemm = gemm ?? defaultMatrixMultiplier(isa: isa)
    self.lanes = (0..<max(1, lanes)).map { _ in Lane(threads: threads) }
    freeLanes = Mutex(Array((0..<max(1, lanes)).reversed()))
    laneSemaphore = DispatchSemaphore(value: max(1, lanes))
    let t = model.trunk
    initialConv = CompiledConv(t.initialConv)
    initialMatMul = CompiledMatMul(t.initialMatMul)
    if let m = t.metadataEncoder {
      meta = (
        CompiledMatMul(m.mul1, bias: m.bias1), CompiledMatMul(m.mul2, bias: m.bias2),
        CompiledMatMul(m.mul3), ActivationCode(m.act1), ActivationCode(m.act2)
      )
    } else {
      meta = nil
    }
    trunkBlocks = t.blocks.map(CompiledBlock.init)
    switch t.tip {
    case .batchNorm(let n):
      tipNorm = CompiledNormAct(norm: n, activation: t.tipActivation)
      tipRMS = nil
    case .rmsNorm(let r):
      tipNorm = nil
      tipRMS = (FloatBuffer(r.gamma), FloatBuffer(r.beta), r.epsilon, r.spatial)
    }
    tipActivation = ActivationCode(t.tipActivation)
    heads = CompiledHeads(model)
  }

  deinit { for lane in lanes { lane.pool.shutdown() } }

  /// Runs the network on a batch on a free lane (waits for one when all are busy).
  public func evaluate(_ batch: NNInputBatch) throws -> NNRawOutputBatch {
    precondition(batch.numSpatial == model.numInputChannels, "spatial input count mismatch")
    precondition(batch.numGlobal == model.numInputGlobalChannels, "global input count mismatch")
    // Flush denormals on the calling thread for the pass (workers always do), then restore.
    let savedFP = tengen_fp_state()
    tengen_flush_denormals()
    defer { tengen_set_fp_state(savedFP) }
    laneSemaphore.wait()
    let index = freeLanes.withLock { $0.removeLast() }
    defer {
      freeLanes.withLock { $0.append(index) }
      laneSemaphore.signal()
    }
    let lane = lanes[index]
    let ropeKey = batch.nnXLen * 1000 + batch.nnYLen
    if lane.ropeTables[ropeKey] == nil {
      lane.ropeTables[ropeKey] = RopeTables(
        blocks: model.trunk.attentionBlocks, w: batch.nnXLen, h: batch.nnYLen)
    }
    let pass = CPUPass(
      backend: self, pool: lane.pool, ws: lane.workspace, rope: lane.ropeTables[ropeKey]!, batch: batch)
    pass.profile = profileState.withLock { $0 }
    return pass.run(batch)
  }

  /// Floats held in activation buffers (for memory reports; read while no call runs).
  public var workspaceFloats: Int { lanes.reduce(0) { $0 + $1.workspace.totalFloats } }
}
