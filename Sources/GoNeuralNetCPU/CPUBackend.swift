import CTengenCPU
import GoNeuralNet
import Synchronization

/// The fast CPU backend: NHWC activations, weights transformed once at load, Winograd
/// F(4×4,3×3) for 3×3 convolutions, sgemm for everything else, a persistent thread pool.
public final class CPUBackend: NeuralNetBackend {
  /// The model this backend runs.
  public let model: ModelDescription
  /// "cpu".
  public let backendName = "cpu"
  /// The matrix multiplier in use.
  public let gemm: any MatrixMultiplier
  /// The thread pool.
  public let pool: ThreadPool
  let trunkBlocks: [CompiledBlock]
  let initialConv: CompiledConv
  let initialMatMul: CompiledMatMul
  let meta: (CompiledMatMul, CompiledMatMul, CompiledMatMul, ActivationCode, ActivationCode)?
  let tipNorm: CompiledNormAct?
  let tipRMS: (gamma: FloatBuffer, beta: FloatBuffer, eps: Float, spatial: Bool)?
  let tipActivation: ActivationCode
  let heads: CompiledHeads
  private let state: Mutex<State>

  struct State: @unchecked Sendable {
    var workspace = Workspace()
    var ropeTables: [Int: RopeTables] = [:]
    var profile: LayerProfile?
  }

  /// Starts (or stops, with nil) accumulating per-layer-kind timings into `profile`.
  public func setProfile(_ profile: LayerProfile?) {
    state.withLock { $0.profile = profile }
  }

  /// Compiles `model` for `threads` threads using `gemm` (OpenBLAS/Accelerate by default).
  public init(model: ModelDescription, threads: Int = 1, gemm: (any MatrixMultiplier)? = nil) {
    self.model = model
    self.gemm = gemm ?? defaultMatrixMultiplier()
    pool = ThreadPool(threadCount: threads)
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
    state = Mutex(State())
  }

  deinit { pool.shutdown() }

  /// Runs the network on a batch (calls are serialised).
  public func evaluate(_ batch: NNInputBatch) throws -> NNRawOutputBatch {
    precondition(batch.numSpatial == model.numInputChannels, "spatial input count mismatch")
    precondition(batch.numGlobal == model.numInputGlobalChannels, "global input count mismatch")
    // Flush denormals on the calling thread for the pass (workers always do), then restore.
    let savedFP = tengen_fp_state()
    tengen_flush_denormals()
    defer { tengen_set_fp_state(savedFP) }
    return state.withLock { st in
      let ropeKey = batch.nnXLen * 1000 + batch.nnYLen
      if st.ropeTables[ropeKey] == nil {
        st.ropeTables[ropeKey] = RopeTables(blocks: model.trunk.blocks, w: batch.nnXLen, h: batch.nnYLen)
      }
      let pass = CPUPass(
        backend: self, ws: st.workspace, rope: st.ropeTables[ropeKey]!, batch: batch)
      pass.profile = st.profile
      return pass.run(batch)
    }
  }

  /// Floats held in activation buffers (for memory reports).
  public var workspaceFloats: Int { state.withLock { $0.workspace.totalFloats } }
}
